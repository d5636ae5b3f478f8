// One sim version (default, or SIM_VERSION's): what is tested is the app's own file, whatever the panel.
/**
 * The history file (issue 14) as a user's disk holds it: private like the settings (0600), and a
 * file that is not a database is moved aside whole, said once in a notification, and a new
 * history begun; the app starts as usual.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/core/store/database';
import { STORE_MODULES } from '../../../src/core/store/modules';
import { silentLogger } from '../../../src/core/util/deps';
import { hasSecretService, startAppOnSim } from '../helpers/app-on-sim';

const GARBAGE = 'not a database: a file some other tool left here\n'.repeat(40);

describe.skipIf(!hasSecretService)('the history file', () => {
  const home = mkdtempSync(join(tmpdir(), 'pterotray-e2e-history-'));
  const userData = join(home, 'config', 'pterotray');
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('a file that is not a database is set aside whole, said once, and a private new one begun', async () => {
    mkdirSync(userData, { recursive: true, mode: 0o700 });
    writeFileSync(join(userData, 'history.sqlite'), GARBAGE);
    const env = await startAppOnSim({ until: 'dashboard', launch: { home } });
    try {
      const notice = await env.app.waitFor(() => env.app.notifications().find((n) => n.title === 'History started anew'), {
        message: 'the set-aside notification',
      });
      expect(notice.body).toBe('The history file was not a database; it was set aside and a new history was started.');
      expect(env.app.notifications().filter((n) => n.title === 'History started anew')).toHaveLength(1);
      const aside = readdirSync(userData).filter((f) => f.startsWith('history.sqlite.set-aside-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(userData, aside[0]!), 'utf8')).toBe(GARBAGE);
      expect(readFileSync(join(userData, 'history.sqlite')).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
      if (process.platform !== 'win32') {
        for (const name of readdirSync(userData).filter((f) => /^history\.sqlite(-wal|-shm)?$/.test(f))) {
          expect(statSync(join(userData, name)).mode & 0o777, name).toBe(0o600);
        }
      }
    } finally {
      await env.close();
    }
    // A clean quit leaves no writer's lock behind.
    expect(existsSync(join(userData, 'history.sqlite.lock'))).toBe(false);
  });

  it('while the daemon records the history, the app says so and keeps its own in memory, leaving the file alone', async () => {
    const daemonHome = mkdtempSync(join(tmpdir(), 'pterotray-e2e-history-daemon-'));
    const daemonData = join(daemonHome, 'config', 'pterotray');
    mkdirSync(daemonData, { recursive: true, mode: 0o700 });
    const file = join(daemonData, 'history.sqlite');
    // The daemon's history file, as it writes it, and this test process standing in for the
    // daemon: a live pid in the writer's lock.
    const made = openStore(file, STORE_MODULES, { logger: silentLogger });
    made.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    made.db.close();
    const before = readFileSync(file);
    writeFileSync(join(daemonData, 'history.sqlite.lock'), JSON.stringify({ pid: process.pid, kind: 'daemon', sinceMs: 0 }));
    const env = await startAppOnSim({ until: 'dashboard', launch: { home: daemonHome } });
    try {
      const notice = await env.app.waitFor(() => env.app.notifications().find((n) => n.title === 'History kept by the daemon'), {
        message: 'the daemon notice',
      });
      expect(notice.body).toBe(
        `pterotray daemon (pid ${process.pid}) records this computer's history, timeline and alerts. This window keeps what it sees in memory only until the daemon stops.`,
      );
      // The app works on (startAppOnSim saw its server rows); the history file is the daemon's alone.
    } finally {
      await env.close();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(JSON.parse(readFileSync(join(daemonData, 'history.sqlite.lock'), 'utf8'))).toMatchObject({ pid: process.pid, kind: 'daemon' });
    rmSync(daemonHome, { recursive: true, force: true });
  });
});
