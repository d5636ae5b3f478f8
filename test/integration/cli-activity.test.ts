/**
 * `pterotray activity <server> [--page N] [--event TEXT]` as a child process against every panel
 * kind: the page asked for (the panel's 25 a page), the panel's `filter[event]` (a
 * case-insensitive partial match: ActivityLogController's `AllowedFilter::partial('event')`),
 * the events the sim's own subuser writes log, a page past the last, and the usage errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelClient } from '../../src/core/api/client';
import type { SimPanel, SimPanelVersion } from '../../src/sim/types';
import { assertCliBuilt } from '../helpers/cli-process';
import { expectNoKey, runAgainst } from '../helpers/cli-sim';
import { startTestSim } from '../helpers/sim';

const VERSIONS: readonly SimPanelVersion[] = ['pterodactyl-1.11', 'pterodactyl-1.12', 'pelican'];

describe.each(VERSIONS)('pterotray activity on %s', (version) => {
  let sim: SimPanel;
  let identifier: string;

  beforeAll(async () => {
    assertCliBuilt();
    sim = await startTestSim({ servers: 1, seed: 13, version });
    identifier = sim.control.servers()[0]!.identifier;
    const client = new PanelClient({ url: sim.url, apiKey: sim.apiKey });
    try {
      const created = await client.createSubuser(identifier, 'cli-friend@example.com', ['control.console']);
      await client.deleteSubuser(identifier, created.uuid);
    } finally {
      client.dispose();
    }
  });

  afterAll(async () => {
    await sim?.close();
  });

  const json = async (args: string[]): Promise<Array<{ event: string; timestamp: string; properties: Record<string, unknown> }>> => {
    const run = await runAgainst(sim, ['activity', identifier, ...args, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expectNoKey(run.stdout + run.stderr, [sim.apiKey]);
    return JSON.parse(run.stdout) as Array<{ event: string; timestamp: string; properties: Record<string, unknown> }>;
  };

  it('--page walks the log newest first without overlap', async () => {
    const first = await json([]);
    const second = await json(['--page', '2']);
    // 30 seeded entries and the two writes above: 25 + 7.
    expect([first.length, second.length]).toEqual([25, 7]);
    const stamps = [...first, ...second].map((e) => Date.parse(e.timestamp));
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    expect(first[0]?.event).toBe('server:subuser.delete');
  });

  it("--event keeps the events containing the text, as the panel's filter does", async () => {
    const subuser = await json(['--event', 'SUBUSER']);
    expect(subuser.map((e) => e.event)).toEqual(['server:subuser.delete', 'server:subuser.create']);
    expect(subuser[1]?.properties).toMatchObject({ email: 'cli-friend@example.com', count: 2 });
    const power = await json(['--event', 'power']);
    expect(power.length).toBeGreaterThan(0);
    expect(power.every((e) => e.event.startsWith('server:power.'))).toBe(true);
  });

  it('says which page of how many, and when a page is past the last or nothing matches', async () => {
    const table = await runAgainst(sim, ['activity', identifier, '--page', '2']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^WHEN\s+WHO\s+EVENT\s+IP\s+DETAILS$/);
    expect(table.stderr.trim()).toBe('Page 2 of 2.');
    const past = await runAgainst(sim, ['activity', identifier, '--page', '9']);
    expect([past.code, past.stdout, past.stderr.trim()]).toEqual([0, '', 'Page 9 is past the last page (2).']);
    const none = await runAgainst(sim, ['activity', identifier, '--event', 'no-such-event']);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('has no activity matching "no-such-event"');
  });

  it('refuses a page that is not a whole number from 1 as a usage error (exit 2)', async () => {
    for (const page of ['0', '-1', 'two', '1.5']) {
      const run = await runAgainst(sim, ['activity', identifier, '--page', page]);
      expect(run.code, page).toBe(2);
      // `-1` is taken by node's parseArgs for an option and refused there, naming --page too.
      expect(run.stderr).toMatch(page === '-1' ? /--page/ : /--page must be a whole number from 1/);
    }
  });
});
