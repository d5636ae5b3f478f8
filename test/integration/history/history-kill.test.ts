/**
 * Issue 14's crash safety, with a real process and SIGKILL: a writer killed at any moment loses
 * only what it had not yet flushed (a few seconds at most in the app: FLUSH_EVERY_MS), and the
 * file opens clean afterwards, never set aside.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/core/store/database';
import { STORE_MODULES } from '../../../src/core/store/modules';
import { silentLogger } from '../../../src/core/util/deps';

/** Starts the writer and resolves with the newest durable sample time after `flushes` flushes, then kills it. */
async function runAndKill(path: string, flushes: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', './bench/register.mjs', 'test/integration/history/kill-writer.ts', path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  let last = 0;
  let seen = 0;
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  for await (const line of lines) {
    const match = /^flushed (\d+)$/.exec(line);
    if (!match) continue;
    last = Number(match[1]);
    if (++seen >= flushes) {
      // Killed while it keeps writing: the next batch may be half in the write-ahead log.
      child.kill('SIGKILL');
      break;
    }
  }
  expect(await exited).toBe('SIGKILL');
  return last;
}

describe('history after a SIGKILL', () => {
  it('opens clean and holds every sample flushed before the kill, three kills in a row', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pterotray-kill-')), 'history.sqlite');
    for (let round = 1; round <= 3; round++) {
      const durable = await runAndKill(path, 3 + round);
      const { db, setAside } = openStore(path, STORE_MODULES, { logger: silentLogger });
      expect(setAside).toBeNull();
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      const newest = (db.prepare('SELECT max(at_ms) AS m FROM history_raw').get() as { m: number }).m;
      expect(newest).toBeGreaterThanOrEqual(durable);
      // Every flushed sample of every server, none half-written: 20 servers × the same times.
      const perServer = db.prepare('SELECT server, count(*) AS n FROM history_raw WHERE at_ms <= ? GROUP BY server').all(durable) as Array<{ n: number }>;
      expect(perServer).toHaveLength(20);
      db.close();
    }
  }, 60_000);
});
