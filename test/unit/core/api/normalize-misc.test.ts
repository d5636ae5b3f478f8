import { describe, expect, it } from 'vitest';
import {
  normalizeBackup,
  MAX_LIST_ITEMS,
  MAX_STRING_LENGTH,
  normalizeAccount,
  normalizeServer,
  normalizeSignedUrl,
  normalizeWebsocketCredentials,
  parseJson,
  parsePage,
} from '../../../../src/core/api/normalize';
import { expectBadResponse } from './helpers/expect-bad-response';

describe('normalizeAccount', () => {
  it.each([
    [
      'Pterodactyl',
      { object: 'user', attributes: { id: 1, admin: true, username: 'u', email: 'e', first_name: 'F', last_name: 'L', language: 'en' } },
      { id: 1, uuid: null, isAdmin: true, firstName: 'F' },
    ],
    [
      'Pelican',
      { object: 'user', attributes: { uuid: 'uu', username: 'u', email: 'e', language: 'en', root_admin: true, '2fa_enabled': false } },
      { id: null, uuid: 'uu', isAdmin: true, firstName: null },
    ],
    [
      'seed',
      { object: 'user', attributes: { id: 1, admin: false, username: 'u', email: 'e', language: 'en' } },
      { id: 1, uuid: null, isAdmin: false, firstName: null },
    ],
  ])('reads the %s account', (_n, raw, want) => {
    expect(normalizeAccount(raw)).toMatchObject({ username: 'u', email: 'e', ...want });
  });

  it('rejects an account without a username', () => {
    expectBadResponse(() => normalizeAccount({ attributes: { id: 1 } }));
  });
});

describe('websocket credentials and signed URLs', () => {
  it('reads {data:{token, socket}}', () => {
    expect(normalizeWebsocketCredentials({ data: { token: 't', socket: 'wss://n:8080/api/servers/u/ws' } })).toEqual({
      token: 't',
      socket: 'wss://n:8080/api/servers/u/ws',
    });
  });

  it.each([
    ['socket is not ws(s)', { data: { token: 't', socket: 'file:///etc/passwd' } }],
    ['token is missing', { data: { socket: 'wss://n/ws' } }],
    ['data is a string', { data: 'x' }],
  ])('rejects credentials whose %s', (_n, raw) => {
    expectBadResponse(() => normalizeWebsocketCredentials(raw));
  });

  it('accepts an https signed URL and rejects a javascript: one', () => {
    expect(normalizeSignedUrl({ object: 'signed_url', attributes: { url: 'https://n:8080/download/file?token=x' } })).toContain('token=x');
    expectBadResponse(() => normalizeSignedUrl({ attributes: { url: 'javascript:alert(1)' } }));
  });
});

describe('backups from an old panel', () => {
  it('read sha256_hash as the checksum and a completed backup with no is_successful as successful', () => {
    const old = normalizeBackup({
      uuid: 'b1',
      name: 'nightly',
      sha256_hash: 'ab12',
      bytes: 10,
      created_at: '2020-01-01T00:00:00Z',
      completed_at: '2020-01-01T00:01:00Z',
    });
    expect(old).toMatchObject({ checksum: 'sha256:ab12', isSuccessful: true });
    const running = normalizeBackup({ uuid: 'b2', name: 'now', created_at: '2020-01-01T00:00:00Z', completed_at: null });
    expect(running).toMatchObject({ checksum: null, isSuccessful: false });
    // A panel that says is_successful is believed, and a checksum it sends wins over sha256_hash.
    expect(normalizeBackup({ uuid: 'b3', is_successful: false, completed_at: '2020-01-01T00:01:00Z', checksum: 'sha1:ff', sha256_hash: 'ab' })).toMatchObject({
      isSuccessful: false,
      checksum: 'sha1:ff',
    });
  });
});

describe('hostile panels', () => {
  it('drops prototype-polluting keys while parsing', () => {
    const parsed = parseJson('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"identifier":"abc","name":"n"}') as object;
    expect(Object.hasOwn(parsed, '__proto__')).toBe(false);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(normalizeServer(parsed).identifier).toBe('abc');
  });

  it('never reads inherited properties as fields', () => {
    // A field inherited from a prototype is not the panel's data and must not count as a name.
    expectBadResponse(() => normalizeServer(Object.assign(Object.create({ name: 'inherited' }) as object, { identifier: 'x' })));
  });

  it('caps absurd string lengths and list sizes', () => {
    const s = normalizeServer({ identifier: 'a', name: 'n'.repeat(MAX_STRING_LENGTH * 2) });
    expect(s.name).toHaveLength(MAX_STRING_LENGTH);
    const data = Array.from({ length: MAX_LIST_ITEMS + 5 }, (_v, i) => ({ identifier: `s${i}`, name: 'x' }));
    expect(parsePage({ data }, 'server', 1, normalizeServer).items).toHaveLength(MAX_LIST_ITEMS);
  });

  it('caps a lying total_pages', () => {
    const page = parsePage({ data: [], meta: { pagination: { total_pages: 1e9, current_page: 1 } } }, 'server', 1, normalizeServer);
    expect(page.pagination.totalPages).toBe(1000);
  });

  it('turns HTML and broken JSON into bad-response', () => {
    expect(expectBadResponse(() => parseJson('<!DOCTYPE html><html></html>')).message).toMatch(/HTML/);
    expectBadResponse(() => parseJson('{"a":'));
  });
});
