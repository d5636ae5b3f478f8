/**
 * A socket meets Wings' denylist and its throttling: one recovery token after the next whole
 * second, never a loop; a `throttled` frame slows that event and names the commands it may have
 * dropped; commands waiting their turn are handed back, never lost.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketCredentials } from '../../../../src/core/api/models';
import { WingsSocket } from '../../../../src/core/wings';
import { DENIAL_MARGIN_MS, MAX_DENIAL_RECOVERIES, denialRecoveryDelayMs } from '../../../../src/core/wings/denial-recovery';
import { FakeWings, type FakeConnection } from './helpers/fake-wings';
import { ManualClock } from '../../../helpers/manual-clock';
import { nextEvent, reaches } from './helpers/socket-events';

const DENIED = 'jwt: created too far in past (denylist)';

let wings: FakeWings;
let clock: ManualClock;
let socket: WingsSocket | null;
let fetchTimesMs: number[];
let fetchCredentials: ReturnType<typeof vi.fn<() => Promise<WebsocketCredentials>>>;

beforeEach(async () => {
  wings = await FakeWings.start();
  // Part-way through a second, as a denial usually is.
  clock = new ManualClock(1_000_000_370);
  fetchTimesMs = [];
  fetchCredentials = vi.fn(async () => {
    fetchTimesMs.push(clock.now());
    return { token: `jwt-${fetchTimesMs.length}`, socket: wings.url };
  });
  socket = null;
});

afterEach(async () => {
  socket?.dispose();
  await wings.stop();
});

async function connectedSocket(autoAuth = true): Promise<{ s: WingsSocket; conn: FakeConnection }> {
  wings.autoAuth = autoAuth;
  const s = new WingsSocket({ panelUrl: 'https://panel.example.com', fetchCredentials, clock, random: () => 0.5 });
  socket = s;
  const done = reaches(s, 'connected');
  s.connect();
  const conn = await wings.connection();
  if (!autoAuth) {
    await conn.frame('auth');
    conn.send('auth success');
  }
  await done;
  return { s, conn };
}

/** The connection's own bucket (10, one per 200 ms) also carried auth, send logs and send stats. */
async function sentCommands(conn: FakeConnection, count: number): Promise<void> {
  clock.advance(60_000);
  await conn.frame('send command', count);
}

describe('denialRecoveryDelayMs', () => {
  it.each([
    [1_000_000_000, 1_000 + DENIAL_MARGIN_MS],
    [1_000_000_370, 630 + DENIAL_MARGIN_MS],
    [1_000_000_999, 1 + DENIAL_MARGIN_MS],
  ])('at %i waits %i ms: past the next whole second, plus the margin', (nowMs, expected) => {
    expect(denialRecoveryDelayMs(nowMs)).toBe(expected);
    // Whatever second the panel stamps then, it is after the one the denial happened in.
    expect(Math.floor((nowMs + expected) / 1000)).toBeGreaterThan(Math.floor(nowMs / 1000));
  });
});

describe('WingsSocket: a denial (the panel revoked older tokens)', () => {
  it('recovers with exactly one token, fetched after the next whole second, however many refusals Wings sends', async () => {
    const { s, conn } = await connectedSocket();
    const deniedAtMs = clock.now();
    const dead = reaches(s, 'authenticating');
    // Every push under the old token comes back as a refusal.
    for (let i = 0; i < 5; i++) conn.send('jwt error', [DENIED]);
    await dead;
    const marker = nextEvent(s, 'console', (l) => l === 'marker');
    conn.send('console output', ['marker']);
    await marker;
    expect(fetchCredentials).toHaveBeenCalledTimes(1);
    clock.advance(denialRecoveryDelayMs(deniedAtMs) - 1);
    expect(fetchCredentials).toHaveBeenCalledTimes(1);
    const back = reaches(s, 'connected');
    clock.advance(1);
    expect((await conn.frame('auth', 2)).args).toEqual(['jwt-2']);
    await back;
    expect(Math.floor(fetchTimesMs[1]! / 1000)).toBeGreaterThan(Math.floor(deniedAtMs / 1000));
    clock.advance(10 * 60_000);
    expect(fetchCredentials).toHaveBeenCalledTimes(2);
  });

  it('a refused recovery token is a later denial: one more token each time, with a longer margin, then it gives up', async () => {
    const { s, conn } = await connectedSocket(false);
    conn.send('jwt error', [DENIED]);
    await reaches(s, 'authenticating');
    const delays: number[] = [];
    for (let nth = 2; nth <= 1 + MAX_DENIAL_RECOVERIES; nth++) {
      await vi.waitFor(() => expect(clock.pendingDelays().length).toBeGreaterThan(0));
      const waitMs = Math.max(...clock.pendingDelays().filter((d) => d < 10_000));
      delays.push(waitMs);
      clock.advance(waitMs);
      await vi.waitFor(() => expect(fetchCredentials).toHaveBeenCalledTimes(nth));
      await new Promise((resolve) => setImmediate(resolve));
      // Wings lets `auth` through twice per 5 s: the third waits its turn in the pacer.
      clock.advance(6_000);
      await conn.frame('auth', nth);
      // A refusal raw is about the old token still: ignored; the prefixed one answers our auth.
      conn.send('jwt error', [DENIED]);
      if (nth <= MAX_DENIAL_RECOVERIES) conn.send('jwt error', [`Error Event [${nth}]: ${DENIED}`]);
    }
    expect(delays[1]! - delays[0]!).toBeGreaterThan(0);
    const stopped = reaches(s, 'idle');
    const authError = nextEvent(s, 'auth-error');
    conn.send('jwt error', [`Error Event [last]: ${DENIED}`]);
    expect(await stopped).toMatchObject({ reason: 'denied' });
    expect(await authError).toContain('denylist');
    clock.advance(60 * 60_000);
    expect(fetchCredentials).toHaveBeenCalledTimes(1 + MAX_DENIAL_RECOVERIES);
  });

  it('a denial of the first token on a new socket is recovered from once as well', async () => {
    wings.autoAuth = false;
    const s = new WingsSocket({ panelUrl: 'https://panel.example.com', fetchCredentials, clock, random: () => 0.5 });
    socket = s;
    s.connect();
    const conn = await wings.connection();
    await conn.frame('auth');
    conn.send('jwt error', [`Error Event [1]: ${DENIED}`]);
    await vi.waitFor(() => expect(clock.pendingDelays()).toContain(denialRecoveryDelayMs(clock.now())));
    const back = reaches(s, 'connected');
    clock.advance(denialRecoveryDelayMs(clock.now()));
    await conn.frame('auth', 2);
    conn.send('auth success');
    await back;
    expect(fetchCredentials).toHaveBeenCalledTimes(2);
  });
});

describe('WingsSocket: throttling and commands', () => {
  it('names the commands a throttled frame may have dropped, and holds the next one back', async () => {
    const { s, conn } = await connectedSocket();
    const throttled = nextEvent(s, 'commands-throttled');
    expect(s.sendCommand('say a')).toBe(true);
    expect(s.sendCommand('say b')).toBe(true);
    await conn.frame('send command', 2);
    conn.send('throttled', ['send command']);
    expect(await throttled).toEqual(['say a', 'say b']);
    expect(s.sendCommand('say c')).toBe(true);
    const marker = nextEvent(s, 'console', (l) => l === 'marker');
    conn.send('console output', ['marker']);
    await marker;
    expect(conn.frames.filter((f) => f.event === 'send command')).toHaveLength(2);
    clock.advance(5_000);
    expect((await conn.frame('send command', 3)).args).toEqual(['say c']);
  });

  it('queues commands past Wings’ burst and sends them in order as its bucket refills', async () => {
    const { s, conn } = await connectedSocket();
    const texts = Array.from({ length: 13 }, (_, i) => `say ${i}`);
    for (const text of texts) expect(s.sendCommand(text)).toBe(true);
    // Seven fit in what is left of the connection's burst of ten; the rest wait their turn.
    await conn.frame('send command', 7);
    expect(conn.frames.filter((f) => f.event === 'send command')).toHaveLength(7);
    await sentCommands(conn, 13);
    expect(conn.frames.filter((f) => f.event === 'send command').map((f) => f.args?.[0])).toEqual(texts);
  });

  it('hands back the commands still waiting when the token dies, so they go another way', async () => {
    const { s, conn } = await connectedSocket();
    for (let i = 0; i < 9; i++) s.sendCommand(`c${i}`);
    await conn.frame('send command', 7);
    const refused = nextEvent(s, 'commands-refused');
    conn.send('jwt error', ['jwt: exp claim is invalid']);
    const back = await refused;
    // Seven went moments before the refusal (Wings dropped them unread), two never went.
    expect(back).toEqual(Array.from({ length: 9 }, (_, i) => `c${i}`));
    clock.advance(60_000);
    expect(conn.frames.filter((f) => f.event === 'send command')).toHaveLength(7);
  });

  it('hands back waiting commands when the socket closes', async () => {
    const { s, conn } = await connectedSocket();
    for (let i = 0; i < 8; i++) s.sendCommand(`c${i}`);
    await conn.frame('send command', 7);
    const refused = nextEvent(s, 'commands-refused');
    conn.ws.close(1011);
    expect(await refused).toEqual(['c7']);
  });

  it('a power signal never waits: false (use REST) when Wings’ bucket says wait', async () => {
    const { s, conn } = await connectedSocket();
    // `send stats` of the connect took one of the four shared tokens.
    const results = [s.setState('start'), s.setState('start'), s.setState('start'), s.setState('start')];
    expect(results).toEqual([true, true, true, false]);
    await conn.frame('set state', 3);
    expect(conn.frames.filter((f) => f.event === 'set state')).toHaveLength(3);
  });
});
