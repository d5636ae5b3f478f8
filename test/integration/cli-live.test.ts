/**
 * The CLI's long-running commands as child processes: `console` (a command answered, ended by
 * EOF or Ctrl-C), `watch --json` (a state change made on the panel), and `sim`.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimPanel } from '../../src/sim/types';
import { assertCliBuilt, CliSession, runCliProcess } from '../helpers/cli-process';
import { expectNoKey, runAgainst, simEnv } from '../helpers/cli-sim';
import { serverId, startTestSim } from '../helpers/sim';

let sim: SimPanel;
const sessions: CliSession[] = [];

function session(args: string[], env: Record<string, string>): CliSession {
  const s = new CliSession(args, { env });
  sessions.push(s);
  return s;
}

beforeAll(async () => {
  assertCliBuilt();
  sim = await startTestSim({ servers: 3, seed: 5 });
});

afterEach(() => {
  for (const s of sessions.splice(0)) {
    expectNoKey(s.allOutput(), [sim.apiKey]);
    s.kill();
  }
});

afterAll(async () => {
  await sim?.close();
});

describe('console', () => {
  it('sends a typed command, prints the answer, ends cleanly on Ctrl-C', async () => {
    const id = serverId(sim, 0);
    sim.control.setState(id, 'running');
    const cli = session(['console', id], simEnv(sim));
    await cli.waitForLine('stderr', (l) => l.includes('connected to'));
    cli.child.stdin.write('say typed-7781\n');
    await cli.waitForLine('stdout', (l) => l.includes('typed-7781') && !l.startsWith('>'));
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it('sends piped input once connected and ends at EOF', async () => {
    const id = serverId(sim, 0);
    sim.control.setState(id, 'running');
    const result = await runAgainst(sim, ['console', id], { stdin: 'say piped-4410\n' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^(?!>).*piped-4410/m);
  });

  it('fails with exit 1 on a suspended server', async () => {
    const id = serverId(sim, 2);
    sim.control.suspend(id, true);
    try {
      const result = await runAgainst(sim, ['console', id], { stdin: '' });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/suspended/i);
    } finally {
      sim.control.suspend(id, false);
    }
  });
});

describe('watch', () => {
  it('--json reports a state change made on the panel over the websocket, then exits 0 on SIGINT', async () => {
    const id = serverId(sim, 1);
    sim.control.setState(id, 'offline');
    const cli = session(['watch', '--json'], simEnv(sim));
    await cli.waitForLine('stdout', (l) => l.includes(id) && l.includes('"to":"offline"'));
    sim.control.setState(id, 'running');
    const line = await cli.waitForLine('stdout', (l) => l.includes(id) && l.includes('"to":"running"'));
    const event = JSON.parse(line) as Record<string, unknown>;
    expect(event).toMatchObject({ event: 'state', server: id, from: 'offline', to: 'running', is_current: true });
    expect(new Date(String(event.at)).toISOString()).toBe(event.at);
    expect(sim.control.requestCount('GET /api/client/servers/:server/resources')).toBe(0);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });
});

describe('sim', () => {
  it('prints credentials the CLI can use, and stops on SIGINT', async () => {
    const cli = session(['sim', '--servers', '3', '--seed', '8'], {});
    const urlLine = await cli.waitForLine('stdout', (l) => l.startsWith('PTEROTRAY_PANEL_URL='));
    const keyLine = await cli.waitForLine('stdout', (l) => l.startsWith('PTEROTRAY_API_KEY='));
    const env = { PTEROTRAY_PANEL_URL: urlLine.split('=')[1] ?? '', PTEROTRAY_API_KEY: keyLine.split('=')[1] ?? '' };
    const servers = await runCliProcess(['servers', '--json'], { env });
    expect(servers.code, servers.stderr).toBe(0);
    expect(JSON.parse(servers.stdout)).toHaveLength(3);
    expect(servers.stdout + servers.stderr).not.toContain(env.PTEROTRAY_API_KEY);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });
});
