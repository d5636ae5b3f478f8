/**
 * Wings' `isDenylisted` with real time semantics (pelican-dev/wings router/tokens/websocket.go):
 * `iat` in whole seconds, the denial in milliseconds, Wings' boot time; on a fake clock.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startSimPanel } from '../../../src/sim';
import type { SimPanel } from '../../../src/sim';
import { resolveOptions } from '../../../src/sim/options';
import { SimState } from '../../../src/sim/state/sim-state';
import { TokenBook } from '../../../src/sim/wings/tokens';
import { ManualClock } from '../../helpers/manual-clock';
import { WsProbe, getJson } from './sim-test-kit';

const DENIED = 'jwt: created too far in past (denylist)';

function book(clock: ManualClock, wings?: 'pterodactyl-1.11'): { state: SimState; tokens: TokenBook } {
  const state = new SimState(resolveOptions({ servers: 2, clock, wings }));
  return { state, tokens: new TokenBook(state) };
}

describe('TokenBook denylist', () => {
  test('a denial refuses tokens issued in the same second, not those of a later second', () => {
    const clock = new ManualClock(1_700_000_000_200);
    const { state, tokens } = book(clock);
    const [server] = state.servers;
    const early = tokens.websocket(server!);
    clock.advance(500); // 1_700_000_000.700
    tokens.deny(null);
    clock.advance(100); // same second as the denial
    const sameSecond = tokens.websocket(server!);
    expect(tokens.checkWebsocket(early, server!.uuid)).toBe(DENIED);
    expect(tokens.checkWebsocket(sameSecond, server!.uuid)).toBe(DENIED);
    clock.advance(200); // 1_700_000_001.000: iat is after the denial
    const next = tokens.websocket(server!);
    expect(tokens.checkWebsocket(next, server!.uuid)).toMatchObject({ iatS: 1_700_000_001 });
  });

  test('a denial on an exact second: Pelican refuses iat == t, Pterodactyl 1.11 (Before) does not', () => {
    for (const [wings, expected] of [
      [undefined, true],
      ['pterodactyl-1.11', false],
    ] as const) {
      const clock = new ManualClock(1_700_000_000_000);
      const { state, tokens } = book(clock, wings);
      const token = tokens.websocket(state.servers[0]!);
      tokens.deny(null);
      expect(tokens.checkWebsocket(token, state.servers[0]!.uuid) === DENIED).toBe(expected);
    }
  });

  test("a denial for one server leaves the other server's tokens alone", () => {
    const clock = new ManualClock(1_700_000_000_000);
    const { state, tokens } = book(clock);
    const [a, b] = state.servers;
    const tokenA = tokens.websocket(a!);
    const tokenB = tokens.websocket(b!);
    tokens.deny(a!.uuid);
    expect(tokens.checkWebsocket(tokenA, a!.uuid)).toBe(DENIED);
    expect(tokens.checkWebsocket(tokenB, b!.uuid)).toMatchObject({ serverUuid: b!.uuid });
  });

  test('tokens issued before Wings booted are refused', () => {
    const clock = new ManualClock(1_700_000_000_900);
    const { state, tokens: before } = book(clock);
    const old = before.websocket(state.servers[0]!);
    clock.advance(1500); // Wings (a new TokenBook on the same secret) boots in the next second
    const after = new TokenBook(state);
    expect(after.checkWebsocket(old, state.servers[0]!.uuid)).toBe(DENIED);
    expect(after.checkWebsocket(after.websocket(state.servers[0]!), state.servers[0]!.uuid)).toMatchObject({ permissions: ['*'] });
  });
});

describe('expireTokens() over a real socket', () => {
  let sim: SimPanel | null = null;
  afterEach(async () => {
    await sim?.close();
    sim = null;
  });

  test('a token fetched in the same second is refused; one from the next second authenticates', async () => {
    const clock = new ManualClock(1_700_000_000_100);
    sim = await startSimPanel({ servers: 1, clock, version: 'pelican' });
    const id = sim.control.servers()[0]!.identifier;
    const { probe } = await WsProbe.connect(sim, id);
    sim.control.expireTokens(id);
    probe.send('send stats');
    expect((await probe.next('jwt error')).args).toEqual([DENIED]);
    const same = await getJson<{ data: { token: string } }>(sim, `/api/client/servers/${id}/websocket`);
    probe.send('auth', same.body.data.token);
    expect((await probe.next('jwt error', (f) => String(f.args?.[0]).startsWith('Error Event'))).args![0]).toContain(DENIED);
    // Past the second of the denial, and past Wings' auth limit (2 per 5 s) of this socket.
    clock.advance(5000);
    const fresh = await getJson<{ data: { token: string } }>(sim, `/api/client/servers/${id}/websocket`);
    probe.send('auth', fresh.body.data.token);
    await probe.next('auth success');
    probe.send('send stats');
    await probe.next('stats');
    await probe.close();
  });
});
