/**
 * The API key and the CLI (the app's side is key-exposure.test.ts; one release is enough: the
 * echoes are injected whole). The built CLI runs as a process, with and without --debug, down
 * every path that ends in an error: a refused key, a panel that is not there, answers it cannot
 * read, a plain-http panel refused, usage mistakes that echo an argument, and a hostile panel that
 * echoes the key in an error's detail, a redirect, an HTML page, a 422, a 429, a websocket or a
 * download refusal. The key is in neither stream, in any of its forms. The CLI starts no child
 * process, and a key read from the keychain reaches neither its arguments nor its environment.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimFault, SimPanel } from '../../src/sim/types';
import { assertCliBuilt, CliSession, runCliProcess, type CliRunResult } from '../helpers/cli-process';
import { simEnv } from '../helpers/cli-sim';
import { startTestSim } from '../helpers/sim';
import { findIn, keyEchoFaults, needlesOf, processesHolding, processTree } from './helpers/key-needles';
import { closedPort } from '../helpers/ports';

let sim: SimPanel;
let identifier: string;
const sessions: CliSession[] = [];

/** A key of the right shape the panel does not know: it must not be printed either. */
const WRONG_KEY = `ptlc_${'W'.repeat(11)}${randomUUID().replace(/-/g, '')}`;

/** Runs the CLI and fails if any form of `keys` is in either stream. */
async function run(args: readonly string[], env: Record<string, string>, keys: readonly string[] = [sim.apiKey]): Promise<CliRunResult> {
  const result = await runCliProcess(args, { env, stdin: '' });
  const needles = keys.flatMap(needlesOf);
  expect(findIn(result.stdout, needles), `the key on stdout of ${args.join(' ')}`).toBeNull();
  expect(findIn(result.stderr, needles), `the key on stderr of ${args.join(' ')}: ${result.stderr}`).toBeNull();
  return result;
}

/** Runs `args` plain and with --debug; both fail with `exitCode` and say something on stderr. */
async function expectFailsWithoutKey(args: readonly string[], env: Record<string, string>, exitCode: number, keys?: readonly string[]): Promise<void> {
  for (const extra of [[], ['--debug']]) {
    const result = await run([...args, ...extra], env, keys);
    expect(result.code, `${args.join(' ')} ${extra.join(' ')}: ${result.stderr}`).toBe(exitCode);
    expect(result.stderr).toMatch(/^pterotray: /m);
  }
}

beforeAll(async () => {
  assertCliBuilt();
  sim = await startTestSim({ servers: 2, seed: 41 });
  identifier = sim.control.servers()[0]?.identifier ?? '';
  sim.control.setState(identifier, 'running');
});

afterEach(() => {
  sim.control.clearFaults();
  for (const s of sessions.splice(0)) s.kill();
});

afterAll(async () => {
  await sim?.close();
});

describe('the CLI’s stdout and stderr', () => {
  it('--debug logs requests, never the key', async () => {
    const result = await run(['servers', '--debug'], simEnv(sim));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^debug: debug panel request \{"method":"GET","path":"\/servers\/[^"]+\/resources","outcome":200/m);
  });

  it('a refused key (401), with and without --debug', async () => {
    await expectFailsWithoutKey(['servers'], simEnv(sim, WRONG_KEY), 1, [sim.apiKey, WRONG_KEY]);
  });

  it('a panel that is not there (network)', async () => {
    await expectFailsWithoutKey(['account'], { ...simEnv(sim), PTEROTRAY_PANEL_URL: `http://127.0.0.1:${await closedPort()}` }, 1);
  });

  it.each<[string, SimFault]>([
    ['HTML where JSON was expected', { type: 'html' }],
    ['malformed JSON', { type: 'malformed' }],
    ['a truncated body', { type: 'truncate' }],
  ])('an answer it cannot read: %s', async (_what, fault) => {
    sim.control.injectFault({ route: 'GET /api/client', count: 20, fault });
    await expectFailsWithoutKey(['servers'], simEnv(sim), 1);
  });

  it('a plain-http panel off this machine, refused', async () => {
    await expectFailsWithoutKey(['servers'], { ...simEnv(sim), PTEROTRAY_PANEL_URL: sim.url.replace('127.0.0.1', '0.0.0.0') }, 2);
  });

  it('usage errors that echo an argument or the panel address', async () => {
    const key = sim.apiKey;
    for (const args of [['status', key], ['power', identifier, key], [key], ['servers', `--bogus=${key}`], ['files', 'ls', key, '/'], ['sim', '--port', key]]) {
      await expectFailsWithoutKey(args, simEnv(sim), 2);
    }
    await expectFailsWithoutKey(['servers'], { ...simEnv(sim), PTEROTRAY_PANEL_URL: `ftp://${key}@panel.example` }, 2);
    // The echo reached the output and was caught there, rather than never being printed.
    expect((await run(['status', key], simEnv(sim))).stderr).toContain("no server matches '[redacted]'");
  });

  it('a hostile panel echoing the key in its errors', async () => {
    const key = sim.apiKey;
    const echoes: SimFault[] = [
      ...keyEchoFaults(key, sim.url),
      { type: 'status', status: 401, body: { errors: [{ code: 'AuthenticationException', status: '401', detail: `Unauthenticated: ${key}` }] } },
    ];
    for (const fault of echoes) {
      sim.control.injectFault({ route: 'GET /api/client', count: 20, fault });
      await expectFailsWithoutKey(['servers'], simEnv(sim), 1);
      sim.control.clearFaults();
    }
    sim.control.injectFault({ route: 'GET /api/client', count: 20, fault: echoes[0] as SimFault });
    expect((await run(['servers'], simEnv(sim))).stderr).toContain('Bad token Bearer [redacted] (secret [redacted])');
    sim.control.clearFaults();
    // A 429 that echoes it: waited out, then the list answers.
    sim.control.injectFault({
      route: 'GET /api/client',
      count: 1,
      fault: {
        type: 'status',
        status: 429,
        headers: { 'Retry-After': '1' },
        body: { errors: [{ code: 'ThrottleRequestsException', status: '429', detail: `slow down ${key}` }] },
      },
    });
    const waited = await run(['servers', '--debug'], simEnv(sim));
    expect(waited.code, waited.stderr).toBe(0);
  });

  it('a hostile panel echoing the key when the console or a download is refused', async () => {
    const key = sim.apiKey;
    const echo: SimFault = {
      type: 'status',
      status: 403,
      body: { errors: [{ code: 'HttpForbiddenException', status: '403', detail: `no websocket for ${key}` }] },
    };
    sim.control.injectFault({ route: /\/websocket$/, count: 20, fault: echo });
    await expectFailsWithoutKey(['console', identifier], simEnv(sim), 1);
    sim.control.injectFault({ route: /\/files\/download$/, count: 20, fault: { ...echo, status: 500 } });
    const folder = mkdtempSync(join(tmpdir(), 'pterotray-key-cli-'));
    try {
      await expectFailsWithoutKey(['files', 'get', identifier, '/eula.txt', '-o', join(folder, 'eula.txt')], simEnv(sim), 1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the CLI’s process', () => {
  it('starts no child process, and its arguments hold no key (watch, running)', async () => {
    const cli = new CliSession(['watch', '--debug'], { env: simEnv(sim) });
    sessions.push(cli);
    await cli.waitForLine('stdout', (l) => l.includes(identifier));
    const pid = cli.child.pid ?? -1;
    const tree = processTree([pid]);
    expect(
      tree.map((p) => p.pid),
      'the CLI and its children',
    ).toEqual([pid]);
    expect(findIn(tree[0]?.cmdline ?? '', needlesOf(sim.apiKey))).toBeNull();
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(findIn(cli.allOutput(), needlesOf(sim.apiKey))).toBeNull();
  });
});

const hasSecretService = process.env.PTEROTRAY_SECRET_SERVICE === 'gnome-keyring';
if (!hasSecretService) console.warn('\n!!! SKIPPED: the CLI’s keychain key-exposure spec needs a Secret Service; run it through npm test.\n');

describe.skipIf(!hasSecretService)('a key read from the keychain (--account)', () => {
  let configDir: string;
  const accountId = `key-exposure-cli-${randomUUID()}`;

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'pterotray-key-cli-config-'));
    writeFileSync(
      join(configDir, 'settings.json'),
      JSON.stringify({ version: 2, accounts: [{ id: accountId, name: 'Keyed', url: sim.url, keyStorage: 'keychain' }] }),
    );
    await keytar.setPassword('pterotray', accountId, sim.apiKey);
  });

  afterAll(async () => {
    await keytar.deletePassword('pterotray', accountId);
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  it('is in neither the arguments nor the environment of the CLI or a child, nor in its output', async () => {
    const cli = new CliSession(['--account', 'Keyed', 'watch', '--debug'], { env: { PTEROTRAY_CONFIG_DIR: configDir } });
    sessions.push(cli);
    await cli.waitForLine('stdout', (l) => l.includes(identifier));
    const tree = processTree([cli.child.pid ?? -1]);
    expect(tree).toHaveLength(1);
    expect(tree[0]?.environ, 'the CLI’s /proc/<pid>/environ').toContain(`PTEROTRAY_CONFIG_DIR=${configDir}`);
    expect(processesHolding(tree, needlesOf(sim.apiKey))).toEqual([]);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(findIn(cli.allOutput(), needlesOf(sim.apiKey))).toBeNull();
  });

  it('is not printed when the panel refuses it', async () => {
    sim.control.injectFault({
      route: 'GET /api/client',
      count: 20,
      fault: { type: 'status', status: 500, body: { errors: [{ code: 'HttpException', status: '500', detail: `Bad token ${sim.apiKey}` }] } },
    });
    await expectFailsWithoutKey(['--account', 'Keyed', 'servers'], { PTEROTRAY_CONFIG_DIR: configDir }, 1);
  });
});
