/**
 * The built CLI as a child process, exactly as typed, against every panel version the sim
 * imitates: Pterodactyl 1.11 (720/min), 1.12 with prefixed `serv_` identifiers (256/min) and
 * Pelican with its `pacc_` and older `plcn_` client keys (256/min). `servers`, `status`, `power`,
 * `files ls`/`cat` and `watch` (a change made on the panel printed within about a second of it,
 * over the websocket; SIGINT ends it with 0) answer the same way on each.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SimPanel, SimPanelOptions } from '../../src/sim/types';
import { assertCliBuilt, CliSession } from '../helpers/cli-process';
import { expectNoKey, runAgainst, simEnv } from '../helpers/cli-sim';
import { startTestSim } from '../helpers/sim';
import { PanelClient } from '../../src/core/api/client';

/** A Pelican client key of the older `plcn_` form, 48 characters like the sim's own. */
const PLCN_KEY = `plcn_${'Abc123Def45'}${'0123456789abcdefghijklmnopqrstuv'}`;

const CASES: ReadonlyArray<{ label: string; options: SimPanelOptions; keyPrefix: string; idPattern: RegExp; limit: number }> = [
  { label: 'pterodactyl-1.11', options: { version: 'pterodactyl-1.11' }, keyPrefix: 'ptlc_', idPattern: /^[0-9a-f]{8}$/, limit: 720 },
  {
    label: 'pterodactyl-1.12, serv_ identifiers',
    options: { version: 'pterodactyl-1.12', serverIdentifiers: 'prefixed' },
    keyPrefix: 'ptlc_',
    idPattern: /^serv_[a-z2-7]{26}$/,
    limit: 256,
  },
  { label: 'pelican, pacc_ key', options: { version: 'pelican' }, keyPrefix: 'pacc_', idPattern: /^[0-9a-f]{8}$/, limit: 256 },
  { label: 'pelican, plcn_ key', options: { version: 'pelican', apiKey: PLCN_KEY }, keyPrefix: 'plcn_', idPattern: /^[0-9a-f]{8}$/, limit: 256 },
];

describe.each(CASES)('the CLI against $label', ({ options, keyPrefix, idPattern, limit }) => {
  let sim: SimPanel;
  const sessions: CliSession[] = [];

  beforeAll(async () => {
    assertCliBuilt();
    sim = await startTestSim({ servers: 4, seed: 31, ...options });
  });

  afterEach(() => {
    for (const s of sessions.splice(0)) {
      expectNoKey(s.allOutput(), [sim.apiKey]);
      s.kill();
    }
  });

  afterAll(async () => {
    // Nothing the CLI did went over the limit the panel set.
    expect(sim?.control.requestLog().filter((e) => e.status === 429)).toEqual([]);
    await sim?.close();
  });

  const target = () => sim.control.servers()[0]!;

  it("has the version's key and identifiers", () => {
    expect(sim.apiKey.startsWith(keyPrefix)).toBe(true);
    for (const s of sim.control.servers()) expect(s.identifier).toMatch(idPattern);
  });

  it('servers --json lists every server as the panel sends it', async () => {
    const result = await runAgainst(sim, ['servers', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<{ identifier: string; name: string; state: string }>;
    expect(rows).toMatchObject(sim.control.servers().map((s) => ({ identifier: s.identifier, name: s.name, state: s.state })));
  });

  it('power start and status, by the identifier as typed', async () => {
    const { identifier } = target();
    sim.control.setState(identifier, 'offline');
    const power = await runAgainst(sim, ['power', identifier, 'start']);
    expect(power.code, power.stderr).toBe(0);
    await vi.waitFor(() => expect(target().state).toBe('running'), { timeout: 5000, interval: 25 });
    const status = await runAgainst(sim, ['status', identifier, '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect((JSON.parse(status.stdout) as { state: string }).state).toBe('running');
  });

  it('databases ls: every database, as a table and as JSON, and not one password', async () => {
    const { identifier, name } = target();
    const client = new PanelClient({ url: sim.url, apiKey: sim.apiKey });
    const withPasswords = await client.listDatabases(identifier, { includePasswords: true }).finally(() => client.dispose());
    expect(withPasswords.length).toBeGreaterThan(0);
    const json = await runAgainst(sim, ['databases', 'ls', identifier, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const listed = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(listed.map((d) => d.name)).toEqual(withPasswords.map((d) => d.name));
    for (const entry of listed) expect(Object.keys(entry)).not.toContain('password');
    const table = await runAgainst(sim, ['databases', 'ls', name]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+USERNAME\s+ADDRESS\s+FROM\s+MAX$/);
    for (const d of withPasswords) {
      expect(table.stdout).toContain(d.username);
      if (d.password) expect(table.stdout + json.stdout).not.toContain(d.password);
    }
  });

  it('activity: the panel’s first page, newest first, as a table and as JSON', async () => {
    const { identifier } = target();
    const client = new PanelClient({ url: sim.url, apiKey: sim.apiKey });
    const expected = await client.listActivity(identifier, 1).finally(() => client.dispose());
    expect(expected.items.length).toBeGreaterThan(0);
    const json = await runAgainst(sim, ['activity', identifier, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const listed = JSON.parse(json.stdout) as Array<{ event: string; timestamp: string }>;
    expect(listed.map((e) => [e.event, e.timestamp])).toEqual(expected.items.map((e) => [e.event, e.timestamp]));
    expect([...listed.map((e) => e.timestamp)].sort().reverse()).toEqual(listed.map((e) => e.timestamp));
    const table = await runAgainst(sim, ['activity', identifier]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^WHEN\s+WHO\s+EVENT\s+IP\s+DETAILS$/);
    expect(table.stdout.trim().split('\n')).toHaveLength(expected.items.length + 1);
  });

  it('files ls and files cat', async () => {
    const { identifier } = target();
    const ls = await runAgainst(sim, ['files', 'ls', identifier, '/', '--json']);
    expect(ls.code, ls.stderr).toBe(0);
    const names = (JSON.parse(ls.stdout) as Array<{ name: string }>).map((e) => e.name);
    expect(names).toEqual(sim.control.files(identifier).list('/'));
    const cat = await runAgainst(sim, ['files', 'cat', identifier, 'server.properties']);
    expect(cat.code, cat.stderr).toBe(0);
    expect(cat.stdout).toBe(sim.control.files(identifier).readText('/server.properties'));
  });

  it(`watch prints a change within about a second of it, and SIGINT ends it with 0 (${limit}/min)`, async () => {
    const { identifier, name } = target();
    sim.control.setState(identifier, 'offline');
    sim.control.resetCounts();
    const cli = new CliSession(['watch'], { env: simEnv(sim) });
    sessions.push(cli);
    // Its first live state: the watch follows the server now.
    await cli.waitForLine('stdout', (l) => l.includes(identifier) && l.endsWith('unknown -> offline'));
    const changedAt = performance.now();
    sim.control.setState(identifier, 'running');
    const line = await cli.waitForLine('stdout', (l) => l.includes(identifier) && l.endsWith('offline -> running'));
    const elapsedMs = performance.now() - changedAt;
    expect(elapsedMs).toBeLessThan(1500);
    expect(line).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  ${identifier}  ${name}  offline -> running$`));
    // Over the websocket: the watch polled no server.
    expect(sim.control.requestCount('GET /api/client/servers/:server/resources')).toBe(0);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });
});

describe('watch while the panel is down', () => {
  let sim: SimPanel;
  beforeAll(async () => {
    assertCliBuilt();
    sim = await startTestSim({ servers: 2, seed: 31, version: 'pterodactyl-1.12', serverIdentifiers: 'prefixed' });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('says so, keeps trying without a stack trace, prints states once it answers, exits 0 on SIGTERM', async () => {
    const list = /^\/api\/client\/?(\?|$)/;
    sim.control.injectFault({ route: list, count: 1000, fault: { type: 'reset' } });
    const cli = new CliSession(['watch'], { env: simEnv(sim) });
    try {
      await cli.waitForLine('stderr', (l) => l.startsWith('pterotray: the panel cannot be reached'));
      expect(cli.stdoutLines).toEqual([]);
      sim.control.clearFaults();
      const { identifier } = sim.control.servers()[0]!;
      await cli.waitForLine('stdout', (l) => l.includes(identifier) && / unknown -> \w+$/.test(l));
      expect(cli.stderrLines.some((l) => l.includes('the panel answers again'))).toBe(true);
      expect(cli.allOutput()).not.toMatch(/\n\s+at |Error:/);
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toEqual({ code: 0, signal: null });
      expectNoKey(cli.allOutput(), [sim.apiKey]);
    } finally {
      cli.kill();
    }
  });
});
