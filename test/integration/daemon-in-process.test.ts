/**
 * `pterotray daemon` in-process against the simulated panel, to see what a process exit would
 * hide: on Ctrl-C every Wings socket and every panel client it made is disposed and the store is
 * closed (SQLite folds its write-ahead log back and removes it when the last connection closes);
 * SIGHUP with a changed key replaces the panel's client with one carrying the new key.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelClient } from '../../src/core/api/client';
import type { PanelConnection } from '../../src/core/api/client-types';
import { WingsSocket } from '../../src/core/wings';
import type { SimPanel } from '../../src/sim/types';
import { runInProcess } from '../helpers/cli-harness';
import { serverId, startTestSim } from '../helpers/sim';

/** The key the panel is given mid-run (as long as a real one). */
const NEW_KEY = 'ptlc_NEWKEY0002abcdefghijklmnopqrstuvwxyz0123456';
let sim: SimPanel;
let dir: string;

beforeAll(async () => {
  sim = await startTestSim({ servers: 2, seed: 31 });
  dir = mkdtempSync(join(tmpdir(), 'pterotray-daemon-ip-'));
});

afterAll(async () => {
  await sim?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves once `stream` has printed a line matching `pattern`; rejects after 15 s saying what it saw. */
function lineOn(stream: PassThrough, pattern: RegExp): Promise<string> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stream.off('data', onData);
      reject(new Error(`no line matching ${String(pattern)}; printed:\n${seen}`));
    }, 15_000);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const line = seen.split('\n').find((l) => pattern.test(l));
      if (line === undefined) return;
      clearTimeout(timer);
      stream.off('data', onData);
      resolve(line);
    };
    stream.on('data', onData);
  });
}

describe('pterotray daemon, in-process', () => {
  it('closes every socket, client and the store on Ctrl-C; a new key on SIGHUP gets a new client', async () => {
    const id = serverId(sim, 0);
    const oldKey = sim.apiKey;
    sim.control.setState(id, 'running');
    const store = join(dir, 'history.sqlite');
    writeFileSync(join(dir, 'daemon.json'), JSON.stringify({ accounts: [{ name: 'sim', url: sim.url, keyEnv: 'SIM_KEY' }], store }));
    const env: Record<string, string> = { SIM_KEY: sim.apiKey, PTEROTRAY_CONFIG_DIR: join(dir, 'app') };
    const sockets: WingsSocket[] = [];
    const clients: Array<{ connection: PanelConnection; client: PanelClient; isDisposed: boolean }> = [];
    let hangup: (() => void) | null = null;
    let failure: unknown = null;

    const result = await runInProcess(['daemon', '--config', join(dir, 'daemon.json')], {
      env,
      deps: {
        cwd: dir,
        createClient: (connection) => {
          const client = new PanelClient(connection);
          const record = { connection, client, isDisposed: false };
          const dispose = client.dispose.bind(client);
          client.dispose = () => {
            record.isDisposed = true;
            dispose();
          };
          clients.push(record);
          return client;
        },
        createMonitorSocket: (options) => {
          const socket = new WingsSocket(options);
          sockets.push(socket);
          return socket;
        },
        onHangup: (listener) => {
          hangup = listener;
          return () => (hangup = null);
        },
      },
      onStart: ({ interrupt, stdout }) => {
        (async () => {
          await lineOn(stdout, new RegExp(`  state  sim  ${id}  .* -> running`));
          // A new key for the same panel: the sim takes it, the config names it, SIGHUP.
          sim.control.setApiKey(NEW_KEY);
          env.SIM_KEY = NEW_KEY;
          hangup?.();
          await lineOn(stdout, / {2}reloaded {2}.*reconnected sim \(new key or address\)/);
          // The old key is dead on the panel: a change seen now came through the new client.
          sim.control.setState(id, 'offline');
          await lineOn(stdout, new RegExp(`  state  sim  ${id}  .*running -> offline`));
        })()
          .catch((error: unknown) => (failure = error))
          .finally(interrupt);
      },
    });

    if (failure !== null) throw failure;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/ {2}stopped {2}stopped cleanly\n$/);
    expect(clients.length).toBeGreaterThanOrEqual(2);
    expect(clients.at(-1)?.connection.apiKey).not.toBe(clients[0]?.connection.apiKey);
    expect(clients.filter((c) => !c.isDisposed)).toEqual([]);
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.filter((s) => s.state !== 'disposed').map((s) => s.state)).toEqual([]);
    expect(hangup).toBeNull();
    expect(existsSync(`${store}-wal`)).toBe(false);
    expect(result.stdout + result.stderr).not.toContain(oldKey);
    expect(result.stdout + result.stderr).not.toContain(NEW_KEY);
  });
});
