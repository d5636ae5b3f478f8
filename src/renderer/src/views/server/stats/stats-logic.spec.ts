import { describe, expect, it } from 'vitest';
import { appendSample, mergeSamples, STATS_POINTS } from './samples';
import { StatsStore } from './stats-store.svelte';
import { chartColumns, gapThresholdMs } from './chart-data';
import { CHART_SPECS, readout } from './chart-specs';
import { sample } from '../test-fixtures';
import type { StatsSample } from '../../../../../shared/types';
import { historyColumns, historyGapMs } from './history-data';
import type { HistoryPointView } from '../../../../../shared/ipc/history';

const times = (list: readonly StatsSample[]): number[] => list.map((s) => s.at);

describe('samples', () => {
  it('appends in time order, bounded, ignoring repeats and older samples', () => {
    let list: StatsSample[] = [];
    for (const at of [1, 2, 2, 1, 3, 4]) list = appendSample(list, sample(at), 3);
    expect(times(list)).toEqual([2, 3, 4]);
  });

  it('merges loaded history with newer pushed samples without duplicates', () => {
    const merged = mergeSamples([sample(3), sample(1), sample(2)], [sample(2), sample(4)], 10);
    expect(times(merged)).toEqual([1, 2, 3, 4]);
  });

  it('keeps the same number of points as main', () => {
    expect(STATS_POINTS).toBe(180);
  });
});

describe('StatsStore', () => {
  it('holds samples pushed while the history loads and puts them after it', () => {
    const store = new StatsStore(10);
    store.beginLoad();
    store.push(sample(5));
    expect(store.samples).toEqual([]);
    store.loaded([sample(1), sample(2)]);
    expect(times(store.samples)).toEqual([1, 2, 5]);
    store.push(sample(6));
    expect(times(store.samples)).toEqual([1, 2, 5, 6]);
    expect(store.latest?.at).toBe(6);
  });

  it('stays bounded however many samples arrive', () => {
    const store = new StatsStore(5);
    store.loaded([]);
    for (let at = 1; at <= 50; at++) store.push(sample(at));
    expect(times(store.samples)).toEqual([46, 47, 48, 49, 50]);
  });

  it('clears when the server goes offline and ignores samples until it is back', () => {
    const store = new StatsStore(10);
    store.loaded([sample(1), sample(2)]);
    store.setOffline(true);
    expect(store.samples).toEqual([]);
    store.push(sample(3));
    expect(store.samples).toEqual([]);
    store.setOffline(false);
    store.push(sample(4));
    expect(times(store.samples)).toEqual([4]);
  });

  it('shows pushed samples when the history fails, and merges them on a retry', () => {
    const store = new StatsStore(10);
    store.push(sample(7));
    store.failed('The panel cannot be reached.');
    expect(store.status).toBe('failed');
    expect(store.error).toBe('The panel cannot be reached.');
    expect(times(store.samples)).toEqual([7]);
    store.beginLoad();
    store.loaded([sample(5), sample(6)]);
    expect(times(store.samples)).toEqual([5, 6, 7]);
    expect(store.status).toBe('ready');
  });
});

describe('chart columns', () => {
  it('puts x in seconds, a column per series and the limit last', () => {
    const samples = [sample(2000, { cpuPercent: 12 }), sample(4000, { cpuPercent: 30 })];
    expect(chartColumns(samples, 'cpu', 200)).toEqual([
      [2, 4],
      [12, 30],
      [200, 200],
    ]);
    expect(chartColumns(samples, 'cpu', null)).toEqual([
      [2, 4],
      [12, 30],
      [null, null],
    ]);
  });

  it('plots network rates in and out, with no limit column', () => {
    const columns = chartColumns([sample(1000, { networkRxBytesPerSec: 7, networkTxBytesPerSec: 3 })], 'network', null);
    expect(columns).toEqual([[1], [7], [3]]);
  });

  it('breaks the line where samples stopped for a while', () => {
    const samples = [sample(0), sample(2000), sample(4000), sample(60_000), sample(62_000)];
    const [xs, memory] = chartColumns(samples, 'memory', null);
    expect(xs).toEqual([0, 2, 4, 4.001, 60, 62]);
    expect(memory).toEqual([512, 512, 512, null, 512, 512]);
  });

  it('scales the gap to the usual spacing (polled servers report every 30 s)', () => {
    expect(gapThresholdMs([sample(0), sample(30_000), sample(60_000)])).toBe(90_000);
    expect(gapThresholdMs([sample(0), sample(2000)])).toBe(10_000);
  });
});

describe('readout', () => {
  const spec = (kind: string) => CHART_SPECS.find((s) => s.kind === kind)!;
  const limits = { memoryMib: 1024, diskMib: 0, cpuPercent: 200 };

  it('shows the value and the limit of each chart', () => {
    expect(readout(spec('cpu'), sample(1, { cpuPercent: 42.4 }), limits)).toMatchObject({ values: [{ text: '42%' }], limit: 'Limit 200%', hasLimit: true });
    expect(readout(spec('memory'), sample(1, { memoryBytes: 512 * 1024 * 1024 }), limits)).toMatchObject({
      values: [{ text: '512 MiB' }],
      limit: 'Limit 1.0 GiB',
    });
    expect(readout(spec('disk'), sample(1), limits)).toMatchObject({ limit: 'No limit', hasLimit: false });
  });

  it('shows both network rates and dashes when there is no sample', () => {
    expect(readout(spec('network'), sample(1, { networkRxBytesPerSec: 2048, networkTxBytesPerSec: 0 }), limits).values.map((v) => v.text)).toEqual([
      '2.0 KiB/s',
      '0 B/s',
    ]);
    expect(readout(spec('network'), null, limits).values.map((v) => v.text)).toEqual(['—', '—']);
  });
});

describe('historyColumns', () => {
  const flat = (v: number) => ({ min: v, avg: v, max: v });
  const at = (t: number, bucketMs = 60_000): HistoryPointView => ({
    at: t,
    bucketMs,
    count: 1,
    metrics: { cpuPercent: flat(t / 60_000), memoryBytes: flat(1), diskBytes: flat(1), networkRxBytesPerSec: flat(1), networkTxBytesPerSec: flat(1) },
    uptimeMs: 0,
  });

  it('joins points as far apart as they usually are, and breaks only at a longer pause', () => {
    // A server polled every 5 minutes: 1-minute buckets 5 minutes apart, then an hour missing.
    const points = [0, 5, 10, 15, 75, 80].map((m) => at(m * 60_000));
    expect(historyGapMs(points)).toBe(15 * 60_000);
    const [xs, cpu] = historyColumns(points, 'disk', null);
    expect(cpu).toEqual([1, 1, 1, 1, null, 1, 1]);
    expect(xs).toHaveLength(7);
  });

  it('never breaks under two buckets or ten seconds', () => {
    expect(historyGapMs([at(0, 900_000), at(900_000, 900_000)])).toBe(2_700_000);
    expect(historyGapMs([at(0, 900_000)])).toBe(1_800_000);
    expect(historyGapMs([at(0, 0), at(2_000, 0), at(4_000, 0)])).toBe(10_000);
  });
});
