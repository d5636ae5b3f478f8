/**
 * A range of the history on disk as chart columns (issue 14): each bucket's mean at its middle,
 * with its max and min as a band on the charts where spikes matter (CPU, memory), and a gap where
 * buckets are missing (the app was not running, the server was offline), so no line bridges it.
 */
import type { HistoryMetric, HistoryPointView } from '../../../../../shared/ipc/history';
import { HAS_LIMIT, type ChartColumns, type ChartKind } from './chart-data';

/** The charts that draw a min/max band: CPU bursts and memory swings hide in a 15-minute mean. */
export const HAS_BAND: Record<ChartKind, boolean> = { cpu: true, memory: true, disk: false, network: false };

/** The metrics each chart plots, in series order. */
export const METRICS: Record<ChartKind, HistoryMetric[]> = {
  cpu: ['cpuPercent'],
  memory: ['memoryBytes'],
  disk: ['diskBytes'],
  network: ['networkRxBytesPerSec', 'networkTxBytesPerSec'],
};

/** Raw samples come every 2 s when followed live, every poll (20 s or more) otherwise: never a gap below this. */
const MIN_GAP_MS = 10_000;
/** A pause of this many times the usual spacing breaks the line (an outage, the app not running). */
const GAP_FACTOR = 3;

/**
 * How long a pause between two points must be to break the line: three times their usual (median)
 * spacing, and at least two buckets, so a server polled every few minutes still draws a line.
 */
export function historyGapMs(points: readonly HistoryPointView[]): number {
  const deltas: number[] = [];
  for (let i = 1; i < points.length; i++) deltas.push(points[i]!.at - points[i - 1]!.at);
  deltas.sort((a, b) => a - b);
  const median = deltas[Math.floor(deltas.length / 2)] ?? 0;
  return Math.max(MIN_GAP_MS, 2 * (points[0]?.bucketMs ?? 0), GAP_FACTOR * median);
}

/** Where a point is drawn: the middle of its bucket. */
export function pointX(point: HistoryPointView): number {
  return (point.at + point.bucketMs / 2) / 1000;
}

/** The columns of one chart over a range: x, the mean per series, then max and min for a band, then the limit. */
export function historyColumns(points: readonly HistoryPointView[], kind: ChartKind, limit: number | null): ChartColumns {
  const metrics = METRICS[kind];
  const hasBand = HAS_BAND[kind];
  const width = metrics.length + (hasBand ? 2 : 0);
  const xs: number[] = [];
  const ys: (number | null)[][] = Array.from({ length: width }, () => []);
  const limits: (number | null)[] = [];
  const push = (x: number, values: (number | null)[]): void => {
    xs.push(x);
    values.forEach((v, i) => ys[i]!.push(v));
    limits.push(limit);
  };
  const gapMs = historyGapMs(points);
  let previous: HistoryPointView | null = null;
  for (const p of points) {
    if (previous && p.at - previous.at > gapMs) {
      push(
        pointX(previous) + 1,
        Array.from({ length: width }, () => null),
      );
    }
    const values: number[] = metrics.map((m) => p.metrics[m].avg);
    if (hasBand) values.push(p.metrics[metrics[0]!].max, p.metrics[metrics[0]!].min);
    push(pointX(p), values);
    previous = p;
  }
  return HAS_LIMIT[kind] ? [xs, ...ys, limits] : [xs, ...ys];
}

/** A range's numbers for one metric: the mean over every sample (count-weighted) and the highest. */
export function rangeSummary(points: readonly HistoryPointView[], metric: HistoryMetric): { avg: number; max: number } | null {
  let count = 0;
  let sum = 0;
  let max = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    sum += p.metrics[metric].avg * p.count;
    count += p.count;
    max = Math.max(max, p.metrics[metric].max);
  }
  return count === 0 ? null : { avg: sum / count, max };
}
