/**
 * Writes a history store file the way the app would have after weeks of running (issue 14): the
 * tests of `pterotray history` and the window's e2e read it. Through HistoryStore itself, with a
 * clock fixed at `nowMs`, so every tier and the retention are what the app's own writes make.
 */
import { openStore } from '../../src/core/store/database';
import { STORE_MODULES } from '../../src/core/store/modules';
import { HistoryStore, type HistoryState } from '../../src/core/history/history-store';
import type { ServerRef, StatsSample } from '../../src/shared/types';

export interface SeededServer {
  ref: ServerRef;
  /** State changes, any order. */
  states: ReadonlyArray<{ at: number; state: HistoryState }>;
  /** The sample at `at`, or null for none (offline, or not followed then). */
  sample(at: number): Omit<StatsSample, 'at'> | null;
}

export interface SeedOptions {
  nowMs: number;
  fromMs: number;
  /** Spacing of samples (the app keeps one every 2 s while followed; a coarser one seeds faster). */
  everyMs: number;
  servers: readonly SeededServer[];
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Writes the servers' history into the store at `path` (made if missing) and closes it. */
export function seedHistory(path: string, options: SeedOptions): void {
  const { db } = openStore(path, STORE_MODULES, { logger: silent, now: () => options.nowMs });
  const clock = { now: () => options.nowMs, setTimeout: () => 0, clearTimeout() {} };
  const store = new HistoryStore(db, { clock, logger: silent });
  try {
    for (const server of options.servers) {
      for (const s of [...server.states].sort((a, b) => a.at - b.at)) store.recordState(server.ref, s.state, s.at);
    }
    let buffered = 0;
    for (let at = options.fromMs; at <= options.nowMs; at += options.everyMs) {
      for (const server of options.servers) {
        const values = server.sample(at);
        if (values) store.record(server.ref, { at, ...values });
        buffered++;
      }
      if (buffered >= 5_000) {
        store.flush();
        buffered = 0;
      }
    }
    // As a quit does: the open buckets written, every state unknown from now until the app is back.
    store.dispose();
  } finally {
    db.close();
  }
}

/** A steady sample: CPU that follows the hour of day with a 5-minute burst every 45 minutes, fixed disk. */
export function wavySample(at: number): Omit<StatsSample, 'at'> {
  const hour = (at / 3_600_000) % 24;
  const isBurst = at % 2_700_000 < 300_000;
  return {
    cpuPercent: 20 + 15 * Math.sin((hour / 24) * 2 * Math.PI) + ((at / 60_000) % 7) + (isBurst ? 60 : 0),
    memoryBytes: 1024 ** 3 + (at % 100) * 1024 * 1024,
    diskBytes: 2 * 1024 ** 3,
    networkRxBytesPerSec: 2048,
    networkTxBytesPerSec: 1024,
    uptimeMs: 3_600_000,
  };
}
