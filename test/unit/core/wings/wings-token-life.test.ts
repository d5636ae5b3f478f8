/**
 * A socket whose token dies: Wings rarely says so (its "token expired" goes through the same
 * token check that fails, wings router/websocket/listeners.go), so the socket works it out from
 * the token's claims, treats a `jwt error` while connected as the same news, is not `connected`
 * until a new token is accepted, then asks for the state (a re-auth brings no `status`).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenExpiresAtMs } from '../../../../src/core/wings/token-lifetime';
import { DELIVERY_MARGIN_MS } from '../../../../src/core/wings/token-watch';
import { WingsSocket, type WingsSocketOptions } from '../../../../src/core/wings';
import { FakeWings } from './helpers/fake-wings';
import { ManualClock } from '../../../helpers/manual-clock';
import { denialRecoveryDelayMs } from '../../../../src/core/wings/denial-recovery';
import { nextEvent, reaches } from './helpers/socket-events';

/** A JWT as the panel signs it (NodeJWTService): the signature is not read by the client. */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'HS256' })}.${part(claims)}.c2lnbmF0dXJl`;
}

describe('tokenExpiresAtMs', () => {
  it('reads the lifetime from exp - iat, whatever this machine’s clock says', () => {
    // The panel's clock is an hour ahead of ours: iat and exp are in its time.
    const panelNow = 1_800_000_000;
    expect(tokenExpiresAtMs(jwt({ iat: panelNow, exp: panelNow + 600 }), 5_000)).toBe(5_000 + 600_000);
  });

  it('falls back to exp on this clock without iat', () => {
    expect(tokenExpiresAtMs(jwt({ exp: 2_000 }), 1_500_000)).toBe(2_000_000);
  });

  it.each([
    ['not a JWT', 'jwt-1'],
    ['no exp', jwt({ iat: 10 })],
    ['a lifetime of zero', jwt({ iat: 10, exp: 10 })],
    ['a lifetime of a year', jwt({ iat: 10, exp: 10 + 365 * 86_400 })],
    ['a payload that is not JSON', 'a.bm90IGpzb24.c'],
  ])('knows nothing from %s', (_what, token) => {
    expect(tokenExpiresAtMs(token, 0)).toBeNull();
  });
});

describe('WingsSocket: a token that dies on an open socket', () => {
  let wings: FakeWings;
  let clock: ManualClock;
  let socket: WingsSocket | null = null;
  let issued = 0;
  /** Every token lives `lifetimeS`, on the panel's clock (which need not be ours). */
  let lifetimeS = 60;
  const fetchCredentials = vi.fn(async () => {
    issued += 1;
    const iat = 1_900_000_000 + issued;
    return { token: jwt({ iat, exp: iat + lifetimeS, n: issued }), socket: wings.url };
  });

  function make(overrides: Partial<WingsSocketOptions> = {}): WingsSocket {
    socket = new WingsSocket({ panelUrl: 'https://panel.example.com', fetchCredentials, clock, random: () => 0.5, minRefreshIntervalMs: 1_000, ...overrides });
    return socket;
  }

  async function connected(s: WingsSocket) {
    const up = reaches(s, 'connected');
    s.connect();
    await up;
    return wings.connection();
  }

  beforeEach(async () => {
    wings = await FakeWings.start();
    clock = new ManualClock(0);
    issued = 0;
    lifetimeS = 60;
    fetchCredentials.mockClear();
  });

  afterEach(async () => {
    socket?.dispose();
    await wings.stop();
  });

  it('asks for the next token half-way through a short life, and re-authenticates on the same socket', async () => {
    const s = make();
    const conn = await connected(s);
    clock.advance(29_000);
    expect(fetchCredentials).toHaveBeenCalledTimes(1);
    clock.advance(1_000);
    expect((await conn.frame('auth', 2)).args?.[0]).toContain('.');
    expect(fetchCredentials).toHaveBeenCalledTimes(2);
    expect(s.state).toBe('connected');
  });

  it('is not connected once the token has died, though Wings said nothing, and asks for the state after re-auth', async () => {
    // A refresh that cannot be had (the panel is down): the token dies on the open socket.
    const s = make();
    const conn = await connected(s);
    fetchCredentials.mockRejectedValue(new Error('panel down'));
    expect(s.canDeliver).toBe(true);
    clock.advance(60_000 - DELIVERY_MARGIN_MS);
    // So close to its end a command could be dropped by Wings: it goes by REST instead.
    expect(s.canDeliver).toBe(false);
    expect(s.sendCommand('say late')).toBe(false);
    const dead = reaches(s, 'authenticating');
    clock.advance(DELIVERY_MARGIN_MS);
    expect(await dead).toMatchObject({ reason: 'token-expired' });
    expect(wings.connections).toHaveLength(1);
    // The panel answers again: the next refresh goes out when asked, not after its back-off.
    fetchCredentials.mockImplementation(async () => ({ token: jwt({ iat: 10, exp: 610 }), socket: wings.url }));
    const back = reaches(s, 'connected');
    s.retryNow();
    await conn.frame('auth', 2);
    expect(await back).toMatchObject({ reason: 'reauth' });
    await conn.frame('send stats', 2);
    expect(s.canDeliver).toBe(true);
  });

  it('names the commands a jwt error refused, and takes the socket as no longer live', async () => {
    const s = make();
    const conn = await connected(s);
    clock.advance(5_000);
    expect(s.sendCommand('say one')).toBe(true);
    expect(s.sendCommand('say two')).toBe(true);
    await conn.frame('send command', 2);
    const refused = nextEvent(s, 'commands-refused');
    const dead = reaches(s, 'authenticating');
    conn.send('jwt error', ['jwt: exp claim is invalid']);
    expect(await refused).toEqual(['say one', 'say two']);
    expect((await dead).reason).toBe('token-expired');
  });

  it('does not blame a command older than the refusal window', async () => {
    const s = make();
    const conn = await connected(s);
    clock.advance(5_000);
    s.sendCommand('say old');
    await conn.frame('send command');
    clock.advance(3_000);
    const events: string[][] = [];
    s.on('commands-refused', (c) => events.push(c));
    const dead = reaches(s, 'authenticating');
    conn.send('jwt error', ['jwt: exp claim is invalid']);
    await dead;
    expect(events).toEqual([]);
  });

  it('ignores a jwt error just after a dead token was replaced (written before it), not after a first auth', async () => {
    const s = make();
    const conn = await connected(s);
    // Right after the first auth: there was no older token, so this is news.
    const dead = reaches(s, 'authenticating');
    conn.send('jwt error', ['jwt: created too far in past (denylist)']);
    await dead;
    clock.advance(denialRecoveryDelayMs(clock.now()));
    const back = reaches(s, 'connected');
    await conn.frame('auth', 2);
    await back;
    // Right after replacing the dead token: a refusal under the old one, already answered.
    const marker = nextEvent(s, 'console', (l) => l === 'after');
    conn.send('jwt error', ['jwt: exp claim is invalid']);
    conn.send('console output', ['after']);
    await marker;
    expect(s.state).toBe('connected');
  });
});
