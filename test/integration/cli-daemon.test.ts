/**
 * `pterotray daemon` as a process against two simulated panels: one key from the environment, one
 * from a 0600 file. It logs each state change a panel makes, reloads on SIGHUP (a config with a
 * mistake keeps the old one running and says why), refuses a key file others can read, and on
 * SIGTERM writes the history to the store and exits 0. No key is in any line it prints.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/store/database';
import { STORE_MODULES } from '../../src/core/store/modules';
import { silentLogger } from '../../src/core/util/deps';
import type { SimPanel } from '../../src/sim/types';
import { assertCliBuilt, CliSession, runCliProcess } from '../helpers/cli-process';
import { expectNoKey } from '../helpers/cli-sim';
import { serverId, startTestSim } from '../helpers/sim';

let alpha: SimPanel;
let beta: SimPanel;
let dir: string;
const sessions: CliSession[] = [];

beforeAll(async () => {
  assertCliBuilt();
  [alpha, beta] = await Promise.all([startTestSim({ servers: 2, seed: 21 }), startTestSim({ servers: 1, seed: 22 })]);
  dir = mkdtempSync(join(tmpdir(), 'pterotray-daemon-'));
});

afterEach(() => {
  for (const s of sessions.splice(0)) {
    expectNoKey(s.allOutput(), [alpha.apiKey, beta.apiKey]);
    s.kill();
  }
});

afterAll(async () => {
  await Promise.all([alpha?.close(), beta?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const storePath = (): string => join(dir, 'history.sqlite');

function writeKeyFile(mode: number): string {
  const path = join(dir, 'beta.key');
  writeFileSync(path, `${beta.apiKey}\n`);
  chmodSync(path, mode);
  return path;
}

function writeConfig(accounts: 'both' | 'alpha'): string {
  const list: Array<Record<string, string>> = [{ name: 'alpha', url: alpha.url, keyEnv: 'ALPHA_KEY' }];
  if (accounts === 'both') list.push({ name: 'beta', url: beta.url, keyFile: 'beta.key' });
  const path = join(dir, 'daemon.json');
  writeFileSync(path, JSON.stringify({ accounts: list, store: 'history.sqlite' }));
  return path;
}

function daemon(args: string[] = []): CliSession {
  const session = new CliSession(['daemon', '--json', '--config', join(dir, 'daemon.json'), ...args], {
    env: { ALPHA_KEY: alpha.apiKey, PTEROTRAY_CONFIG_DIR: join(dir, 'app') },
  });
  sessions.push(session);
  return session;
}

type Line = Record<string, unknown>;
const parsed = (line: string): Line => JSON.parse(line) as Line;
const is =
  (fields: Line) =>
  (line: string): boolean => {
    try {
      const entry = parsed(line);
      return Object.entries(fields).every(([k, v]) => entry[k] === v);
    } catch {
      return false;
    }
  };

describe('pterotray daemon', () => {
  it('watches both panels, logs a state change, reloads on SIGHUP, keeps the old config when the new one is wrong, and writes the history on SIGTERM', async () => {
    const a0 = serverId(alpha, 0);
    const b0 = serverId(beta, 0);
    alpha.control.setState(a0, 'offline');
    beta.control.setState(b0, 'running');
    writeKeyFile(0o600);
    writeConfig('both');
    const cli = daemon();

    const started = parsed(await cli.waitForLine('stdout', is({ event: 'started' })));
    expect(started).toMatchObject({ level: 'info', accounts: ['alpha', 'beta'], store: storePath() });
    await cli.waitForLine('stdout', is({ event: 'state', account: 'alpha', server: a0, to: 'offline' }));
    await cli.waitForLine('stdout', is({ event: 'state', account: 'beta', server: b0, to: 'running' }));

    // A change made on the panel arrives over the websocket as one line.
    alpha.control.setState(a0, 'running');
    const change = parsed(await cli.waitForLine('stdout', is({ event: 'state', server: a0, to: 'running' })));
    expect(change).toMatchObject({ account: 'alpha', from: 'offline', is_current: true, message: 'offline -> running' });
    expect(new Date(String(change.at)).toISOString()).toBe(change.at);

    // SIGHUP with beta gone: reloaded, beta's servers removed.
    writeConfig('alpha');
    cli.child.kill('SIGHUP');
    const reloaded = parsed(await cli.waitForLine('stdout', is({ event: 'reloaded' })));
    expect(reloaded).toMatchObject({ accounts: ['alpha'] });
    expect(reloaded.message).toMatch(/removed beta/);

    // SIGHUP with a key file others can read: refused, the old config runs on.
    writeKeyFile(0o644);
    writeConfig('both');
    cli.child.kill('SIGHUP');
    const failed = parsed(await cli.waitForLine('stdout', is({ event: 'reload-failed' })));
    expect(failed).toMatchObject({ level: 'error' });
    expect(String(failed.message)).toMatch(/accounts\[1\]\.keyFile: .*beta\.key can be read by other users \(mode 0644\): run 'chmod 600 /);
    alpha.control.setState(a0, 'offline');
    await cli.waitForLine('stdout', is({ event: 'state', server: a0, from: 'running', to: 'offline' }));
    expect(cli.stdoutLines.filter(is({ event: 'started' }))).toHaveLength(1);

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdoutLines.filter(is({ event: 'stopped' }))).toHaveLength(1);
    // Every line is one JSON object.
    for (const line of cli.stdoutLines) expect(() => parsed(line)).not.toThrow();
    // The store was closed: SQLite folds the write-ahead log back and removes it with the last connection.
    expect(existsSync(`${storePath()}-wal`)).toBe(false);

    // The history is in the store: alpha's server offline, running, offline, then unknown from the stop.
    const { db } = openStore(storePath(), STORE_MODULES, { logger: silentLogger });
    try {
      const rows = db
        .prepare(
          `SELECT st.state AS state FROM history_states st JOIN history_servers s ON s.id = st.server
           WHERE s.account_id = ? AND s.identifier = ? ORDER BY st.at_ms`,
        )
        .all('alpha', a0) as Array<{ state: string }>;
      const states = rows.map((r) => r.state).filter((s, i, all) => s !== all[i - 1]);
      expect(states.slice(-4)).toEqual(['offline', 'running', 'offline', 'unknown']);
      const servers = db.prepare('SELECT account_id AS account FROM history_servers').all() as Array<{ account: string }>;
      expect(new Set(servers.map((s) => s.account))).toEqual(new Set(['alpha', 'beta']));
    } finally {
      db.close();
    }
  });

  it('refuses to start with a key file others can read: exit 2, the field and the chmod named', async () => {
    const keyPath = writeKeyFile(0o640);
    writeConfig('both');
    const result = await runCliProcess(['daemon', '--config', join(dir, 'daemon.json')], {
      env: { ALPHA_KEY: alpha.apiKey, PTEROTRAY_CONFIG_DIR: join(dir, 'app') },
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`accounts[1].keyFile: ${keyPath} can be read by other users (mode 0640): run 'chmod 600 ${keyPath}' so only its owner can`);
    expectNoKey(result.stdout + result.stderr, [alpha.apiKey, beta.apiKey]);
  });

  it('refuses to start while another Pterotray records into its history file: exit 2, who holds it and what to do', async () => {
    writeKeyFile(0o600);
    writeConfig('both');
    // This test process stands in for the app: a live pid in the lock (src/core/store/writer-lock.ts).
    writeFileSync(`${storePath()}.lock`, JSON.stringify({ pid: process.pid, kind: 'app', sinceMs: 0 }));
    try {
      const result = await runCliProcess(['daemon', '--config', join(dir, 'daemon.json')], {
        env: { ALPHA_KEY: alpha.apiKey, PTEROTRAY_CONFIG_DIR: join(dir, 'app') },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `store: the Pterotray app (pid ${process.pid}) already records into ${storePath()}: stop it, or give this daemon its own "store" in a config file`,
      );
    } finally {
      rmSync(`${storePath()}.lock`, { force: true });
    }
    // With the app gone, the daemon takes the file, and leaves no lock behind when it stops.
    const cli = daemon();
    await cli.waitForLine('stdout', is({ event: 'started' }));
    expect(existsSync(`${storePath()}.lock`)).toBe(true);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(`${storePath()}.lock`)).toBe(false);
  });

  it('a panel refusing its key is one error line; the other panel is still watched', async () => {
    const path = join(dir, 'beta.key');
    writeFileSync(path, 'ptlc_thisKeyIsNotTheSimsKeyAtAll0000000000000000\n');
    chmodSync(path, 0o600);
    writeConfig('both');
    const cli = daemon();
    const refused = parsed(await cli.waitForLine('stdout', is({ event: 'account', account: 'beta', level: 'error' })));
    expect(refused).toMatchObject({ status: 'key-revoked' });
    expect(String(refused.message)).toMatch(/give the account a new key, then reload \(SIGHUP\)$/);
    const a1 = serverId(alpha, 1);
    alpha.control.setState(a1, 'offline');
    await cli.waitForLine('stdout', is({ event: 'state', account: 'alpha', server: a1, to: 'offline' }));
    alpha.control.setState(a1, 'running');
    await cli.waitForLine('stdout', is({ event: 'state', account: 'alpha', server: a1, from: 'offline', to: 'running' }));
    expect(cli.stdoutLines.filter(is({ event: 'account', account: 'beta', level: 'error' }))).toHaveLength(1);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it('prints plain lines without --json and stops on SIGINT with exit 0', async () => {
    writeKeyFile(0o600);
    writeConfig('both');
    const cli = new CliSession(['daemon', '--config', join(dir, 'daemon.json')], { env: { ALPHA_KEY: alpha.apiKey, PTEROTRAY_CONFIG_DIR: join(dir, 'app') } });
    sessions.push(cli);
    const a1 = serverId(alpha, 1);
    await cli.waitForLine('stdout', (l) => / info {2}started {2}watching 2 panels \(alpha, beta\) from config file /.test(l));
    await cli.waitForLine('stdout', (l) => l.includes(`  info  state  alpha  ${a1}  `) && / -> /.test(l));
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(cli.stdoutLines.at(-1)).toMatch(/^\S+Z {2}info {2}stopped {2}stopped cleanly$/);
  });
});
