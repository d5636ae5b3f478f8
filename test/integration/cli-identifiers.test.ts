/**
 * The built CLI, as a process, against a Pterodactyl 1.12 panel with prefixed identifiers
 * (PTERODACTYL_USE_SERVER_IDENTIFIERS, panel PR #5548): `servers`, `status` and `power` take
 * and print the serv_ form as the panel gives it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SimPanel } from '../../src/sim/types';
import { assertCliBuilt } from '../helpers/cli-process';
import { runAgainst } from '../helpers/cli-sim';
import { startTestSim } from '../helpers/sim';

let sim: SimPanel;

beforeAll(async () => {
  assertCliBuilt();
  sim = await startTestSim({ servers: 3, seed: 8, serverIdentifiers: 'prefixed' });
});

afterAll(async () => {
  await sim?.close();
});

describe('a panel that answers with serv_ identifiers', () => {
  it('servers --json lists them as the panel sends them', async () => {
    const result = await runAgainst(sim, ['servers', '--json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<{ identifier: string }>;
    expect(rows.map((r) => r.identifier)).toEqual(sim.control.servers().map((s) => s.identifier));
    for (const row of rows) expect(row.identifier).toMatch(/^serv_[a-z2-7]{26}$/);
  });

  it('power and status take the serv_ identifier exactly as typed', async () => {
    const server = sim.control.servers()[0]!;
    sim.control.setState(server.identifier, 'offline');
    const power = await runAgainst(sim, ['power', server.identifier, 'start']);
    expect(power.code).toBe(0);
    expect(power.stderr).toContain('Sent start');
    await vi.waitFor(() => expect(sim.control.servers()[0]?.state).toBe('running'), { timeout: 5000, interval: 25 });
    const status = await runAgainst(sim, ['status', server.identifier, '--json']);
    expect(status.code).toBe(0);
    expect((JSON.parse(status.stdout) as { state: string }).state).toBe('running');
  });
});
