/**
 * Per-server route limits (route-limits.ts) through a PanelClient on a fake adapter and a manual
 * clock: a route's own 429 or headers hold only that server and route, never the panel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PanelClient } from '../../../../src/core/api/client';
import type { PanelError } from '../../../../src/core/api/errors';
import { describePanelError } from '../../../../src/core/api/describe-error';
import { matchRouteLimit } from '../../../../src/core/api/route-limits';
import { AsyncClock } from '../../../helpers/manual-clock';
import { fakeAdapter, type AdapterAnswer, type AdapterCall } from './helpers/fake-adapter';

const UUID_A = 'aaaa1111-2222-3333-4444-555566667777';
const TOKEN = { data: { token: 'jwt', socket: 'wss://node/api/servers/x/ws' } };
const BACKUP = {
  object: 'backup',
  attributes: { uuid: 'b1', name: 'n', ignored_files: [], is_successful: false, is_locked: false, completed_at: null, created_at: '2024-01-01T00:00:00Z' },
};
const GLOBAL = { 'x-ratelimit-limit': '256', 'x-ratelimit-remaining': '250' };
const THROTTLED = JSON.stringify({ errors: [{ code: 'ThrottleRequestsException', status: '429', detail: 'Too Many Attempts.' }] });

type Answerer = (call: AdapterCall) => AdapterAnswer | undefined;

let clock: AsyncClock;
let client: PanelClient;
let calls: AdapterCall[];

/** A client whose panel answers with `special` where it says, else a plain success with the global pair. */
function setUp(special: Answerer = () => undefined, scheduler = {}): void {
  clock = new AsyncClock();
  const fake = fakeAdapter((call) => {
    const given = special(call);
    if (given) return given;
    if (call.path.endsWith('/websocket')) return { body: TOKEN, headers: { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4' } };
    if (call.path.endsWith('/backups')) return { body: BACKUP, headers: GLOBAL };
    if (call.path.endsWith('/account')) return { body: { object: 'user', attributes: { id: 1, admin: false, username: 'u', email: 'e' } }, headers: GLOBAL };
    return { status: 204, headers: GLOBAL };
  });
  calls = fake.calls;
  client = new PanelClient({ url: 'https://panel.test', apiKey: 'ptlc_test' }, { adapter: fake.adapter, clock, scheduler: { random: () => 0, ...scheduler } });
}

function sentTo(suffix: string): number {
  return calls.filter((c) => c.path.endsWith(suffix)).length;
}

async function caught(p: Promise<unknown>): Promise<PanelError> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e as PanelError,
  );
}

describe('route limit table', () => {
  it('finds the limited routes by method and path, and only those', () => {
    expect(matchRouteLimit('GET', '/servers/abcd1234/websocket')?.spec.id).toBe('websocket');
    expect(matchRouteLimit('POST', '/servers/abcd1234/backups')?.spec.id).toBe('backup-create');
    expect(matchRouteLimit('POST', '/servers/abcd1234/backups/b1/restore')?.spec.id).toBe('backup-restore');
    expect(matchRouteLimit('POST', '/servers/abcd1234/files/pull')?.spec.id).toBe('file-pull');
    expect(matchRouteLimit('GET', '/servers/abcd1234/backups')).toBeNull();
    expect(matchRouteLimit('POST', '/servers/abcd1234/backups/b1/lock')).toBeNull();
    expect(matchRouteLimit('GET', '/servers/abcd1234/resources')).toBeNull();
    // Named by uuid or by identifier, one server is one count.
    expect(matchRouteLimit('GET', `/servers/${UUID_A}/websocket`)?.server).toBe('aaaa1111');
  });
});

describe('per-server route limits', () => {
  afterEach(() => {
    client.dispose();
    expect(clock.pendingCount).toBe(0);
  });

  it('a websocket 429 on server A holds neither server B nor the panel, and keeps the global limit', async () => {
    setUp((call) =>
      call.path === '/servers/aaaa1111/websocket'
        ? { status: 429, body: THROTTLED, headers: { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'retry-after': '40' } }
        : undefined,
    );
    await client.getAccount();
    const a = caught(client.getWebsocketCredentials('aaaa1111'));
    await clock.advance(0);
    await expect(client.getWebsocketCredentials('bbbb2222')).resolves.toMatchObject({ token: 'jwt' });
    await expect(client.getResources('aaaa1111').catch(() => 'answered')).resolves.toBe('answered');
    expect(client.rateLimit()).toMatchObject({ limitPerMinute: 256, remaining: 250, blockedUntilMs: null });
    // A's own GET is retried under the current rule, once its route is free again (40 s).
    expect(client.routeLimitWaitMs('aaaa1111', 'websocket')).toBe(40_000);
    expect(client.routeLimitWaitMs('bbbb2222', 'websocket')).toBe(0);
    // Meanwhile a second token for A fails at once, without a request.
    const again = await caught(client.getWebsocketCredentials(UUID_A));
    expect(again).toMatchObject({ kind: 'rate-limited', rateLimitScope: 'server', retryAfterMs: 40_000 });
    expect(again.message).toBe('The panel allows 5 console connections a minute on this server; try again in 40 s.');
    expect(sentTo('aaaa1111/websocket')).toBe(1);
    await clock.advance(40_000);
    expect(sentTo('aaaa1111/websocket')).toBe(2);
    await clock.advance(40_000);
    expect(sentTo('aaaa1111/websocket')).toBe(3);
    const err = await a;
    expect(err).toMatchObject({ kind: 'rate-limited', status: 429, rateLimitScope: 'server' });
    expect(describePanelError(err).advice).toContain('Only this action on this server waits');
  });

  it('a global 429 on a limited route still holds every caller of the panel', async () => {
    let isFirst = true;
    setUp((call) => {
      if (!call.path.endsWith('/websocket') || !isFirst) return undefined;
      isFirst = false;
      return { status: 429, body: THROTTLED, headers: { 'x-ratelimit-limit': '256', 'x-ratelimit-remaining': '0', 'retry-after': '10' } };
    });
    await client.getAccount();
    const a = client.getWebsocketCredentials('aaaa1111');
    await clock.advance(0);
    const b = client.getResources('bbbb2222').catch(() => 'answered');
    expect(client.rateLimit()).toMatchObject({ limitPerMinute: 256, remaining: 0, blockedUntilMs: clock.now() + 10_000 });
    await clock.advance(9_999);
    expect(calls.map((c) => c.path)).toEqual(['/account', '/servers/aaaa1111/websocket']);
    await clock.advance(1);
    await expect(a).resolves.toMatchObject({ token: 'jwt' });
    await expect(b).resolves.toBe('answered');
  });

  it('the route pair on a success changes neither the global limit nor its remaining, even at 0', async () => {
    setUp((call) => (call.path.endsWith('/websocket') ? { body: TOKEN, headers: { 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0' } } : undefined));
    await client.getWebsocketCredentials('aaaa1111');
    expect(client.rateLimit()).toMatchObject({ limitPerMinute: null, remaining: null, blockedUntilMs: null });
    await client.getAccount();
    await client.getWebsocketCredentials('bbbb2222');
    expect(client.rateLimit()).toMatchObject({ limitPerMinute: 256, remaining: 250, blockedUntilMs: null });
    // The panel said server A's count is used up (other users count too): A waits, B goes on.
    await expect(caught(client.getWebsocketCredentials('aaaa1111'))).resolves.toMatchObject({ kind: 'rate-limited' });
    await expect(client.getResources('aaaa1111').catch(() => 'answered')).resolves.toBe('answered');
  });

  it('never sends the sixth websocket token in a minute; the window frees on time', async () => {
    setUp();
    const first = Array.from({ length: 6 }, () =>
      client.getWebsocketCredentials('aaaa1111').then(
        () => 'ok',
        (e: PanelError) => e.message,
      ),
    );
    const results = await Promise.all(first);
    expect(results.filter((r) => r === 'ok')).toHaveLength(5);
    expect(results).toContain('The panel allows 5 console connections a minute on this server; try again in 1 min.');
    expect(sentTo('/websocket')).toBe(5);
    await clock.advance(59_999);
    expect(client.routeLimitWaitMs('aaaa1111', 'websocket')).toBe(1);
    await expect(caught(client.getWebsocketCredentials('aaaa1111'))).resolves.toMatchObject({ retryAfterMs: 1 });
    await clock.advance(1);
    expect(client.routeLimitWaitMs(UUID_A, 'websocket')).toBe(0);
    await expect(client.getWebsocketCredentials('aaaa1111')).resolves.toMatchObject({ token: 'jwt' });
    expect(sentTo('/websocket')).toBe(6);
  });

  it('the third backup in ten minutes gets the clear message without a request; another server goes on', async () => {
    setUp();
    await client.createBackup('aaaa1111');
    await clock.advance(3 * 60_000);
    await client.createBackup('aaaa1111');
    const third = await caught(client.createBackup('aaaa1111'));
    expect(third).toMatchObject({ kind: 'rate-limited', retryAfterMs: 7 * 60_000 });
    expect(third.status).toBeUndefined();
    expect(third.message).toBe('The panel allows 2 backups per 10 minutes on this server; try again in 7 min.');
    expect(sentTo('aaaa1111/backups')).toBe(2);
    await expect(client.createBackup('bbbb2222')).resolves.toMatchObject({ uuid: 'b1' });
    await clock.advance(7 * 60_000 - 1);
    await expect(caught(client.createBackup('aaaa1111'))).resolves.toMatchObject({ retryAfterMs: 1 });
    await clock.advance(1);
    await expect(client.createBackup('aaaa1111')).resolves.toMatchObject({ uuid: 'b1' });
    expect(sentTo('aaaa1111/backups')).toBe(3);
  });

  it('the panel’s own backup 429 holds that server’s backups only, until its Retry-After', async () => {
    const body = JSON.stringify({
      errors: [{ code: 'TooManyRequestsHttpException', status: '429', detail: 'Only 2 backups may be generated within a 600 second span of time.' }],
    });
    setUp((call) => (call.path === '/servers/aaaa1111/backups' ? { status: 429, body, headers: { ...GLOBAL, 'retry-after': '420' } } : undefined));
    const err = await caught(client.createBackup('aaaa1111'));
    expect(err.message).toBe('The panel allows 2 backups per 10 minutes on this server; try again in 7 min.');
    expect(err).toMatchObject({ status: 429, retryAfterMs: 420_000 });
    expect(client.rateLimit()).toMatchObject({ limitPerMinute: 256, remaining: 250, blockedUntilMs: null });
    await expect(caught(client.createBackup('aaaa1111'))).resolves.toMatchObject({ kind: 'rate-limited' });
    expect(sentTo('aaaa1111/backups')).toBe(1);
    await expect(client.createBackup('bbbb2222')).resolves.toMatchObject({ uuid: 'b1' });
  });

  it('believes a route limit the panel’s admin changed (X-RateLimit-Limit 3 on websocket)', async () => {
    setUp((call) => (call.path.endsWith('/websocket') ? { body: TOKEN, headers: { 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': '2' } } : undefined));
    await client.getAccount();
    for (let i = 0; i < 3; i += 1) await client.getWebsocketCredentials('aaaa1111');
    const err = await caught(client.getWebsocketCredentials('aaaa1111'));
    expect(err.message).toBe('The panel allows 3 console connections a minute on this server; try again in 1 min.');
    expect(sentTo('/websocket')).toBe(3);
    expect(client.rateLimit().limitPerMinute).toBe(256);
  });

  it('on Pterodactyl 1.11 (global pair on websocket, file pull 10 per 5 min per user) counts as that panel does', async () => {
    setUp((call) => {
      if (call.path.endsWith('/websocket')) return { body: TOKEN, headers: { 'x-ratelimit-limit': '720', 'x-ratelimit-remaining': '700' } };
      if (call.path.endsWith('/files/pull')) return { status: 204, headers: { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '9' } };
      return { status: 204, headers: { 'x-ratelimit-limit': '720', 'x-ratelimit-remaining': '710' } };
    });
    for (let i = 0; i < 7; i += 1) await client.getWebsocketCredentials('aaaa1111');
    expect(sentTo('/websocket')).toBe(7); // no websocket limit of its own there
    expect(client.rateLimit().limitPerMinute).toBe(720);
    const pull = { url: 'https://example.com/a.jar', directory: '/' };
    for (let i = 0; i < 5; i += 1) await client.pullFile('aaaa1111', pull);
    for (let i = 0; i < 5; i += 1) await client.pullFile('bbbb2222', pull);
    const err = await caught(client.pullFile('cccc3333', pull));
    expect(err.message).toBe('The panel allows 10 downloads from a URL per 5 minutes for your account; try again in 5 min.');
    expect(err.rateLimitScope).toBe('account');
    expect(sentTo('/files/pull')).toBe(10);
  });
});
