/**
 * Stats samples as chart columns (uPlot's aligned data: x in seconds, then one column per
 * series), with a gap where samples stopped for a while, so a line never bridges an outage.
 */
import type { StatsSample } from '../../../../../shared/types';

export type ChartKind = 'cpu' | 'memory' | 'disk' | 'network';

/** x values (epoch seconds), then one column per series; null is "no value here". */
export type ChartColumns = [number[], ...(number | null)[][]];

/** The value columns of each chart. */
const VALUES: Record<ChartKind, (s: StatsSample) => number[]> = {
  cpu: (s) => [s.cpuPercent],
  memory: (s) => [s.memoryBytes],
  disk: (s) => [s.diskBytes],
  network: (s) => [s.networkRxBytesPerSec, s.networkTxBytesPerSec],
};

const SERIES_COUNT: Record<ChartKind, number> = { cpu: 1, memory: 1, disk: 1, network: 2 };

/** The charts that draw a limit line as their last column. */
export const HAS_LIMIT: Record<ChartKind, boolean> = { cpu: true, memory: true, disk: true, network: false };

/** The values of one sample for a chart, in series order. */
export function sampleValues(sample: StatsSample, kind: ChartKind): number[] {
  return VALUES[kind](sample);
}

// Samples come every 2 s when followed live and every poll (20 s or more) otherwise: a gap is a
// pause well beyond the usual spacing, never less than this.
const MIN_GAP_MS = 10_000;
const GAP_FACTOR = 3;

/** How long a pause between two samples must be to break the line. */
export function gapThresholdMs(samples: readonly StatsSample[]): number {
  const deltas: number[] = [];
  for (let i = 1; i < samples.length; i++) deltas.push(samples[i]!.at - samples[i - 1]!.at);
  if (deltas.length === 0) return MIN_GAP_MS;
  deltas.sort((a, b) => a - b);
  const median = deltas[Math.floor(deltas.length / 2)]!;
  return Math.max(MIN_GAP_MS, median * GAP_FACTOR);
}

/** The columns of a chart; `limit` (null: unlimited) fills the limit column of charts that have one. */
export function chartColumns(samples: readonly StatsSample[], kind: ChartKind, limit: number | null): ChartColumns {
  const seriesCount = SERIES_COUNT[kind];
  const xs: number[] = [];
  const ys: (number | null)[][] = Array.from({ length: seriesCount }, () => []);
  const limits: (number | null)[] = [];
  const gapMs = gapThresholdMs(samples);
  let previousAt: number | null = null;
  const point = (at: number, values: (number | null)[]): void => {
    xs.push(at / 1000);
    values.forEach((v, i) => ys[i]!.push(v));
    limits.push(limit);
  };
  for (const sample of samples) {
    if (previousAt !== null && sample.at - previousAt > gapMs)
      point(
        previousAt + 1,
        ys.map(() => null),
      );
    point(sample.at, VALUES[kind](sample));
    previousAt = sample.at;
  }
  return HAS_LIMIT[kind] ? [xs, ...ys, limits] : [xs, ...ys];
}
