import { describe, expect, it } from 'vitest';
import { TIERS, bucketStart, isRetained, mergeRollups, rollUp, rowsPerServer, tierForRange } from '../../../../src/core/history/rollups';
import type { StatsSample } from '../../../../src/shared/types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 11, 3, 12, 0, 0);

function sample(at: number, cpuPercent: number, memoryBytes = 100, uptimeMs = 0): StatsSample {
  return { at, cpuPercent, memoryBytes, diskBytes: 10, networkRxBytesPerSec: 1, networkTxBytesPerSec: 2, uptimeMs };
}

describe('rollUp', () => {
  it('summarises each minute by min, avg and max, oldest first, skipping empty minutes', () => {
    const samples = [sample(T0 + 2 * MIN + 5_000, 30), sample(T0 + 1_000, 10), sample(T0 + 30_000, 50, 300, 7_000), sample(T0 + 59_999, 30)];
    const rollups = rollUp(samples, MIN);
    expect(rollups.map((r) => [r.start - T0, r.count])).toEqual([
      [0, 3],
      [2 * MIN, 1],
    ]);
    expect(rollups[0]!.metrics.cpuPercent).toEqual({ min: 10, avg: 30, max: 50 });
    expect(rollups[0]!.metrics.memoryBytes).toEqual({ min: 100, avg: 500 / 3, max: 300 });
    expect(rollups[0]!.uptimeMs).toBe(7_000);
  });

  it('puts a sample on a bucket edge in the bucket it starts', () => {
    expect(rollUp([sample(T0 + MIN, 1)], MIN)[0]!.start).toBe(T0 + MIN);
    expect(bucketStart(T0 + MIN - 1, MIN)).toBe(T0);
  });

  it('skips a sample without a time and a metric that is not a number', () => {
    const rollups = rollUp([sample(Number.NaN, 99), sample(T0, Number.NaN, 5), sample(T0 + 1, 20, 7)], MIN);
    expect(rollups).toHaveLength(1);
    expect(rollups[0]!.count).toBe(2);
    expect(rollups[0]!.metrics.cpuPercent).toEqual({ min: 20, avg: 20, max: 20 });
    expect(rollups[0]!.metrics.memoryBytes).toEqual({ min: 5, avg: 6, max: 7 });
  });

  it('refuses a bucket that is not positive', () => {
    expect(() => rollUp([], 0)).toThrow(RangeError);
  });
});

describe('mergeRollups', () => {
  it('weights averages by count, so fifteen minutes average as their raw samples do', () => {
    const raw = [sample(T0, 10), sample(T0 + 1_000, 20), sample(T0 + 5 * MIN, 90), sample(T0 + 16 * MIN, 40)];
    const quarter = mergeRollups(rollUp(raw, MIN), 15 * MIN);
    const direct = rollUp(raw, 15 * MIN);
    expect(quarter).toEqual(direct);
    expect(quarter[0]!.metrics.cpuPercent).toEqual({ min: 10, avg: 40, max: 90 });
  });

  it('refuses rollups that do not divide the new bucket', () => {
    expect(() => mergeRollups(rollUp([sample(T0, 1)], 7 * MIN), 15 * MIN)).toThrow(/does not divide/);
  });
});

describe('retention and tiers', () => {
  it.each([
    ['raw', T0 - HOUR + 1, true],
    ['raw', T0 - HOUR, false],
    ['minute', T0 - 48 * HOUR, true],
    ['minute', T0 - 48 * HOUR - MIN, false],
    ['quarter', T0 - 90 * DAY - 14 * MIN, true],
    ['quarter', T0 - 90 * DAY - 15 * MIN, false],
  ] as const)('%s keeps something stamped %s: %s', (id, at, kept) => {
    const tier = TIERS.find((t) => t.id === id)!;
    expect(isRetained(tier, at, T0)).toBe(kept);
  });

  it.each([
    [HOUR, 'raw'],
    [24 * HOUR, 'minute'],
    [48 * HOUR, 'minute'],
    [7 * DAY, 'quarter'],
    [90 * DAY, 'quarter'],
  ] as const)('a chart of %s ms reads the %s tier', (range, id) => {
    expect(tierForRange(range).id).toBe(id);
  });

  it('says how long history is kept when more is asked', () => {
    expect(() => tierForRange(91 * DAY)).toThrow(/kept for 90 days/);
  });

  it('counts the rows one server adds over its retention', () => {
    // One sample every 2 s (Wings' stats) for an hour, then 2,880 minutes and 8,640 quarters.
    expect(rowsPerServer(2_000)).toEqual({ raw: 1_800, minute: 2_880, quarter: 8_640 });
  });
});
