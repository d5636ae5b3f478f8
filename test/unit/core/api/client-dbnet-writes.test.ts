/**
 * PanelClient's Databases and Network writes (issue 13): the routes and bodies they send, the
 * names and remotes refused before sending as the panel would refuse them, and a password asked
 * for on its own (never in a plain list).
 */
import type { AxiosAdapter, InternalAxiosRequestConfig } from 'axios';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelClient } from '../../../../src/core/api/client';
import type { PanelError } from '../../../../src/core/api/errors';

interface Sent {
  method: string;
  path: string;
  params: Record<string, unknown>;
  body: unknown;
}

const clients: PanelClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

function clientWith(answer: (sent: Sent) => { status?: number; body?: unknown }): { c: PanelClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const adapter: AxiosAdapter = (config: InternalAxiosRequestConfig) => {
    const raw = typeof config.data === 'string' && config.data !== '' ? (JSON.parse(config.data) as unknown) : undefined;
    const call = {
      method: (config.method ?? 'get').toUpperCase(),
      path: config.url ?? '',
      params: (config.params ?? {}) as Record<string, unknown>,
      body: raw,
    };
    sent.push(call);
    const a = answer(call);
    const data = a.body === undefined ? '' : JSON.stringify(a.body);
    return Promise.resolve({ data, status: a.status ?? 200, statusText: '', headers: { 'content-type': 'application/json' }, config, request: {} });
  };
  const c = new PanelClient({ url: 'https://panel.example.com', apiKey: 'ptlc_testtesttest' }, { adapter, scheduler: { maxRetries: 0 } });
  clients.push(c);
  return { c, sent };
}

const database = (id: string | number, password: string | null) => ({
  object: 'server_database',
  attributes: {
    id,
    host: { address: '10.0.0.20', port: 3306 },
    name: 's3_shop',
    username: 'u3_abc',
    connections_from: '%',
    max_connections: 0,
    relationships: { password: password === null ? { object: 'null_resource', attributes: null } : { object: 'database_password', attributes: { password } } },
  },
});
const allocation = { object: 'allocation', attributes: { id: 9, ip: '10.0.0.5', ip_alias: null, port: 25570, notes: 'rcon', is_default: false } };

async function failure(p: Promise<unknown>): Promise<PanelError> {
  return p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as PanelError,
  );
}

describe('database writes', () => {
  it('creates with {database, remote}, rotates and deletes on the panel routes', async () => {
    const { c, sent } = clientWith(({ method }) => (method === 'DELETE' ? { status: 204 } : { body: database('x7Ka', 'pw1') }));
    await expect(c.createDatabase('1a2b3c4d', { database: 'shop', remote: '%' })).resolves.toMatchObject({ id: 'x7Ka', name: 's3_shop', password: 'pw1' });
    await c.rotateDatabasePassword('1a2b3c4d', 'x7Ka');
    await c.deleteDatabase('1a2b3c4d', '12');
    expect(sent.map((s) => [s.method, s.path, s.body])).toEqual([
      ['POST', '/servers/1a2b3c4d/databases', { database: 'shop', remote: '%' }],
      ['POST', '/servers/1a2b3c4d/databases/x7Ka/rotate-password', undefined],
      ['DELETE', '/servers/1a2b3c4d/databases/12', undefined],
    ]);
  });

  it.each([
    ['ab', '%', 'The database field must be at least 3 characters.'],
    ['a'.repeat(49), '%', 'The database field must not be greater than 48 characters.'],
    ['my db', '%', 'The database field must only contain letters, numbers, dashes, and underscores.'],
    ['shop', '10.0.0.1; DROP', 'The remote field format is invalid.'],
    ['shop', '', 'The remote field is required.'],
  ])('refuses %j from %j before sending, in the panel’s words', async (name, remote, words) => {
    const { c, sent } = clientWith(() => ({ body: database('x', null) }));
    const error = await failure(c.createDatabase('1a2b3c4d', { database: name, remote }));
    expect(error).toMatchObject({ kind: 'validation', message: words });
    expect(sent).toEqual([]);
  });

  it('takes what Laravel’s alpha_dash takes: unicode letters, digits, _ and -', async () => {
    const { c, sent } = clientWith(() => ({ body: database('x', null) }));
    await c.createDatabase('1a2b3c4d', { database: 'données_2-b', remote: '192.168.1.%' });
    expect(sent).toHaveLength(1);
  });

  it('fetches one password only when asked, from include=password, and says forbidden when the panel hides it', async () => {
    const { c, sent } = clientWith(() => ({ body: { object: 'list', data: [database('a1', 'secret-a'), database(7, null)] } }));
    await expect(c.getDatabasePassword('1a2b3c4d', 'a1')).resolves.toBe('secret-a');
    expect(sent.at(-1)?.params).toEqual({ include: 'password' });
    expect(await failure(c.getDatabasePassword('1a2b3c4d', '7'))).toMatchObject({ kind: 'forbidden' });
    expect(await failure(c.getDatabasePassword('1a2b3c4d', 'gone'))).toMatchObject({ kind: 'not-found' });
  });

  it('refuses an id that could leave its path segment', async () => {
    const { c, sent } = clientWith(() => ({ status: 204 }));
    expect(await failure(c.deleteDatabase('1a2b3c4d', '../files'))).toMatchObject({ kind: 'validation' });
    expect(sent).toEqual([]);
  });
});

describe('allocation writes', () => {
  it('creates with an empty body, sets notes (null clears), makes primary and deletes', async () => {
    const { c, sent } = clientWith(({ method }) => (method === 'DELETE' ? { status: 204 } : { body: allocation }));
    await expect(c.createAllocation('1a2b3c4d')).resolves.toMatchObject({ id: 9, port: 25570, notes: 'rcon', isDefault: false });
    await c.setAllocationNotes('1a2b3c4d', 9, 'rcon');
    await c.setAllocationNotes('1a2b3c4d', 9, '');
    await c.setPrimaryAllocation('1a2b3c4d', 9);
    await c.deleteAllocation('1a2b3c4d', 9);
    expect(sent.map((s) => [s.method, s.path, s.body])).toEqual([
      ['POST', '/servers/1a2b3c4d/network/allocations', {}],
      ['POST', '/servers/1a2b3c4d/network/allocations/9', { notes: 'rcon' }],
      ['POST', '/servers/1a2b3c4d/network/allocations/9', { notes: null }],
      ['POST', '/servers/1a2b3c4d/network/allocations/9/primary', undefined],
      ['DELETE', '/servers/1a2b3c4d/network/allocations/9', undefined],
    ]);
  });

  it('refuses notes over 256 characters and a non-integer id before sending', async () => {
    const { c, sent } = clientWith(() => ({ body: allocation }));
    expect(await failure(c.setAllocationNotes('1a2b3c4d', 9, 'n'.repeat(257)))).toMatchObject({
      kind: 'validation',
      message: 'The notes field must not be greater than 256 characters.',
    });
    expect(await failure(c.deleteAllocation('1a2b3c4d', 1.5))).toMatchObject({ kind: 'validation' });
    expect(sent).toEqual([]);
  });

  it('keeps the panel’s words for a 400 (the limit reached)', async () => {
    const detail = 'Cannot assign additional allocations to this server: limit has been reached.';
    const { c } = clientWith(() => ({ status: 400, body: { errors: [{ code: 'DisplayException', status: '400', detail }] } }));
    const error = await failure(c.createAllocation('1a2b3c4d'));
    expect(error.detail).toBe(detail);
  });
});
