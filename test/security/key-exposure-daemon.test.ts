/**
 * The API key and `pterotray daemon` (key-exposure-cli.test.ts covers the other commands): a key
 * read from a 0600 file reaches neither the daemon's arguments nor its environment nor a child
 * process, and no log line holds it in any of its forms, with --debug, while the panel answers
 * and while a hostile panel echoes it in every error it sends. One release is enough: the echoes
 * are injected whole.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimPanel } from '../../src/sim/types';
import { assertCliBuilt, CliSession } from '../helpers/cli-process';
import { startTestSim } from '../helpers/sim';
import { findIn, keyEchoFaults, needlesOf, processesHolding, processTree } from './helpers/key-needles';

let sim: SimPanel;
let dir: string;
let identifier: string;
const sessions: CliSession[] = [];

beforeAll(async () => {
  assertCliBuilt();
  sim = await startTestSim({ servers: 2, seed: 43 });
  identifier = sim.control.servers()[0]?.identifier ?? '';
  sim.control.setState(identifier, 'running');
  dir = mkdtempSync(join(tmpdir(), 'pterotray-key-daemon-'));
  const keyPath = join(dir, 'panel.key');
  writeFileSync(keyPath, `${sim.apiKey}\n`);
  chmodSync(keyPath, 0o600);
  writeFileSync(join(dir, 'daemon.json'), JSON.stringify({ accounts: [{ name: 'sim', url: sim.url, keyFile: 'panel.key' }], store: 'history.sqlite' }));
});

afterEach(() => {
  sim.control.clearFaults();
  for (const s of sessions.splice(0)) s.kill();
});

afterAll(async () => {
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function daemon(): CliSession {
  const cli = new CliSession(['daemon', '--debug', '--config', join(dir, 'daemon.json')], { env: { PTEROTRAY_CONFIG_DIR: join(dir, 'app') } });
  sessions.push(cli);
  return cli;
}

describe('pterotray daemon and the API key', () => {
  it('is in neither its arguments, its environment, a child, nor a line it prints', async () => {
    const cli = daemon();
    await cli.waitForLine('stdout', (l) => l.includes(`  state  sim  ${identifier}  `));
    const tree = processTree([cli.child.pid ?? -1]);
    expect(tree, 'the daemon and its children').toHaveLength(1);
    expect(processesHolding(tree, needlesOf(sim.apiKey))).toEqual([]);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(findIn(cli.allOutput(), needlesOf(sim.apiKey))).toBeNull();
  });

  it('is in no line while a hostile panel echoes it in every error', async () => {
    for (const fault of keyEchoFaults(sim.apiKey, sim.url)) sim.control.injectFault({ route: 'GET /api/client', count: 50, fault });
    const cli = daemon();
    await cli.waitForLine('stdout', (l) => l.includes('  account  sim  ') && !l.includes('the panel answers'));
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(findIn(cli.allOutput(), needlesOf(sim.apiKey))).toBeNull();
  });
});
