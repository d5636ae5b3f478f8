/**
 * The channels of the stats history on disk (issue 14, part 1): a server's charts over a range,
 * its uptime per day and per week, the dashboard's 24-hour line per server, and a CSV export
 * through main's save dialog. The contract (../ipc-contract.ts) is the union of these domain
 * files; a channel is written here once, with its arguments and result.
 */
import type { ServerRef } from '../types';

/** The ranges the history on disk answers; the Stats tab's `live` is the window's own samples. */
export const STORED_RANGES = ['1h', '24h', '7d', '30d', '90d'] as const;
export type StoredRange = (typeof STORED_RANGES)[number];

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How far back each range reaches from now. */
export const RANGE_MS: Record<StoredRange, number> = { '1h': HOUR_MS, '24h': DAY_MS, '7d': 7 * DAY_MS, '30d': 30 * DAY_MS, '90d': 90 * DAY_MS };

/** The metrics the history keeps, in the names of StatsSample. */
export type HistoryMetric = 'cpuPercent' | 'memoryBytes' | 'diskBytes' | 'networkRxBytesPerSec' | 'networkTxBytesPerSec';

/** One chart point: a bucket's least, mean and largest value (all three equal for a raw sample). */
export interface HistoryPointView {
  /** The bucket's start (epoch ms). */
  at: number;
  /** 0 for a raw sample. */
  bucketMs: number;
  /** Samples in the bucket. */
  count: number;
  metrics: Record<HistoryMetric, { min: number; avg: number; max: number }>;
  uptimeMs: number;
}

/** A range of a server's history, from the finest tier that covers it. */
export interface HistorySeriesView {
  fromMs: number;
  toMs: number;
  tier: 'raw' | 'minute' | 'quarter';
  bucketMs: number;
  points: HistoryPointView[];
}

/** How the uptime is grouped: local calendar days (the last 30) or weeks from Monday (the last 13). */
export type UptimePer = 'day' | 'week';

/** Time running and time a live state was seen at all, in one day or week. */
export interface UptimeBucketView {
  start: number;
  bucketMs: number;
  runningMs: number;
  /** 0 when nothing was seen (the app was not running, the panel not reachable). */
  observedMs: number;
}

/** The dashboard's line for one server. */
export interface ServerHistorySummary {
  server: ServerRef;
  /** Running share of the last 24 hours' observed time, 0…1; null when nothing was observed. */
  uptime24h: number | null;
  /** Hourly mean CPU over the last 24 hours, oldest first; null for an hour with no data. */
  cpuSparkline: Array<number | null>;
}

export interface HistoryChannels {
  'history:series': { args: [{ server: ServerRef; range: StoredRange }]; result: HistorySeriesView };
  'history:uptime': { args: [{ server: ServerRef; per: UptimePer }]; result: UptimeBucketView[] };
  /** One summary per server asked, in the order asked. */
  'history:summaries': { args: [{ servers: ServerRef[] }]; result: ServerHistorySummary[] };
  /** Main's save dialog, then main writes the CSV; null when the dialog was cancelled. The page never learns the path. */
  'history:export-csv': { args: [{ server: ServerRef; range: StoredRange }]; result: { fileName: string } | null };
}

/** Every channel above, in order (checked against the interface in ../ipc-contract.ts). */
export const HISTORY_CHANNELS = [
  'history:series',
  'history:uptime',
  'history:summaries',
  'history:export-csv',
] as const satisfies readonly (keyof HistoryChannels)[];
