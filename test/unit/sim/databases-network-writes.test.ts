/**
 * The sim's Databases and Network write routes, in both flavors, against what the panels' own
 * controllers answer (see src/sim/routes/databases-write.ts and network-write.ts for the sources).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startSimPanel, type SimPanel, type SimPanelOptions } from '../../../src/sim';
import { api, getJson, postJson } from './sim-test-kit';

const sims: SimPanel[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close();
});

async function sim(options: SimPanelOptions = {}): Promise<{ sim: SimPanel; server: string; internalId: number }> {
  const panel = await startSimPanel({ seed: 11, servers: 3, ...options });
  sims.push(panel);
  // Server 0 runs Paper: the one egg with seeded databases.
  const first = panel.control.servers()[0]!;
  return { sim: panel, server: first.identifier, internalId: first.internalId };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked field by field
type Body = any;

async function bodyOf(response: Response): Promise<Body> {
  return response.status === 204 ? null : ((await response.json()) as Body);
}

describe.each(['pterodactyl', 'pelican'] as const)('databases (%s)', (flavor) => {
  test('create prefixes the name, answers with the password, and the list shows it only with include=password', async () => {
    const { sim: panel, server, internalId } = await sim({ flavor });
    panel.control.setFeatureLimits(server, { databases: 5 });
    const created = await bodyOf(await postJson(panel, `/api/client/servers/${server}/databases`, { database: 'shop', remote: '%' }));
    expect(created).toMatchObject({ object: 'server_database', attributes: { name: `s${internalId}_shop`, connections_from: '%', host: { port: 3306 } } });
    expect(typeof created.attributes.id).toBe(flavor === 'pelican' ? 'number' : 'string');
    expect(created.attributes.username).toMatch(new RegExp(`^u${internalId}_[A-Za-z0-9]{10}$`));
    const password: string = created.attributes.relationships.password.attributes.password;
    expect(password).toHaveLength(24);
    const plain = await getJson(panel, `/api/client/servers/${server}/databases`);
    const listed = plain.body.data.find((d: Body) => d.attributes.id === created.attributes.id);
    expect(listed.attributes.relationships).toBeUndefined();
    const withPassword = await getJson(panel, `/api/client/servers/${server}/databases?include=password`);
    expect(withPassword.body.data.find((d: Body) => d.attributes.id === created.attributes.id).attributes.relationships.password.attributes.password).toBe(
      password,
    );
  });

  test('the seeded databases stay the same on every read, and deleted ones are gone', async () => {
    const { sim: panel, server } = await sim({ flavor });
    const first = (await getJson(panel, `/api/client/servers/${server}/databases?include=password`)).body.data;
    const again = (await getJson(panel, `/api/client/servers/${server}/databases?include=password`)).body.data;
    expect(again).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
    const id = first[0].attributes.id;
    expect((await api(panel, `/api/client/servers/${server}/databases/${id}`, { method: 'DELETE' })).status).toBe(204);
    const after = (await getJson(panel, `/api/client/servers/${server}/databases`)).body.data;
    expect(after.map((d: Body) => d.attributes.id)).not.toContain(id);
    expect((await api(panel, `/api/client/servers/${server}/databases/${id}`, { method: 'DELETE' })).status).toBe(404);
  });

  test('rotate gives a new password, shown only with view_password', async () => {
    const { sim: panel, server } = await sim({ flavor });
    const [db] = (await getJson(panel, `/api/client/servers/${server}/databases?include=password`)).body.data;
    const old = db.attributes.relationships.password.attributes.password;
    const rotated = await bodyOf(await postJson(panel, `/api/client/servers/${server}/databases/${db.attributes.id}/rotate-password`, {}));
    expect(rotated.attributes.relationships.password.attributes.password).not.toBe(old);
    panel.control.setPermissions(server, ['database.read', 'database.update']);
    const hidden = await bodyOf(await postJson(panel, `/api/client/servers/${server}/databases/${db.attributes.id}/rotate-password`, {}));
    expect(hidden.attributes.relationships.password).toEqual({ object: 'null_resource', attributes: null });
  });

  test('the panel’s validation messages, every failing rule, and the unique name', async () => {
    const { sim: panel, server } = await sim({ flavor });
    panel.control.setFeatureLimits(server, { databases: 9 });
    const bad = await postJson(panel, `/api/client/servers/${server}/databases`, { database: 'a!', remote: 'x y' });
    expect(bad.status).toBe(422);
    expect((await bodyOf(bad)).errors.map((e: Body) => [e.meta.source_field, e.meta.rule, e.detail])).toEqual([
      ['database', 'alpha_dash', 'The database field must only contain letters, numbers, dashes, and underscores.'],
      ['database', 'min', 'The database field must be at least 3 characters.'],
      ['remote', 'regex', 'The remote field format is invalid.'],
    ]);
    expect((await postJson(panel, `/api/client/servers/${server}/databases`, { database: 'twice', remote: '%' })).status).toBe(200);
    const dup = await bodyOf(await postJson(panel, `/api/client/servers/${server}/databases`, { database: 'twice', remote: '10.0.0.%' }));
    expect(dup.errors[0]).toMatchObject({
      status: '422',
      detail: 'The database name you have selected is already in use by this server.',
      meta: { rule: 'unique' },
    });
  });

  test('the database limit is a 400 TooManyDatabasesException; a key without database.create gets 403 first', async () => {
    const { sim: panel, server } = await sim({ flavor });
    const count = (await getJson(panel, `/api/client/servers/${server}/databases`)).body.data.length;
    panel.control.setFeatureLimits(server, { databases: count });
    const over = await postJson(panel, `/api/client/servers/${server}/databases`, { database: 'more', remote: '%' });
    expect(over.status).toBe(400);
    expect((await bodyOf(over)).errors[0]).toEqual({
      code: 'TooManyDatabasesException',
      status: '400',
      detail: 'Operation aborted: creating a new database would put this server over the defined limit.',
    });
    panel.control.setPermissions(server, ['database.read']);
    expect((await postJson(panel, `/api/client/servers/${server}/databases`, { database: 'more', remote: '%' })).status).toBe(403);
  });
});

test('Pterodactyl 1.12 and Pelican limit database creation to 2 a minute per server (429)', async () => {
  const { sim: panel, server } = await sim({ version: 'pelican' });
  panel.control.setFeatureLimits(server, { databases: 9 });
  const statuses: number[] = [];
  for (const name of ['one', 'two', 'three'])
    statuses.push((await postJson(panel, `/api/client/servers/${server}/databases`, { database: name, remote: '%' })).status);
  expect(statuses).toEqual([200, 200, 429]);
});

describe.each(['pterodactyl', 'pelican'] as const)('allocations (%s)', (flavor) => {
  const path = (server: string, rest = ''): string => `/api/client/servers/${server}/network/allocations${rest}`;

  test('create assigns the lowest free port of the range, up to the limit', async () => {
    const { sim: panel, server } = await sim({ flavor, autoAllocation: { rangeStart: 30_000, rangeEnd: 30_009 } });
    const before = (await getJson(panel, path(server))).body.data.length;
    panel.control.setFeatureLimits(server, { allocations: before + 1 });
    const created = await bodyOf(await postJson(panel, path(server), {}));
    expect(created).toMatchObject({ object: 'allocation', attributes: { port: 30_000, notes: null, is_default: false } });
    const over = await postJson(panel, path(server), {});
    expect(over.status).toBe(400);
    expect((await bodyOf(over)).errors[0].detail).toBe('Cannot assign additional allocations to this server: limit has been reached.');
  });

  test('create with auto-allocation off, and with no room on the node', async () => {
    const off = await sim({ flavor, autoAllocation: false });
    expect((await bodyOf(await postJson(off.sim, path(off.server), {}))).errors[0].detail).toBe('Server auto-allocation is not enabled for this instance.');
    const full = await sim({ flavor, autoAllocation: { rangeStart: 30_000, rangeEnd: 30_000 } });
    full.sim.control.setFeatureLimits(full.server, { allocations: 9 });
    expect((await postJson(full.sim, path(full.server), {})).status).toBe(200);
    expect((await bodyOf(await postJson(full.sim, path(full.server), {}))).errors[0].detail).toBe(
      'Cannot assign additional allocation: no more space available on node.',
    );
  });

  test('notes: saved, "" clears, over 256 and a missing field refused; primary moves', async () => {
    const { sim: panel, server } = await sim({ flavor });
    panel.control.setFeatureLimits(server, { allocations: 5 });
    const added = (await bodyOf(await postJson(panel, path(server), {}))).attributes;
    expect((await bodyOf(await postJson(panel, path(server, `/${added.id}`), { notes: 'rcon' }))).attributes.notes).toBe('rcon');
    expect((await bodyOf(await postJson(panel, path(server, `/${added.id}`), { notes: '' }))).attributes.notes).toBeNull();
    expect((await bodyOf(await postJson(panel, path(server, `/${added.id}`), { notes: 'n'.repeat(257) }))).errors[0].detail).toBe(
      'The notes field must not be greater than 256 characters.',
    );
    expect((await bodyOf(await postJson(panel, path(server, `/${added.id}`), {}))).errors[0].detail).toBe('The notes field must be present.');
    expect((await bodyOf(await postJson(panel, path(server, `/${added.id}/primary`), {}))).attributes.is_default).toBe(true);
    const listed = (await getJson(panel, path(server))).body.data.filter((a: Body) => a.attributes.is_default);
    expect(listed.map((a: Body) => a.attributes.id)).toEqual([added.id]);
    expect((await postJson(panel, path(server, '/999999'), { notes: 'x' })).status).toBe(404);
  });

  test('delete: refused without an allocation limit; the primary refused on Pterodactyl only; the port goes back to the node', async () => {
    const { sim: panel, server } = await sim({ flavor, autoAllocation: { rangeStart: 30_000, rangeEnd: 30_009 } });
    panel.control.setFeatureLimits(server, { allocations: 0 });
    const [primary] = (await getJson(panel, path(server))).body.data.filter((a: Body) => a.attributes.is_default);
    const noLimit = await api(panel, path(server, `/${primary.attributes.id}`), { method: 'DELETE' });
    expect((await bodyOf(noLimit)).errors[0]).toEqual({
      code: 'DisplayException',
      status: '400',
      detail: 'You cannot delete allocations for this server: no allocation limit is set.',
    });
    panel.control.setFeatureLimits(server, { allocations: 5 });
    const added = (await bodyOf(await postJson(panel, path(server), {}))).attributes;
    await postJson(panel, path(server, `/${added.id}`), { notes: 'old note' });
    expect((await api(panel, path(server, `/${added.id}`), { method: 'DELETE' })).status).toBe(204);
    const again = (await bodyOf(await postJson(panel, path(server), {}))).attributes;
    expect([again.id, again.port, again.notes]).toEqual([added.id, added.port, null]);
    const primaryGone = await api(panel, path(server, `/${primary.attributes.id}`), { method: 'DELETE' });
    if (flavor === 'pelican') expect(primaryGone.status).toBe(204);
    else expect((await bodyOf(primaryGone)).errors[0].detail).toBe('You cannot delete the primary allocation for this server.');
  });

  test('a key without allocation.update gets 403 for notes and primary', async () => {
    const { sim: panel, server } = await sim({ flavor });
    panel.control.setPermissions(server, ['allocation.read']);
    const [first] = (await getJson(panel, path(server))).body.data;
    expect((await postJson(panel, path(server, `/${first.attributes.id}`), { notes: 'x' })).status).toBe(403);
    expect((await postJson(panel, path(server, `/${first.attributes.id}/primary`), {})).status).toBe(403);
    expect((await postJson(panel, path(server), {})).status).toBe(403);
  });
});
