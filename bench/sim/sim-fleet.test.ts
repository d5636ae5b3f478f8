import { afterEach, describe, expect, it } from 'vitest';
import { limitOf, SimFleet, splitServers, withEnvVersion } from './sim-fleet';

describe('splitServers and limitOf', () => {
  it.each([
    [10, [4, 3, 3]],
    [100, [34, 33, 33]],
    [500, [167, 167, 166]],
    [2, [1, 1, 0]],
  ])('%d servers over 3 panels is %j', (total, expected) => {
    expect(splitServers(total, 3)).toEqual(expected);
    expect(splitServers(total, 3).reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("knows the sims' default limits", () => {
    expect(limitOf({})).toBe(720);
    expect(limitOf({ flavor: 'pelican' })).toBe(256);
    expect(limitOf({ rateLimitPerMinute: 60 })).toBe(60);
    expect(limitOf({ version: 'pterodactyl-1.11' })).toBe(720);
    expect(limitOf({ version: 'pterodactyl-1.12' })).toBe(256);
    expect(limitOf({ version: 'pelican', rateLimitPerMinute: 1000 })).toBe(1000);
  });

  it('SIM_VERSION sets the version of every panel that names none, and a wrong one is refused', () => {
    expect(withEnvVersion([{ servers: 1 }], undefined)).toEqual([{ servers: 1 }]);
    expect(withEnvVersion([{ servers: 1 }, { version: 'pterodactyl-1.11' }], 'pelican')).toEqual([
      { version: 'pelican', servers: 1 },
      { version: 'pterodactyl-1.11' },
    ]);
    expect(() => withEnvVersion([{}], 'pelican-2')).toThrow(/not a sim version/);
  });
});

describe('SimFleet', () => {
  let fleet: SimFleet | null = null;
  afterEach(async () => {
    await fleet?.close();
    fleet = null;
  });

  it('runs panels in a child process, controls them remotely, and leaves nothing behind', async () => {
    fleet = await SimFleet.start([
      { servers: 2, seed: 5 },
      { servers: 1, seed: 6, flavor: 'pelican' },
    ]);
    const [first, second] = fleet.panels;
    expect(first?.limitPerMinute).toBe(720);
    expect(second?.limitPerMinute).toBe(256);
    const servers = (await first?.control.servers()) ?? [];
    expect(servers).toHaveLength(2);
    const response = await fetch(`${first?.url}/api/client`, { headers: { Authorization: `Bearer ${first?.apiKey}`, Accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(await first?.control.requestCount('GET /api/client')).toBe(1);
    expect((await fleet.usage())?.rssBytes).toBeGreaterThan(0);
    const pid = fleet.pid;
    await fleet.close();
    expect(() => process.kill(pid ?? -1, 0)).toThrow();
  });
});
