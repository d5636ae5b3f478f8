/**
 * The history store's uptime over spans that are not epoch buckets (local days and weeks, the last
 * 24 hours), and the dashboard's 24-hour figure, which must cover exactly the last 24 hours.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Database } from '../../../../src/core/store/database';
import { STORE_MODULES } from '../../../../src/core/store/modules';
import { HistoryStore } from '../../../../src/core/history/history-store';
import type { Clock } from '../../../../src/core/util/deps';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REF = { accountId: 'acc', identifier: 'abcd1234' };
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let db: Database | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

function storeAt(nowMs: number): { store: HistoryStore; clock: Clock & { at: number } } {
  db = openStore(':memory:', STORE_MODULES, { logger: silent }).db;
  const clock = { at: nowMs, now: () => clock.at, setTimeout: () => 0, clearTimeout() {} };
  return { store: new HistoryStore(db, { clock, logger: silent }), clock };
}

describe('HistoryStore.uptimeIn', () => {
  it('counts running and observed time inside each span, leaving out unknown stretches', () => {
    // 10:00 running, 12:00 offline, 13:00 unknown (the app quit), 15:00 running, now 18:00.
    const day0 = 100 * DAY;
    const { store } = storeAt(day0 + 18 * HOUR);
    store.recordState(REF, 'running', day0 + 10 * HOUR);
    store.recordState(REF, 'offline', day0 + 12 * HOUR);
    store.recordState(REF, 'unknown', day0 + 13 * HOUR);
    store.recordState(REF, 'running', day0 + 15 * HOUR);
    store.flush();
    const spans = [
      { start: day0 + 9 * HOUR, end: day0 + 12.5 * HOUR },
      { start: day0 + 12.5 * HOUR, end: day0 + 16 * HOUR },
      { start: day0 + 16 * HOUR, end: day0 + 20 * HOUR },
    ];
    expect(store.uptimeIn(REF, spans).map((b) => [b.runningMs / HOUR, b.observedMs / HOUR, b.bucketMs / HOUR])).toEqual([
      [2, 2.5, 3.5],
      [1, 1.5, 3.5],
      // Only up to now: the future is not observed.
      [2, 2, 4],
    ]);
  });

  it('answers empty buckets for a server it never saw', () => {
    const { store } = storeAt(DAY * 10);
    expect(store.uptimeIn({ accountId: 'x', identifier: 'y' }, [{ start: 0, end: DAY }])).toEqual([{ start: 0, bucketMs: DAY, runningMs: 0, observedMs: 0 }]);
  });
});

describe('HistoryStore.summary', () => {
  it("reads exactly the last 24 hours, however now falls against the epoch's days", () => {
    // Now is 23:00 UTC: an epoch-aligned day would have left out most of the last 24 hours.
    const now = 200 * DAY + 23 * HOUR;
    const { store } = storeAt(now);
    store.recordState(REF, 'offline', now - 30 * HOUR);
    store.recordState(REF, 'running', now - 6 * HOUR);
    store.flush();
    // 6 h running out of 24 h observed.
    expect(store.summary(REF).uptime24h).toBeCloseTo(0.25, 5);
  });
});

describe('HistoryStore read-only', () => {
  it('neither closes the open states nor writes, so a reader beside a running app leaves its uptime whole', () => {
    const now = 300 * DAY;
    const { store } = storeAt(now - HOUR);
    store.recordState(REF, 'running', now - 10 * HOUR);
    store.flush();
    // A second store on the same file, as `pterotray history` opens it while the app runs.
    const clock = { now: () => now, setTimeout: () => 0, clearTimeout() {} };
    const reader = new HistoryStore(db!, { clock, logger: silent, isReadOnly: true });
    reader.recordState(REF, 'offline', now - HOUR);
    reader.flush();
    expect(db!.prepare('SELECT count(*) AS n FROM history_states').get()).toEqual({ n: 1 });
    expect(reader.summary(REF).uptime24h).toBe(1);
  });
});

describe('HistoryStore.series', () => {
  it('reads "the last hour" from raw samples even when its clock moved on since the caller asked', () => {
    const now = 400 * DAY;
    const { store, clock } = storeAt(now);
    for (let at = now - HOUR + 10_000; at <= now; at += 10_000)
      store.record(REF, { at, cpuPercent: 1, memoryBytes: 0, diskBytes: 0, networkRxBytesPerSec: 0, networkTxBytesPerSec: 0, uptimeMs: 0 });
    store.flush();
    const asked = now;
    clock.at = now + 40;
    expect(store.series(REF, asked - HOUR, asked).tier).toBe('raw');
  });
});
