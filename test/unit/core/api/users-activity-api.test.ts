/**
 * The subuser writes and the activity query of PanelClient on the wire (an axios adapter), and
 * `GET /permissions` as groups from both panels' shapes, the real Pelican fixture included.
 */
import { readFileSync } from 'node:fs';
import type { AxiosAdapter } from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelClient } from '../../../../src/core/api/client';
import { PanelError } from '../../../../src/core/api/errors';
import { normalizePermissionGroups } from '../../../../src/core/api/normalize/permission-groups';
import { fakeAdapter, type AdapterAnswer, type AdapterCall } from './helpers/fake-adapter';

const clients: PanelClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

function clientWith(answer: (call: AdapterCall) => AdapterAnswer): { c: PanelClient; calls: AdapterCall[] } {
  const { adapter, calls } = fakeAdapter(answer);
  const c = new PanelClient({ url: 'https://panel.example.com', apiKey: 'ptlc_testtesttest' }, { adapter });
  clients.push(c);
  return { c, calls };
}

const SUBUSER = {
  object: 'server_subuser',
  attributes: { uuid: 'u-1', username: 'friendabc', email: 'friend@example.com', '2fa_enabled': true, permissions: ['websocket.connect', 'control.console'] },
};

describe('subuser writes', () => {
  it('POSTs users with the trimmed email and unique permissions, and reads the new subuser', async () => {
    const bodies: unknown[] = [];
    const adapter: AxiosAdapter = (config) => {
      bodies.push([config.method?.toUpperCase(), config.url, JSON.parse(String(config.data))]);
      return Promise.resolve({
        data: JSON.stringify(SUBUSER),
        status: 200,
        statusText: '',
        headers: { 'content-type': 'application/json' },
        config,
        request: {},
      });
    };
    const c = new PanelClient({ url: 'https://panel.example.com', apiKey: 'ptlc_testtesttest' }, { adapter });
    clients.push(c);
    const created = await c.createSubuser('1a2b3c4d', '  friend@example.com ', ['control.console', 'control.console']);
    expect(created).toMatchObject({ uuid: 'u-1', twoFactorEnabled: true, permissions: ['websocket.connect', 'control.console'] });
    expect(bodies).toEqual([['POST', '/servers/1a2b3c4d/users', { email: 'friend@example.com', permissions: ['control.console'] }]]);
  });

  it('updates with a POST to users/{uuid} (the panels’ route) and deletes with DELETE', async () => {
    const { c, calls } = clientWith(({ method }) => (method === 'DELETE' ? { status: 204, body: '' } : { body: SUBUSER }));
    await c.updateSubuser('1a2b3c4d', 'u-1', ['file.read']);
    await c.deleteSubuser('1a2b3c4d', 'u-1');
    expect(calls.map((x) => [x.method, x.path])).toEqual([
      ['POST', '/servers/1a2b3c4d/users/u-1'],
      ['DELETE', '/servers/1a2b3c4d/users/u-1'],
    ]);
  });

  it('refuses an empty email or a non-string permission without asking the panel', async () => {
    const { c, calls } = clientWith(() => ({ body: SUBUSER }));
    for (const attempt of [c.createSubuser('1a2b3c4d', '  ', ['control.console']), c.updateSubuser('1a2b3c4d', 'u-1', [1 as unknown as string])]) {
      await expect(attempt).rejects.toMatchObject({ kind: 'validation' });
    }
    await expect(c.deleteSubuser('1a2b3c4d', ' ')).rejects.toBeInstanceOf(PanelError);
    expect(calls).toEqual([]);
  });
});

describe('queryActivity', () => {
  const page = { object: 'list', data: [], meta: { pagination: { total: 0, count: 0, per_page: 25, current_page: 2, total_pages: 1, links: {} } } };

  it('asks for the page, the actor, newest first, and filter[event] only when given', async () => {
    const { c, calls } = clientWith(() => ({ body: page }));
    await c.queryActivity('1a2b3c4d', { page: 2, event: ' power ', perPage: 500 });
    await c.queryActivity('1a2b3c4d');
    expect(calls.map((x) => x.params)).toEqual([
      { page: 2, include: 'actor', sort: '-timestamp', 'filter[event]': 'power', per_page: 100 },
      { page: 1, include: 'actor', sort: '-timestamp' },
    ]);
  });

  it('refuses a page that is not a whole number from 1', async () => {
    const { c, calls } = clientWith(() => ({ body: page }));
    await expect(c.queryActivity('1a2b3c4d', { page: 0 })).rejects.toMatchObject({ kind: 'validation' });
    expect(calls).toEqual([]);
  });
});

describe('permission groups', () => {
  it("groups Pelican's flat list (its fixture) by prefix, in its order", () => {
    const raw: unknown = JSON.parse(readFileSync('test/fixtures/pelican-contract/ClientFixtureTest__test_permissions__1.json', 'utf8'));
    const groups = normalizePermissionGroups(raw);
    expect(groups.map((g) => g.name)).toEqual([
      'websocket',
      'control',
      'file',
      'backup',
      'schedule',
      'user',
      'database',
      'allocation',
      'activity',
      'mount',
      'startup',
      'settings',
    ]);
    expect(groups.flatMap((g) => g.permissions)).toHaveLength(44);
    expect(groups.find((g) => g.name === 'settings')?.permissions.map((p) => p.key)).toEqual([
      'settings.rename',
      'settings.description',
      'settings.reinstall',
      'settings.change-icon',
    ]);
  });

  it("keeps Pterodactyl's descriptions, and drops keys that could pollute a prototype or are not group.key", () => {
    const groups = normalizePermissionGroups({
      object: 'system_permissions',
      attributes: {
        permissions: {
          database: { description: 'Databases.', keys: { read: 'View them.', view_password: 'See passwords.', __proto__: 'x' } },
          'bad.group': { description: 'x', keys: { a: 'b' } },
          notAGroup: 'x',
        },
      },
    });
    expect(groups).toEqual([
      {
        name: 'database',
        description: 'Databases.',
        permissions: [
          { key: 'database.read', description: 'View them.' },
          { key: 'database.view_password', description: 'See passwords.' },
        ],
      },
    ]);
    expect(normalizePermissionGroups({ attributes: { permissions: ['nodot', '.x', 'x.', 'a.b', 'a.b'] } })).toEqual([
      { name: 'a', description: null, permissions: [{ key: 'a.b', description: null }] },
    ]);
    expect(() => normalizePermissionGroups({ attributes: { permissions: 7 } })).toThrow(PanelError);
  });
});
