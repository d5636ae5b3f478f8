/**
 * History that lasts (issue 14, part 1): the tiers a server's stats are kept in and the rollups
 * between them. Full resolution for the last hour, 1-minute rollups (min/avg/max) for 48 hours,
 * 15-minute rollups for 90 days. Pure and clock-free: the caller says what time it is, so the
 * store (next slice) and the tests share one arithmetic.
 */
import type { StatsSample } from '../../shared/types';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The metrics a rollup summarises (uptime is a counter: its max is what a bucket keeps). */
export const ROLLUP_METRICS = ['cpuPercent', 'memoryBytes', 'diskBytes', 'networkRxBytesPerSec', 'networkTxBytesPerSec'] as const;
export type RollupMetric = (typeof ROLLUP_METRICS)[number];

export interface MetricSummary {
  min: number;
  avg: number;
  max: number;
}

/** One bucket of samples: `[start, start + bucketMs)`. */
export interface Rollup {
  start: number;
  bucketMs: number;
  /** How many samples it summarises (0 never: an empty bucket is not written). */
  count: number;
  metrics: Record<RollupMetric, MetricSummary>;
  /** The largest uptime seen in the bucket, 0 when the server was not running. */
  uptimeMs: number;
}

export interface Tier {
  id: 'raw' | 'minute' | 'quarter';
  /** 0 for raw samples. */
  bucketMs: number;
  retainMs: number;
}

export const TIERS: readonly [Tier, Tier, Tier] = [
  { id: 'raw', bucketMs: 0, retainMs: HOUR_MS },
  { id: 'minute', bucketMs: MINUTE_MS, retainMs: 48 * HOUR_MS },
  { id: 'quarter', bucketMs: 15 * MINUTE_MS, retainMs: 90 * DAY_MS },
];

/** The start of the bucket `at` falls in (buckets are aligned to the epoch, so to UTC). */
export function bucketStart(at: number, bucketMs: number): number {
  return Math.floor(at / bucketMs) * bucketMs;
}

function finite(value: number): boolean {
  return Number.isFinite(value);
}

/**
 * Rolls samples up into buckets of `bucketMs`, oldest first. A sample with a non-finite time is
 * skipped; a non-finite metric value is left out of that metric (the bucket still counts it).
 */
export function rollUp(samples: readonly StatsSample[], bucketMs: number): Rollup[] {
  if (!(bucketMs > 0)) throw new RangeError('bucketMs must be positive');
  const buckets = new Map<number, StatsSample[]>();
  for (const sample of samples) {
    if (!finite(sample.at)) continue;
    const start = bucketStart(sample.at, bucketMs);
    const bucket = buckets.get(start);
    if (bucket) bucket.push(sample);
    else buckets.set(start, [sample]);
  }
  return [...buckets.entries()].sort(([a], [b]) => a - b).map(([start, inBucket]) => summarise(start, bucketMs, inBucket));
}

function summarise(start: number, bucketMs: number, samples: readonly StatsSample[]): Rollup {
  const metrics = {} as Record<RollupMetric, MetricSummary>;
  for (const metric of ROLLUP_METRICS) {
    const values = samples.map((s) => s[metric]).filter(finite);
    metrics[metric] =
      values.length === 0
        ? { min: 0, avg: 0, max: 0 }
        : { min: Math.min(...values), avg: values.reduce((a, b) => a + b, 0) / values.length, max: Math.max(...values) };
  }
  const uptimes = samples.map((s) => s.uptimeMs).filter(finite);
  return { start, bucketMs, count: samples.length, metrics, uptimeMs: uptimes.length ? Math.max(...uptimes) : 0 };
}

/**
 * Merges rollups of one bucket size into coarser ones (1-minute into 15-minute), weighting each
 * average by its sample count, so a 15-minute average equals the average of its raw samples.
 */
export function mergeRollups(rollups: readonly Rollup[], bucketMs: number): Rollup[] {
  const buckets = new Map<number, Rollup[]>();
  for (const r of rollups) {
    if (bucketMs % r.bucketMs !== 0) throw new RangeError(`a ${r.bucketMs} ms rollup does not divide ${bucketMs} ms buckets`);
    const start = bucketStart(r.start, bucketMs);
    const bucket = buckets.get(start);
    if (bucket) bucket.push(r);
    else buckets.set(start, [r]);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, parts]) => {
      const count = parts.reduce((n, p) => n + p.count, 0);
      const metrics = {} as Record<RollupMetric, MetricSummary>;
      for (const metric of ROLLUP_METRICS) {
        metrics[metric] = {
          min: Math.min(...parts.map((p) => p.metrics[metric].min)),
          avg: parts.reduce((sum, p) => sum + p.metrics[metric].avg * p.count, 0) / count,
          max: Math.max(...parts.map((p) => p.metrics[metric].max)),
        };
      }
      return { start, bucketMs, count, metrics, uptimeMs: Math.max(...parts.map((p) => p.uptimeMs)) };
    });
}

/** Whether something stamped `at` (a raw sample, or a bucket's start) is still kept at `now` in `tier`. */
export function isRetained(tier: Tier, at: number, now: number): boolean {
  // A bucket is kept while any part of it is inside the window.
  return at + tier.bucketMs > now - tier.retainMs;
}

/** The finest tier that still covers `[now - rangeMs, now]`: what a chart of that range reads. */
export function tierForRange(rangeMs: number): Tier {
  const tier = TIERS.find((t) => rangeMs <= t.retainMs);
  if (!tier) throw new RangeError(`history is kept for ${TIERS[2].retainMs / DAY_MS} days; ${Math.round(rangeMs / DAY_MS)} days asked`);
  return tier;
}

/** Rows a server adds to each tier over its whole retention, at one sample every `sampleEveryMs`. */
export function rowsPerServer(sampleEveryMs: number): Record<Tier['id'], number> {
  return {
    raw: Math.ceil(TIERS[0].retainMs / sampleEveryMs),
    minute: TIERS[1].retainMs / TIERS[1].bucketMs,
    quarter: TIERS[2].retainMs / TIERS[2].bucketMs,
  };
}
