import { describe, expect, it } from 'vitest';
import { HistoryStore, FLUSH_EVERY_MS } from '../../../../src/core/history/history-store';
import { openStore, type Database } from '../../../../src/core/store/database';
import { STORE_MODULES } from '../../../../src/core/store/modules';
import { silentLogger, type Clock } from '../../../../src/core/util/deps';
import type { ServerRef, StatsSample } from '../../../../src/shared/types';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 11, 1, 0, 0, 0);
const REF: ServerRef = { accountId: 'acc', identifier: 'a1b2c3d4' };

/** A manual clock: timers fire only when the test moves time on. */
class ManualClock implements Clock {
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.set(id, { at: this.t + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = end;
  }
  pending(): number {
    return this.timers.size;
  }
}

function sample(at: number, cpuPercent: number, memoryBytes = 512 * 1024 * 1024): StatsSample {
  return { at, cpuPercent, memoryBytes, diskBytes: 2 * 1024 ** 3, networkRxBytesPerSec: 1_000, networkTxBytesPerSec: 3_000, uptimeMs: at - T0 };
}

function open(path = ':memory:'): Database {
  return openStore(path, STORE_MODULES, { logger: silentLogger }).db;
}

function count(db: Database, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('HistoryStore writes', () => {
  it('buffers samples and writes them at the next flush, a few seconds later, into every tier', () => {
    const db = open();
    const clock = new ManualClock(T0);
    const store = new HistoryStore(db, { clock, logger: silentLogger });
    store.record(REF, sample(T0 + 1_000, 10));
    store.record(REF, sample(T0 + 3_000, 30));
    expect(count(db, 'history_raw')).toBe(0);
    clock.advance(FLUSH_EVERY_MS);
    expect(count(db, 'history_raw')).toBe(2);
    // Their minute and quarter are still open: summed in memory, written when they close…
    expect(count(db, 'history_pages')).toBe(0);
    expect(store.series(REF, T0, T0 + HOUR).points.map((p) => p.metrics.cpuPercent.avg)).toEqual([10, 30]);
    // …and a day's chart shows the open minute all the same.
    clock.t = T0 + 2 * HOUR;
    expect(store.series(REF, T0 - DAY, T0 + HOUR).points.map((p) => [p.count, p.metrics.cpuPercent.avg])).toEqual([[2, 20]]);
    store.flush();
    expect(db.prepare(`SELECT key >> 44 AS tier, count(*) AS n FROM history_pages GROUP BY tier ORDER BY tier`).all()).toEqual([
      { tier: 1, n: 1 }, // an hour page of minutes
      { tier: 2, n: 1 }, // a 4½-hour page of quarters
    ]);
  });

  it('rebuilds the buckets open at a kill from the raw samples, and goes on from what a clean quit wrote', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pterotray-history-')), 'history.sqlite');
    const clock = new ManualClock(T0);
    const first = open(path);
    const killed = new HistoryStore(first, { clock, logger: silentLogger });
    killed.record(REF, sample(T0 + 1_000, 10));
    killed.record(REF, sample(T0 + 2 * MIN, 20));
    killed.flush(); // the first minute closed and was written; the third is open
    first.close(); // killed: no dispose
    const second = open(path);
    const back = new HistoryStore(second, { clock, logger: silentLogger });
    back.record(REF, sample(T0 + 2 * MIN + 30_000, 40));
    back.dispose(); // a clean quit writes the open buckets as they stand
    second.close();
    const third = open(path);
    const again = new HistoryStore(third, { clock, logger: silentLogger });
    again.record(REF, sample(T0 + 2 * MIN + 50_000, 60));
    clock.t = T0 + 3 * HOUR;
    const minutes = again.series(REF, T0, T0 + 10 * MIN).points;
    expect(minutes.map((p) => [p.at - T0, p.count, Math.round(p.metrics.cpuPercent.avg)])).toEqual([
      [0, 1, 10],
      [2 * MIN, 3, 40],
    ]);
    const quarter = again.series(REF, T0 - 3 * DAY, T0 + HOUR).points;
    expect(quarter.map((p) => [p.count, Math.round(p.metrics.cpuPercent.avg)])).toEqual([[4, 33]]);
  });

  it('rebuilds nothing after a clean quit, which wrote its open buckets, and rebuilds again after a later kill', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pterotray-history-')), 'history.sqlite');
    const clock = new ManualClock(T0);
    const isClean = (db: Database): unknown => (db.prepare('SELECT is_clean FROM history_alive WHERE id = 1').get() as { is_clean: number }).is_clean;
    /** A raw sample in the open minute that no bucket has: a rebuild from raw would fold it in. */
    const plantRaw = (db: Database, at: number): void => {
      db.prepare('INSERT INTO history_raw (at_ms, server, cpu, mem, disk, rx, tx, uptime_s) VALUES (?, 1, 9990, 0, 0, 0, 0, 0)').run(at);
    };
    const first = open(path);
    const store = new HistoryStore(first, { clock, logger: silentLogger });
    store.record(REF, sample(T0 + 1_000, 10));
    store.flush();
    expect(isClean(first)).toBe(0);
    store.dispose();
    expect(isClean(first)).toBe(1);
    plantRaw(first, T0 + 2_000);
    first.close();

    const second = open(path);
    const back = new HistoryStore(second, { clock, logger: silentLogger });
    expect(isClean(second)).toBe(0); // running again: a kill from here on must be rebuilt
    clock.t = T0 + 3 * HOUR;
    // The minute is what the clean quit wrote: one sample at 10 %, not the planted 999 %.
    expect(back.series(REF, T0, T0 + 10 * MIN).points.map((p) => [p.count, Math.round(p.metrics.cpuPercent.avg)])).toEqual([[1, 10]]);
    second.close(); // killed

    const third = open(path);
    const rebuilt = new HistoryStore(third, { clock, logger: silentLogger });
    // After the kill the open buckets come from the raw samples, the planted one among them.
    expect(rebuilt.series(REF, T0, T0 + 10 * MIN).points.map((p) => p.count)).toEqual([2]);
    third.close();
  });

  it('folds later samples into a stored bucket weighted by count, as if all were rolled up at once', () => {
    const db = open();
    const clock = new ManualClock(T0);
    const store = new HistoryStore(db, { clock, logger: silentLogger });
    store.record(REF, sample(T0 + 1_000, 10));
    store.flush();
    for (const [at, cpu] of [
      [T0 + 20_000, 40],
      [T0 + 40_000, 70],
    ] as const)
      store.record(REF, sample(at, cpu));
    store.flush();
    clock.t = T0 + 3 * HOUR; // past the raw hour: a day's chart reads the minute tier
    const points = store.series(REF, T0 - HOUR, T0 + 2 * HOUR).points;
    expect(points).toHaveLength(1);
    expect(points[0]!.count).toBe(3);
    expect(points[0]!.metrics.cpuPercent).toEqual({ min: 10, avg: 40, max: 70 });
  });

  it('keeps raw samples an hour, minute rollups 48 hours and quarter rollups 90 days', () => {
    const db = open();
    const clock = new ManualClock(T0);
    const store = new HistoryStore(db, { clock, logger: silentLogger });
    // One sample every 15 minutes for 91 days, flushed (and pruned) every simulated 6 hours.
    for (let at = T0; at < T0 + 91 * DAY; at += 15 * MIN) {
      clock.t = at;
      store.record(REF, sample(at, 5));
      if ((at - T0) % (6 * HOUR) === 0) store.flush();
    }
    store.flush();
    const now = clock.t;
    const oldestRaw = (db.prepare('SELECT min(at_ms) AS m FROM history_raw').get() as { m: number }).m;
    const oldestPage = (tier: number, pageMs: number): number =>
      (db.prepare('SELECT min((key >> 20) & 16777215) AS m FROM history_pages WHERE key >> 44 = ?').get(tier) as { m: number }).m * pageMs;
    expect(now - oldestRaw).toBeLessThanOrEqual(HOUR);
    // Pages go whole: an hour page of minutes once its last minute is out of the 48 hours.
    expect(now - oldestPage(1, HOUR)).toBeLessThanOrEqual(49 * HOUR);
    expect(now - oldestPage(1, HOUR)).toBeGreaterThan(47 * HOUR);
    expect(now - oldestPage(2, 4.5 * HOUR)).toBeLessThanOrEqual(90 * DAY + 4.5 * HOUR);
    expect(now - oldestPage(2, 4.5 * HOUR)).toBeGreaterThan(89 * DAY);
    // What a chart reads stops at 90 days.
    const series = store.series(REF, now - 90 * DAY, now, Number.MAX_SAFE_INTEGER);
    expect(now - series.points[0]!.at).toBeLessThanOrEqual(90 * DAY + 15 * MIN);
  });

  it('reads each range from the finest tier that covers it, merged to at most the points asked', () => {
    const db = open();
    const clock = new ManualClock(T0);
    const store = new HistoryStore(db, { clock, logger: silentLogger });
    for (let at = T0; at < T0 + 10 * DAY; at += MIN) {
      store.record(REF, sample(at, (at / MIN) % 100));
      if ((at - T0) % HOUR === 0) {
        clock.t = at;
        store.flush();
      }
    }
    clock.t = T0 + 10 * DAY;
    store.flush();
    const now = clock.t;
    expect(store.series(REF, now - HOUR, now).tier).toBe('raw');
    expect(store.series(REF, now - DAY, now).tier).toBe('minute');
    const week = store.series(REF, now - 7 * DAY, now, 200);
    expect(week.tier).toBe('quarter');
    expect(week.points.length).toBeLessThanOrEqual(200);
    expect(week.bucketMs % (15 * MIN)).toBe(0);
    // Merging keeps the extremes: the band of a merged chart still spans 0..99.
    expect(Math.min(...week.points.map((p) => p.metrics.cpuPercent.min))).toBe(0);
    expect(Math.max(...week.points.map((p) => p.metrics.cpuPercent.max))).toBeCloseTo(99, 2);
  });

  it('writes CSV with a header and one UTC row per point', () => {
    const db = open();
    const clock = new ManualClock(T0 + 10 * MIN);
    const store = new HistoryStore(db, { clock, logger: silentLogger });
    store.record(REF, sample(T0, 12.5, 1024 * 1024));
    store.flush();
    const [head, row, end] = store.csv(REF, T0 - MIN, T0 + MIN).split('\n');
    expect(head).toBe(
      'time,bucket_seconds,samples,cpu_percent_min,cpu_percent_avg,cpu_percent_max,memory_bytes_min,memory_bytes_avg,memory_bytes_max,disk_bytes_min,disk_bytes_avg,disk_bytes_max,network_rx_bytes_per_s_min,network_rx_bytes_per_s_avg,network_rx_bytes_per_s_max,network_tx_bytes_per_s_min,network_tx_bytes_per_s_avg,network_tx_bytes_per_s_max',
    );
    expect(row).toMatch(/^2026-12-01T00:00:00\.000Z,0,1,12\.50,12\.50,12\.50,1048576,1048576,1048576,/);
    expect(end).toBe('');
  });
});

describe('HistoryStore uptime', () => {
  it('counts running over observed time per day, and an unknown stretch neither way', () => {
    const db = open();
    const clock = new ManualClock(T0);
    const store = new HistoryStore(db, { clock, logger: silentLogger });
    store.recordState(REF, 'running', T0);
    store.recordState(REF, 'offline', T0 + 6 * HOUR);
    store.recordState(REF, 'unknown', T0 + 12 * HOUR);
    store.recordState(REF, 'running', T0 + 18 * HOUR);
    store.flush();
    clock.t = T0 + 36 * HOUR;
    const [day1, day2] = store.uptime(REF, T0, T0 + 2 * DAY);
    expect(day1).toMatchObject({ runningMs: 12 * HOUR, observedMs: 18 * HOUR });
    // The second day is observed only until now (12 h in).
    expect(day2).toMatchObject({ runningMs: 12 * HOUR, observedMs: 12 * HOUR });
  });

  it('keeps only changes: the same state twice is one row', () => {
    const db = open();
    const clock = new ManualClock(T0);
    const store = new HistoryStore(db, { clock, logger: silentLogger });
    store.recordState(REF, 'running', T0);
    store.recordState(REF, 'running', T0 + MIN);
    store.flush();
    expect(count(db, 'history_states')).toBe(1);
  });

  it('after a kill, the time the app was gone counts as unknown from its last write', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pterotray-history-')), 'history.sqlite');
    const clock = new ManualClock(T0);
    const first = open(path);
    const store = new HistoryStore(first, { clock, logger: silentLogger });
    store.recordState(REF, 'running', T0);
    clock.advance(10 * MIN); // flushes (and stamps "alive") on the way
    store.record(REF, sample(clock.t, 1));
    store.flush();
    const lastWrite = clock.t;
    first.close(); // no dispose: the process was killed
    clock.t = T0 + 5 * HOUR;
    const again = new HistoryStore(open(path), { clock, logger: silentLogger });
    const [day] = again.uptime(REF, T0, T0 + DAY);
    expect(day!.observedMs).toBe(lastWrite - T0);
    expect(day!.runningMs).toBe(lastWrite - T0);
  });

  it('summarises the last 24 hours for the dashboard: uptime share and an hourly CPU line', () => {
    const db = open();
    const clock = new ManualClock(T0);
    const store = new HistoryStore(db, { clock, logger: silentLogger });
    store.recordState(REF, 'running', T0);
    store.recordState(REF, 'offline', T0 + 18 * HOUR);
    for (let h = 0; h < 18; h++) store.record(REF, sample(T0 + h * HOUR + MIN, h));
    store.flush();
    clock.t = T0 + DAY;
    const { uptime24h, cpuSparkline } = store.summary(REF);
    expect(uptime24h).toBeCloseTo(0.75, 6);
    expect(cpuSparkline).toHaveLength(24);
    // 16-bit pages (bucket-page.ts): within 1/65535 of the day's largest value.
    cpuSparkline.slice(0, 3).forEach((v, i) => expect(v).toBeCloseTo(i, 3));
    expect(cpuSparkline[20]).toBeNull();
    expect(store.summary({ accountId: 'acc', identifier: 'ffffffff' })).toEqual({ uptime24h: null, cpuSparkline: Array(24).fill(null) });
  });

  it('dispose writes what is buffered and closes every state as unknown', () => {
    const db = open();
    const clock = new ManualClock(T0);
    const store = new HistoryStore(db, { clock, logger: silentLogger });
    store.recordState(REF, 'running', T0);
    store.record(REF, sample(T0 + 1_000, 3));
    clock.t = T0 + 2_000;
    store.dispose();
    expect(count(db, 'history_raw')).toBe(1);
    expect(db.prepare('SELECT state FROM history_states ORDER BY at_ms').all()).toEqual([{ state: 'running' }, { state: 'unknown' }]);
    expect(clock.pending()).toBe(0);
  });
});
