/**
 * The history's cost (issue 14): disk per server per 90 days, the write cost of 500 servers'
 * stats, and how long a 90-day chart takes to read. The store is filled through its real write
 * path (HistoryStore.record and flush) on a simulated clock: 15-minute samples for the days past
 * 48 hours, one a minute for the 48 hours, one every 2 s (Wings' stats rate) for the last hour,
 * which is the window the write cost is measured over. The file then holds what a store that ran
 * for 90 days holds: each tier at its retention.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore, pageKey } from '../../src/core/history/history-store';
import { openStore, STORE_FILE } from '../../src/core/store/database';
import { STORE_MODULES } from '../../src/core/store/modules';
import { silentLogger, type Clock } from '../../src/core/util/deps';
import type { ServerRef } from '../../src/shared/types';
import { seededRandom } from '../lib/random';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Wings sends stats about every 2 s (wings `server/resources.go` poll); the monitor keeps ≥ 2 s apart. */
const STATS_EVERY_MS = 2_000;

export interface HistoryFigures {
  servers: number;
  fileBytes: number;
  liveBytes: number;
  rows: { raw: number; minutePages: number; quarterPages: number; states: number };
  fillMs: number;
  /** Opening the filled store again: closing states, rebuilding open buckets from raw. */
  reopenMs: number;
  /** Opening after a clean quit, which wrote its open buckets: nothing to rebuild. */
  cleanReopenMs: number;
  /** Per 5 s flush of every server's samples in the steady last hour. */
  flushMs: number[];
  flushCpuMs: number[];
  /** Wall time of reading a 90-day (and a 24-hour) chart of one server. */
  chart90dMs: number[];
  chart90dPoints: number;
  chart24hMs: number[];
  /** The 1-hour chart reads raw samples, keyed time first: a scan of every server's last hour. */
  chart1hMs: number[];
  summaryAllMs: number;
}

class SimClock implements Clock {
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
  setTimeout(): unknown {
    return null; // Flushes are called by the bench, at the pace the app's timer would.
  }
  clearTimeout(): void {}
}

export async function runHistoryBench(servers: number, progress: (line: string) => void): Promise<HistoryFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'pterotray-history-bench-'));
  const path = join(dir, STORE_FILE);
  try {
    const { db } = openStore(path, STORE_MODULES, { logger: silentLogger });
    const end = Date.UTC(2026, 11, 4, 0, 0, 0);
    const clock = new SimClock(end - 90 * DAY);
    const store = new HistoryStore(db, { clock, logger: silentLogger, flushEveryMs: Number.MAX_SAFE_INTEGER });
    const refs: ServerRef[] = Array.from({ length: servers }, (_, i) => ({ accountId: `panel-${i % 3}`, identifier: (0x1000_0000 + i).toString(16) }));
    const random = seededRandom(14);
    const base = refs.map(() => ({ cpu: 5 + random() * 60, mem: (0.5 + random() * 3.5) * 1024 ** 3, disk: (1 + random() * 20) * 1024 ** 3 }));
    const record = (at: number): void => {
      refs.forEach((ref, i) => {
        const b = base[i]!;
        const wave = Math.sin(at / (3 * HOUR) + i);
        store.record(ref, {
          at,
          cpuPercent: Math.max(0, b.cpu * (1 + 0.5 * wave) + random() * 10),
          memoryBytes: b.mem * (1 + 0.1 * wave),
          diskBytes: b.disk + ((at - end) / DAY) * 1e6,
          networkRxBytesPerSec: 2_000 + random() * 40_000,
          networkTxBytesPerSec: 5_000 + random() * 120_000,
          uptimeMs: at % (3 * DAY),
        });
      });
    };
    for (const ref of refs) store.recordState(ref, 'running', clock.t);
    const started = performance.now();
    // Days 90 to 2: a sample per quarter hour, flushed every simulated 6 hours.
    for (let at = clock.t; at < end - 48 * HOUR; at += 15 * MIN) {
      record(at);
      if ((at / (15 * MIN)) % 24 === 0) {
        clock.t = at;
        store.flush();
      }
      if ((at / (15 * MIN)) % (24 * 4 * 10) === 0) progress(`history: filling, ${Math.round((end - at) / DAY)} days to go`);
    }
    // The 48 hours before the last: a sample a minute, flushed every simulated 10 minutes.
    for (let at = end - 48 * HOUR; at < end - HOUR; at += MIN) {
      record(at);
      if ((at / MIN) % 10 === 0) {
        clock.t = at;
        store.flush();
      }
    }
    progress('history: the last hour at Wings’ rate, timing each 5 s flush');
    const flushMs: number[] = [];
    const flushCpuMs: number[] = [];
    for (let at = end - HOUR; at < end; at += STATS_EVERY_MS) {
      record(at);
      if ((at / STATS_EVERY_MS) % 5 === 2) {
        // The app flushes every 5 s: 2.5 samples per server per flush.
        clock.t = at;
        const cpu = process.cpuUsage();
        const t = performance.now();
        store.flush();
        flushMs.push(performance.now() - t);
        const used = process.cpuUsage(cpu);
        flushCpuMs.push((used.user + used.system) / 1000);
      }
    }
    clock.t = end;
    store.flush();
    const fillMs = performance.now() - started;
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const fileBytes = statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
    const n = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const pages = (tier: number): number =>
      (db.prepare('SELECT count(*) AS n FROM history_pages WHERE key >= ? AND key < ?').get(pageKey(tier, 0, 0), pageKey(tier + 1, 0, 0)) as { n: number }).n;
    const rows = { raw: n('history_raw'), minutePages: pages(1), quarterPages: pages(2), states: n('history_states') };
    progress('history: reopening, as after a kill (open buckets rebuilt from raw)');
    const reopenStart = performance.now();
    const reopened = new HistoryStore(db, { clock, logger: silentLogger, flushEveryMs: Number.MAX_SAFE_INTEGER });
    const reopenMs = performance.now() - reopenStart;
    progress('history: reading charts');
    const chart90dMs: number[] = [];
    const chart24hMs: number[] = [];
    const chart1hMs: number[] = [];
    let chart90dPoints = 0;
    for (let i = 0; i < 20; i++) {
      const ref = refs[(i * 37) % refs.length]!;
      let t = performance.now();
      chart90dPoints = store.series(ref, end - 90 * DAY, end).points.length;
      chart90dMs.push(performance.now() - t);
      t = performance.now();
      store.series(ref, end - DAY, end);
      chart24hMs.push(performance.now() - t);
      t = performance.now();
      store.series(ref, end - HOUR, end);
      chart1hMs.push(performance.now() - t);
    }
    const t = performance.now();
    for (const ref of refs) store.summary(ref);
    const summaryAllMs = performance.now() - t;
    progress('history: a clean quit, then opening again (nothing to rebuild)');
    reopened.dispose();
    const cleanStart = performance.now();
    new HistoryStore(db, { clock, logger: silentLogger, flushEveryMs: Number.MAX_SAFE_INTEGER });
    const cleanReopenMs = performance.now() - cleanStart;
    try {
      const sizes = db.prepare('SELECT name, sum(pgsize) AS bytes, sum(unused) AS unused FROM dbstat GROUP BY name ORDER BY bytes DESC').all();
      progress(`history: table sizes ${JSON.stringify(sizes)}`);
    } catch {
      // dbstat is a compile-time option of SQLite.
    }
    db.exec('VACUUM');
    const liveBytes = statSync(path).size;
    db.close();
    return {
      servers,
      fileBytes,
      liveBytes,
      rows,
      reopenMs,
      cleanReopenMs,
      fillMs,
      flushMs,
      flushCpuMs,
      chart90dMs,
      chart90dPoints,
      chart24hMs,
      chart1hMs,
      summaryAllMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
