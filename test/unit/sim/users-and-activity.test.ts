/**
 * The subuser routes and the activity log of the sim, through the real PanelClient, in both
 * flavors: the panels' refusals (SubuserController / SubuserRequest / SubuserCreationService)
 * and ActivityLogController's paging, sort and `filter[event]`.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { PanelClient } from '../../../src/core/api/client';
import { PanelError } from '../../../src/core/api/errors';
import { startSimPanel } from '../../../src/sim';
import type { SimPanel, SimPanelVersion } from '../../../src/sim';
import { getJson, postJson } from './sim-test-kit';

let sim: SimPanel | null = null;
let client: PanelClient | null = null;
afterEach(async () => {
  client?.dispose();
  client = null;
  await sim?.close();
  sim = null;
});

async function start(version: SimPanelVersion): Promise<{ panel: SimPanel; api: PanelClient; id: string }> {
  const panel = await startSimPanel({ servers: 1, version });
  sim = panel;
  const api = new PanelClient({ url: panel.url, apiKey: panel.apiKey });
  client = api;
  return { panel, api, id: panel.control.servers()[0]!.identifier };
}

async function refusal(promise: Promise<unknown>): Promise<PanelError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PanelError);
  return error as PanelError;
}

describe.each(['pterodactyl-1.11', 'pelican'] as const)('subusers on %s', (version) => {
  test('invite, edit and remove, with websocket.connect always added and each write in the activity log', async () => {
    const { api, id } = await start(version);
    const before = await api.listSubusers(id);
    const created = await api.createSubuser(id, 'friend@example.com', ['control.console', 'not.a-permission']);
    expect(created.email).toBe('friend@example.com');
    expect(created.username).toMatch(/^friend\w{3}$/);
    expect([...created.permissions].sort()).toEqual(['control.console', 'websocket.connect']);
    expect((await api.listSubusers(id)).map((s) => s.uuid)).toEqual([...before.map((s) => s.uuid), created.uuid]);

    const updated = await api.updateSubuser(id, created.uuid, ['control.console', 'file.read']);
    expect([...updated.permissions].sort()).toEqual(['control.console', 'file.read', 'websocket.connect']);

    await api.deleteSubuser(id, created.uuid);
    expect((await api.listSubusers(id)).some((s) => s.uuid === created.uuid)).toBe(false);

    const log = await api.queryActivity(id, { event: 'subuser' });
    expect(log.items.map((e) => e.event)).toEqual(['server:subuser.delete', 'server:subuser.update', 'server:subuser.create']);
    expect(log.items[2]!.properties).toMatchObject({ email: 'friend@example.com', count: 2 });
    expect(log.items[1]!.properties).toMatchObject({ old_count: 2, new_count: 3, revoked: true });
  });

  test("the owner's email and an existing subuser are refused in the panel's words", async () => {
    const { api, id } = await start(version);
    const account = await api.getAccount();
    const owner = await refusal(api.createSubuser(id, account.email, ['control.console']));
    expect(owner.kind).toBe('validation');
    expect(owner.message).toBe('You cannot add the server owner as a subuser for this server.');
    await api.createSubuser(id, 'twice@example.com', ['control.console']);
    const twice = await refusal(api.createSubuser(id, 'TWICE@example.com', ['control.console']));
    expect(twice.message).toBe('A user with that email address is already assigned as a subuser for this server.');
  });

  test('an invalid email and no permissions are 422s as Laravel words them for the release', async () => {
    const { panel, id } = await start(version);
    const response = await postJson(panel, `/api/client/servers/${id}/users`, { email: 'not-an-email', permissions: [] });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: Array<{ code: string; status: string; detail: string; meta: unknown }> };
    const email = version === 'pelican' ? 'The email field must be a valid email address.' : 'The email must be a valid email address.';
    expect(body.errors).toEqual([
      { code: 'ValidationException', status: '422', detail: email, meta: { source_field: 'email', rule: 'email' } },
      { code: 'ValidationException', status: '422', detail: 'The permissions field is required.', meta: { source_field: 'permissions', rule: 'required' } },
    ]);
  });

  test('a subuser may give only what it holds, and a key without user.read is refused the list', async () => {
    const { panel, api, id } = await start(version);
    panel.control.setPermissions(id, ['websocket.connect', 'user.create', 'user.update', 'control.console']);
    const more = await refusal(api.createSubuser(id, 'helper@example.com', ['control.console', 'file.delete']));
    expect(more.kind).toBe('forbidden');
    expect(more.message).toBe('Cannot assign permissions to a subuser that your account does not actively possess.');
    expect((await api.createSubuser(id, 'helper@example.com', ['control.console'])).email).toBe('helper@example.com');
    expect((await refusal(api.listSubusers(id))).kind).toBe('forbidden');
  });
});

describe('permission groups', () => {
  test("Pterodactyl's nested map keeps its groups and descriptions", async () => {
    const { api } = await start('pterodactyl-1.12');
    const groups = await api.listPermissionGroups();
    const control = groups.find((g) => g.name === 'control');
    expect(control?.description).toMatch(/control the power state/);
    expect(control?.permissions.map((p) => p.key)).toEqual(['control.console', 'control.start', 'control.stop', 'control.restart']);
    expect(control?.permissions[0]?.description).toEqual(expect.any(String));
  });

  test("Pelican's flat list is grouped by its prefix, in its order, without descriptions", async () => {
    const { api } = await start('pelican');
    const groups = await api.listPermissionGroups();
    expect(groups.map((g) => g.name).slice(0, 4)).toEqual(['websocket', 'control', 'file', 'backup']);
    const database = groups.find((g) => g.name === 'database');
    expect(database?.permissions.map((p) => p.key)).toContain('database.view-password');
    expect(groups.every((g) => g.description === null && g.permissions.every((p) => p.description === null))).toBe(true);
  });
});

describe.each(['pterodactyl-1.12', 'pelican'] as const)('activity on %s', (version) => {
  test('pages of per_page, newest first, meta.pagination as the panel sends it', async () => {
    const { panel, api, id } = await start(version);
    const first = await api.queryActivity(id, { page: 1, perPage: 10 });
    expect(first.pagination).toMatchObject({ total: 30, perPage: 10, currentPage: 1, totalPages: 3, count: 10 });
    const second = await api.queryActivity(id, { page: 2, perPage: 10 });
    const stamps = [...first.items, ...second.items].map((e) => Date.parse(e.timestamp));
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    expect(first.items[0]?.actorUsername).not.toBeNull();
    const raw = await getJson(panel, `/api/client/servers/${id}/activity?per_page=500`);
    expect(raw.body.meta.pagination.per_page).toBe(100);
  });

  test('filter[event] is a case-insensitive partial match; another filter is a 400', async () => {
    const { panel, api, id } = await start(version);
    const power = await api.queryActivity(id, { event: 'POWER' });
    expect(power.items.length).toBeGreaterThan(0);
    expect(power.items.every((e) => e.event.includes('power'))).toBe(true);
    expect((await api.queryActivity(id, { event: 'nothing-like-this' })).items).toEqual([]);
    const bad = await getJson(panel, `/api/client/servers/${id}/activity?filter[ip]=1`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].code).toBe('InvalidFilterQuery');
  });

  test('a key without activity.read is refused', async () => {
    const { panel, api, id } = await start(version);
    panel.control.setPermissions(id, ['websocket.connect']);
    expect((await refusal(api.queryActivity(id))).kind).toBe('forbidden');
  });
});
