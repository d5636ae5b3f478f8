/**
 * The built CLI as a child process against the simulated panel: account, servers, status, power,
 * exit codes 1 and 2, broken pipes, and the key never in any output.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SimPanel } from '../../src/sim/types';
import { assertCliBuilt, spawnCli } from '../helpers/cli-process';
import { expectNoKey, runAgainst, simEnv } from '../helpers/cli-sim';
import { serverId, startTestSim } from '../helpers/sim';

let sim: SimPanel;

beforeAll(async () => {
  assertCliBuilt();
  sim = await startTestSim({ servers: 6, seed: 21 });
});

afterAll(async () => {
  await sim?.close();
});

describe('reading', () => {
  it('account --json', async () => {
    const result = await runAgainst(sim, ['account', '--json']);
    expect(result.code).toBe(0);
    const account = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(account).toMatchObject({ username: expect.any(String), email: expect.stringContaining('@'), admin: expect.any(Boolean) });
    expect(Object.keys(account)).toEqual(expect.arrayContaining(['id', 'first_name', 'last_name', 'language']));
  });

  it('servers --json matches the panel, a suspended server shows as such', async () => {
    const suspended = serverId(sim, 2);
    sim.control.suspend(suspended, true);
    sim.control.setState(serverId(sim, 1), 'running');
    try {
      const result = await runAgainst(sim, ['servers', '--json']);
      expect(result.code).toBe(0);
      const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
      const expected = sim.control.servers().map((s) => ({
        identifier: s.identifier,
        uuid: s.uuid,
        name: s.name,
        node: s.node,
        state: s.identifier === suspended ? 'suspended' : s.state,
        is_suspended: s.isSuspended,
        limits: { memory: s.limits.memoryMib, disk: s.limits.diskMib, cpu: s.limits.cpuPercent },
      }));
      expect(rows).toMatchObject(expected);
    } finally {
      sim.control.suspend(suspended, false);
    }
  });

  it('servers prints an aligned table', async () => {
    const result = await runAgainst(sim, ['servers']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    const nameColumn = lines[0]?.indexOf('NAME') ?? -1;
    expect(nameColumn).toBeGreaterThan(0);
    const names = sim.control.servers().map((s) => s.name);
    lines.slice(1).forEach((line, i) => expect(line.slice(nameColumn).startsWith(names[i] ?? '?')).toBe(true));
  });

  it('status by name --json', async () => {
    const target = sim.control.servers()[1];
    sim.control.setState(target?.identifier ?? '', 'running');
    const result = await runAgainst(sim, ['status', target?.name.toUpperCase() ?? '', '--json']);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout) as { state: string; is_suspended: boolean; resources: Record<string, number> };
    expect(status.state).toBe('running');
    expect(status.is_suspended).toBe(false);
    expect(Object.keys(status.resources).sort()).toEqual(
      ['cpu_absolute', 'disk_bytes', 'memory_bytes', 'network_rx_bytes', 'network_tx_bytes', 'uptime'].sort(),
    );
  });
});

describe('power', () => {
  it('start, then the state reaches running', async () => {
    const id = serverId(sim, 3);
    sim.control.setState(id, 'offline');
    const result = await runAgainst(sim, ['power', id, 'start']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Sent start');
    await vi.waitFor(() => expect(sim.control.servers()[3]?.state).toBe('running'), { timeout: 5000, interval: 25 });
    const status = await runAgainst(sim, ['status', id, '--json']);
    expect((JSON.parse(status.stdout) as { state: string }).state).toBe('running');
  });
});

describe('exit codes', () => {
  it('1 with one stderr line on a bad key, which is not printed', async () => {
    const wrongKey = 'ptlc_WRONGWRONGWRabcdefghijklmnopqrstuvwxyz123456';
    const result = await runAgainst(sim, ['servers', '--debug'], { apiKey: wrongKey });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const errorLines = result.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('debug:'));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/^pterotray: .*API key/);
    expectNoKey(result.stderr, [wrongKey]);
  });

  it('1 with the reason when the server is suspended', async () => {
    const id = serverId(sim, 4);
    sim.control.suspend(id, true);
    try {
      const result = await runAgainst(sim, ['power', id, 'start']);
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/suspended/i);
    } finally {
      sim.control.suspend(id, false);
    }
  });

  it.each([[['nope']], [['servers', '--nope']], [['status']], [['power', 'x', 'explode']], [['watch', '--interval', '1']], [['files']]])(
    '2 on a usage error: %j',
    async (args) => {
      const result = await runAgainst(sim, args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^pterotray: /);
    },
  );

  it('2 on an ambiguous server name, listing the candidates', async () => {
    // Seed 21 names two servers "Cozy …" and two "Modded …": a first word shared by several.
    const names = sim.control.servers().map((s) => s.name);
    const word = names.map((n) => n.split(' ')[0] ?? '').find((w, _i, all) => all.filter((x) => x === w).length > 1);
    expect(word, `no shared first word among ${names.join(', ')}`).toBeDefined();
    const sharing = sim.control.servers().filter((s) => s.name.startsWith(`${word} `));
    const result = await runAgainst(sim, ['status', (word ?? '').toLowerCase()]);
    expect(result.code).toBe(2);
    for (const s of sharing) expect(result.stderr).toContain(`${s.identifier} (${s.name})`);
  });

  it('2 without credentials', async () => {
    const result = await runAgainst(sim, ['servers'], { env: { PTEROTRAY_PANEL_URL: '', PTEROTRAY_API_KEY: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PTEROTRAY_PANEL_URL');
  });

  it('0 with --help and --version', async () => {
    const [help, version] = await Promise.all([runAgainst(sim, ['--help']), runAgainst(sim, ['--version'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('pterotray <command>');
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('broken pipe', () => {
  it('exits 0 quietly when stdout is closed early', async () => {
    const child = spawnCli(['servers'], { env: simEnv(sim) });
    child.stdout.destroy();
    child.stdin.end();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
