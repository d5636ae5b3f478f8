/**
 * The Databases and Network writes of the core client against the simulated panel, once per
 * release the sim imitates (SIM_VERSION narrows it): the panel's names, ids and passwords, its
 * refusals in its own words, and the per-server limits of database and allocation creation
 * (Pelican and 1.12: 2 a minute, refused by the client before it sends; 1.11: none).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PanelClient } from '../../src/core/api/client';
import type { PanelError } from '../../src/core/api/errors';
import type { SimPanel } from '../../src/sim/types';
import { clientFor, serverId, startTestSim } from '../helpers/sim';
import { VERSION_FACTS, simVersions } from '../helpers/sim-versions';

async function failure(p: Promise<unknown>): Promise<PanelError> {
  return p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as PanelError,
  );
}

describe.each(simVersions())('database and allocation writes on %s', (version) => {
  const facts = VERSION_FACTS[version];
  const isLimited = version !== 'pterodactyl-1.11';
  let sim: SimPanel;
  let client: PanelClient;

  beforeAll(async () => {
    sim = await startTestSim({ version, servers: 5, seed: 42, autoAllocation: { rangeStart: 30_000, rangeEnd: 30_050 } });
    client = clientFor(sim);
  });

  afterAll(async () => {
    client?.dispose();
    await sim?.close();
  });

  it('creates a database named s{id}_…, lists it without its password, gives that password on request, rotates and deletes it', async () => {
    const id = serverId(sim, 0);
    const internalId = sim.control.servers()[0]!.internalId;
    sim.control.setFeatureLimits(id, { databases: 9 });
    const created = await client.createDatabase(id, { database: 'shop', remote: '%' });
    expect(created).toMatchObject({ name: `s${internalId}_shop`, connectionsFrom: '%', host: { port: 3306 } });
    expect(created.id).toMatch(facts.isPelican ? /^\d+$/ : /^[A-Za-z0-9]+$/);
    expect(created.password).toHaveLength(24);
    const listed = (await client.listDatabases(id)).find((d) => d.id === created.id);
    expect(listed?.password).toBeNull();
    await expect(client.getDatabasePassword(id, created.id)).resolves.toBe(created.password);
    const rotated = await client.rotateDatabasePassword(id, created.id);
    expect(rotated.password).not.toBe(created.password);
    await expect(client.getDatabasePassword(id, created.id)).resolves.toBe(rotated.password);
    await client.deleteDatabase(id, created.id);
    expect((await client.listDatabases(id)).map((d) => d.id)).not.toContain(created.id);
    expect(await failure(client.deleteDatabase(id, created.id))).toMatchObject({ kind: 'not-found' });
  });

  it('keeps the panel’s words for a name in use and for the database limit', async () => {
    const id = serverId(sim, 1);
    const existing = await client.listDatabases(id);
    sim.control.setFeatureLimits(id, { databases: existing.length + 1 });
    const taken = existing[0]?.name.replace(/^s\d+_/, '') ?? 'first';
    if (existing.length === 0) await client.createDatabase(id, { database: taken, remote: '%' });
    else {
      const dup = await failure(client.createDatabase(id, { database: taken, remote: '%' }));
      expect(dup).toMatchObject({ kind: 'validation', message: 'The database name you have selected is already in use by this server.' });
    }
    sim.control.setFeatureLimits(id, { databases: (await client.listDatabases(id)).length });
    const over = await failure(client.createDatabase(id, { database: 'over', remote: '%' }));
    expect(over).toMatchObject({
      kind: 'validation',
      status: 400,
      message: 'Operation aborted: creating a new database would put this server over the defined limit.',
    });
  });

  it(isLimited ? 'refuses a third database within a minute before sending it' : 'has no limit of its own on creating databases', async () => {
    const id = serverId(sim, 2);
    sim.control.setFeatureLimits(id, { databases: 9 });
    await client.createDatabase(id, { database: 'one', remote: '%' });
    await client.createDatabase(id, { database: 'two', remote: '%' });
    const posts = (): number => sim.control.requestLog().filter((e) => e.method === 'POST' && e.path.endsWith(`/servers/${id}/databases`)).length;
    const before = posts();
    const third = client.createDatabase(id, { database: 'three', remote: '%' });
    if (!isLimited) {
      await expect(third).resolves.toMatchObject({ name: expect.stringMatching(/_three$/) });
      return;
    }
    const error = await failure(third);
    expect(error).toMatchObject({ kind: 'rate-limited', rateLimitScope: 'server' });
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(posts()).toBe(before);
  });

  it('adds a port from the range, sets and clears notes, makes it primary; removing the primary is the release’s rule', async () => {
    const id = serverId(sim, 3);
    const before = await client.listAllocations(id);
    sim.control.setFeatureLimits(id, { allocations: before.length + 1 });
    const added = await client.createAllocation(id);
    expect(added).toMatchObject({ port: 30_000, isDefault: false, notes: null });
    await expect(client.setAllocationNotes(id, added.id, 'voice')).resolves.toMatchObject({ notes: 'voice' });
    await expect(client.setAllocationNotes(id, added.id, null)).resolves.toMatchObject({ notes: null });
    const limit = await failure(client.createAllocation(id));
    expect(limit).toMatchObject({ kind: 'validation', message: 'Cannot assign additional allocations to this server: limit has been reached.' });
    const old = before.find((a) => a.isDefault)!;
    await expect(client.setPrimaryAllocation(id, added.id)).resolves.toMatchObject({ isDefault: true });
    await client.deleteAllocation(id, old.id);
    const primaryRemoval = client.deleteAllocation(id, added.id);
    if (facts.isPelican) await expect(primaryRemoval).resolves.toBeUndefined();
    else expect(await failure(primaryRemoval)).toMatchObject({ kind: 'validation', message: 'You cannot delete the primary allocation for this server.' });
  });

  it('refuses removing any port of a server without an allocation limit, and a key without allocation.update', async () => {
    const id = serverId(sim, 4);
    const [first] = await client.listAllocations(id);
    sim.control.setFeatureLimits(id, { allocations: 0 });
    expect(await failure(client.deleteAllocation(id, first!.id))).toMatchObject({
      kind: 'validation',
      message: 'You cannot delete allocations for this server: no allocation limit is set.',
    });
    expect(await failure(client.createAllocation(id))).toMatchObject({ kind: 'validation' });
    sim.control.setPermissions(id, ['allocation.read']);
    expect(await failure(client.setAllocationNotes(id, first!.id, 'x'))).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(await failure(client.setPrimaryAllocation(id, first!.id))).toMatchObject({ kind: 'forbidden' });
    sim.control.setPermissions(id, null);
  });
});
