/**
 * A history writer to be killed (history-kill.test.ts): records a sample every 20 ms for a few
 * servers through the real HistoryStore on a real file, flushing every 200 ms, and prints the time
 * of the newest sample each flush made durable. Run with `node --import ./bench/register.mjs`.
 */
import { openStore } from '../../../src/core/store/database';
import { STORE_MODULES } from '../../../src/core/store/modules';
import { HistoryStore } from '../../../src/core/history/history-store';
import { silentLogger, systemClock } from '../../../src/core/util/deps';

const path = process.argv[2];
if (!path) throw new Error('usage: kill-writer.ts <store path>');
const { db } = openStore(path, STORE_MODULES, { logger: silentLogger });
const store = new HistoryStore(db, { clock: systemClock, logger: silentLogger, flushEveryMs: 1_000_000 });
let at = Date.UTC(2026, 11, 4, 0, 0, 0);
let sinceFlush = 0;
setInterval(() => {
  for (let s = 0; s < 20; s++) {
    at += 1;
    store.record(
      { accountId: 'acc', identifier: `srv${s}` },
      { at, cpuPercent: s, memoryBytes: 1e9, diskBytes: 2e9, networkRxBytesPerSec: 10, networkTxBytesPerSec: 20, uptimeMs: 1 },
    );
  }
  if (++sinceFlush === 10) {
    sinceFlush = 0;
    store.flush();
    process.stdout.write(`flushed ${at}\n`);
  }
}, 20);
