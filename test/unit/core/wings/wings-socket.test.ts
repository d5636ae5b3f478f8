import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket, { type ClientOptions } from 'ws';
import { PanelError } from '../../../../src/core/api/errors';
import type { WebsocketCredentials } from '../../../../src/core/api/models';
import { WingsSocket, type ConnectionChange, type WingsSocketOptions } from '../../../../src/core/wings';
import { FakeWings } from './helpers/fake-wings';
import { ManualClock } from '../../../helpers/manual-clock';
import { nextEvent, reaches } from './helpers/socket-events';
import { denialRecoveryDelayMs } from '../../../../src/core/wings/denial-recovery';

let wings: FakeWings;
let clock: ManualClock;
let socket: WingsSocket | null;
let tokenCount: number;
let fetchCredentials: ReturnType<typeof vi.fn<() => Promise<WebsocketCredentials>>>;

function makeSocket(overrides: Partial<WingsSocketOptions> = {}): WingsSocket {
  socket = new WingsSocket({
    panelUrl: 'https://panel.example.com:8443/admin/',
    fetchCredentials,
    clock,
    random: () => 0.5,
    backoff: { initialMs: 1_000, maxMs: 8_000 },
    connectTimeoutMs: 5_000,
    ...overrides,
  });
  return socket;
}

async function connected(s: WingsSocket): Promise<void> {
  const done = reaches(s, 'connected');
  s.connect();
  await done;
}

beforeEach(async () => {
  wings = await FakeWings.start();
  clock = new ManualClock(0);
  tokenCount = 0;
  fetchCredentials = vi.fn(async () => ({ token: `jwt-${++tokenCount}`, socket: wings.url }));
  socket = null;
});

afterEach(async () => {
  socket?.dispose();
  await wings.stop();
});

describe('WingsSocket: connecting', () => {
  it('sends the panel origin, authenticates, then asks for logs and stats exactly once', async () => {
    const s = makeSocket();
    const states: string[] = [];
    s.on('connection', (c) => states.push(c.state));
    await connected(s);
    const conn = await wings.connection();
    expect(conn.origin).toBe('https://panel.example.com:8443');
    expect(conn.frames[0]).toEqual({ event: 'auth', args: ['jwt-1'] });
    expect(states).toEqual(['connecting', 'authenticating', 'connected']);
    // A round trip after the fact proves nothing else was sent in between.
    expect(s.sendCommand('list')).toBe(true);
    await conn.frame('send command');
    expect(conn.events).toEqual(['auth', 'send logs', 'send stats', 'send command']);
    expect(conn.frames[3]).toEqual({ event: 'send command', args: ['list'] });
  });

  it('connect() is idempotent', async () => {
    const s = makeSocket();
    s.connect();
    await connected(s);
    expect(fetchCredentials).toHaveBeenCalledTimes(1);
    expect(wings.connections).toHaveLength(1);
  });

  it('refuses commands and power signals while not connected, and sends them once connected', async () => {
    const s = makeSocket();
    expect(s.sendCommand('say hi')).toBe(false);
    expect(s.setState('start')).toBe(false);
    await connected(s);
    expect(s.setState('kill')).toBe(true);
    const conn = await wings.connection();
    expect(await conn.frame('set state')).toEqual({ event: 'set state', args: ['kill'] });
  });

  it('gives up on a socket that never authenticates, and reconnects with back-off', async () => {
    wings.autoAuth = false;
    const s = makeSocket();
    const authenticating = reaches(s, 'authenticating');
    s.connect();
    await authenticating;
    const conn = await wings.connection();
    const reconnecting = reaches(s, 'reconnecting');
    clock.advance(5_000);
    expect((await reconnecting).reason).toBe('connect-timeout');
    await conn.closed;
    expect(clock.pendingDelays()).toEqual([750]);
  });
});

describe('WingsSocket: events', () => {
  it('re-emits Wings events typed, parsing the stats JSON string', async () => {
    const s = makeSocket();
    await connected(s);
    const conn = await wings.connection();
    const status = nextEvent(s, 'status');
    const stats = nextEvent(s, 'stats');
    const line = nextEvent(s, 'console');
    const backup = nextEvent(s, 'backup-completed');
    const daemonError = nextEvent(s, 'daemon-error');
    const throttled = nextEvent(s, 'throttled');
    const installStarted = nextEvent(s, 'install-started');
    conn.sendRaw('not json at all');
    conn.send('feature match', ['eula']);
    conn.send('status', ['running']);
    conn.send('stats', [
      JSON.stringify({
        memory_bytes: 536870912,
        cpu_absolute: 3.5,
        network: { rx_bytes: 1024, tx_bytes: 2048 },
        uptime: 123456,
        state: 'running',
        disk_bytes: 104857600,
      }),
    ]);
    conn.send('console output', ['[12:00:00] Done (3.2s)!']);
    conn.send('backup completed:9b8c7d6e-0000-4000-8000-000000000001', [
      JSON.stringify({ is_successful: true, checksum: 'abc', checksum_type: 'sha1', file_size: 42 }),
    ]);
    conn.send('daemon error', ['another power action is currently being processed']);
    conn.send('throttled', ['send logs']);
    conn.send('install started', ['']);
    expect(await status).toBe('running');
    expect(await stats).toEqual({
      state: 'running',
      isSuspended: false,
      memoryBytes: 536870912,
      cpuAbsolute: 3.5,
      diskBytes: 104857600,
      networkRxBytes: 1024,
      networkTxBytes: 2048,
      uptimeMs: 123456,
      reportedState: 'running',
    });
    expect(await line).toBe('[12:00:00] Done (3.2s)!');
    expect(await backup).toEqual({
      uuid: '9b8c7d6e-0000-4000-8000-000000000001',
      isSuccessful: true,
      checksum: 'abc',
      checksumType: 'sha1',
      fileSizeBytes: 42,
    });
    expect(await daemonError).toMatch(/another power action/);
    expect(await throttled).toBe('send logs');
    await installStarted;
    expect(s.state).toBe('connected');
  });

  it('keeps going when a listener throws', async () => {
    const s = makeSocket();
    await connected(s);
    s.on('console', () => {
      throw new Error('bad listener');
    });
    const second = nextEvent(s, 'console', (l) => l === 'two');
    const conn = await wings.connection();
    conn.send('console output', ['one']);
    conn.send('console output', ['two']);
    expect(await second).toBe('two');
  });
});

describe('WingsSocket: token lifecycle', () => {
  it('refreshes once on token expiring and re-authenticates on the same socket', async () => {
    const s = makeSocket();
    await connected(s);
    const conn = await wings.connection();
    clock.advance(9 * 60_000);
    conn.send('token expiring');
    conn.send('token expiring');
    const reauth = await conn.frame('auth', 2);
    expect(reauth.args).toEqual(['jwt-2']);
    // A round trip: had a second refresh started, its auth would precede this command.
    s.sendCommand('after');
    await conn.frame('send command');
    expect(fetchCredentials).toHaveBeenCalledTimes(2);
    expect(conn.events.filter((e) => e === 'auth')).toHaveLength(2);
    expect(wings.connections).toHaveLength(1);
    expect(clock.pendingCount).toBe(0);
  });

  it('refuses sends after token expired until the new token is accepted', async () => {
    const s = makeSocket();
    await connected(s);
    const conn = await wings.connection();
    clock.advance(10 * 60_000);
    const expired = nextEvent(s, 'console', (l) => l === 'marker');
    conn.send('token expired');
    conn.send('console output', ['marker']);
    await expired;
    expect(s.sendCommand('lost?')).toBe(false);
    await conn.frame('auth', 2);
    const sent = nextEvent(s, 'console', (l) => l === 'after-auth');
    conn.send('console output', ['after-auth']);
    await sent;
    expect(s.sendCommand('now')).toBe(true);
  });

  it.each([
    ['Error Event [1a7ce997-259b-452e-8b4e-cecc464142ca]: jwt: exp claim is invalid', 0],
    // A denial's new token waits for the next whole second (denial-recovery.ts).
    ['jwt: created too far in past (denylist)', denialRecoveryDelayMs(60_000)],
  ])('takes the curable jwt error %s as the token dying: not connected until re-auth, then asks for the state', async (message, waitMs) => {
    const s = makeSocket();
    await connected(s);
    const conn = await wings.connection();
    clock.advance(60_000);
    const dead = reaches(s, 'authenticating');
    conn.send('jwt error', [message]);
    expect(await dead).toMatchObject({ reason: 'token-expired' });
    clock.advance(waitMs);
    expect(s.canDeliver).toBe(false);
    expect(s.sendCommand('lost?')).toBe(false);
    const back = reaches(s, 'connected');
    expect((await conn.frame('auth', 2)).args).toEqual(['jwt-2']);
    expect(await back).toMatchObject({ reason: 'reauth' });
    // A re-auth brings no `status` from Wings: the socket asks for a stats frame, which has the state.
    expect((await conn.frame('send stats', 2)).event).toBe('send stats');
    expect(conn.events.filter((e) => e === 'send logs')).toHaveLength(1);
  });

  it('waits out the minimum interval instead of fetching tokens in a burst', async () => {
    const s = makeSocket({ minRefreshIntervalMs: 10_000 });
    await connected(s);
    const conn = await wings.connection();
    clock.advance(2_000);
    const marker = nextEvent(s, 'console', (l) => l === 'marker');
    conn.send('jwt error', ['jwt: exp claim is invalid']);
    conn.send('console output', ['marker']);
    await marker;
    expect(fetchCredentials).toHaveBeenCalledTimes(1);
    expect(clock.pendingDelays()).toEqual([8_000]);
    clock.advance(8_000);
    expect((await conn.frame('auth', 2)).args).toEqual(['jwt-2']);
  });

  it('backs off when refreshes keep failing', async () => {
    const s = makeSocket();
    await connected(s);
    const conn = await wings.connection();
    fetchCredentials.mockRejectedValue(new PanelError({ kind: 'node-unreachable' }));
    clock.advance(60_000);
    conn.send('token expiring');
    await vi.waitFor(() => expect(clock.pendingDelays()).toEqual([750]));
    clock.advance(750);
    await vi.waitFor(() => expect(clock.pendingDelays()).toEqual([1_500]));
    expect(fetchCredentials).toHaveBeenCalledTimes(3);
  });

  it('treats other jwt errors as fatal: auth-error, socket closed, no reconnect', async () => {
    const s = makeSocket();
    await connected(s);
    const conn = await wings.connection();
    const authError = nextEvent(s, 'auth-error');
    const idle = reaches(s, 'idle');
    conn.send('jwt error', ['jwt: missing connect permission']);
    expect(await authError).toBe('jwt: missing connect permission');
    expect((await idle).reason).toBe('auth-error');
    await conn.closed;
    expect(clock.pendingCount).toBe(0);
    expect(fetchCredentials).toHaveBeenCalledTimes(1);
  });
});

describe('WingsSocket: reconnecting and stopping', () => {
  it('reconnects with growing back-off and fresh credentials (the socket URL may change)', async () => {
    const target = await FakeWings.start();
    try {
      const s = makeSocket();
      await connected(s);
      const first = await wings.connection();
      fetchCredentials.mockImplementation(async () => ({ token: `jwt-${++tokenCount}`, socket: target.url }));
      const reconnecting = reaches(s, 'reconnecting');
      first.ws.close(1011, 'internal error');
      const change = await reconnecting;
      expect(change).toMatchObject({ reason: 'closed', closeCode: 1011, retryInMs: 750 });
      const back = reaches(s, 'connected');
      clock.advance(750);
      await back;
      const moved = await target.connection();
      expect(moved.frames[0]).toEqual({ event: 'auth', args: ['jwt-2'] });
      // Dropped again before the connection was stable: the next wait doubles.
      const again = reaches(s, 'reconnecting');
      moved.ws.terminate();
      expect((await again).retryInMs).toBe(1_500);
    } finally {
      socket?.dispose();
      await target.stop();
    }
  });

  it('resets the back-off after a connection that stayed up', async () => {
    const s = makeSocket({ stableAfterMs: 30_000 });
    await connected(s);
    (await wings.connection()).ws.close(1011);
    await reaches(s, 'reconnecting');
    const up = reaches(s, 'connected');
    clock.advance(750);
    await up;
    clock.advance(30_000);
    const down = reaches(s, 'reconnecting');
    (await wings.connection(2)).ws.close(1011);
    expect((await down).retryInMs).toBe(750);
  });

  it.each<[number, string, ConnectionChange['reason']]>([
    [4409, 'server is suspended', 'suspended'],
    [4400, '', 'refused'],
    [1001, 'server deleted', 'deleted'],
  ])('stops on close code %i', async (code, reason, expected) => {
    const s = makeSocket();
    await connected(s);
    const idle = reaches(s, 'idle');
    (await wings.connection()).ws.close(code, reason);
    expect(await idle).toMatchObject({ reason: expected, closeCode: code });
    expect(clock.pendingCount).toBe(0);
    expect(fetchCredentials).toHaveBeenCalledTimes(1);
  });

  it('reconnects on a 1001 that does not say the server was deleted (a proxy going away)', async () => {
    const s = makeSocket();
    await connected(s);
    const reconnecting = reaches(s, 'reconnecting');
    (await wings.connection()).ws.close(1001, '');
    expect((await reconnecting).closeCode).toBe(1001);
  });

  it('reconnects for fresh credentials when a transfer progresses', async () => {
    const s = makeSocket();
    await connected(s);
    const conn = await wings.connection();
    const status = nextEvent(s, 'transfer-status');
    const reconnecting = reaches(s, 'reconnecting');
    conn.send('transfer status', ['completed']);
    expect(await status).toBe('completed');
    expect((await reconnecting).reason).toBe('transfer');
    await conn.closed;
  });

  it('stops when the panel refuses credentials, retries when it is unreachable', async () => {
    fetchCredentials.mockRejectedValueOnce(new PanelError({ kind: 'node-unreachable', status: 504 }));
    fetchCredentials.mockRejectedValueOnce(new PanelError({ kind: 'forbidden', status: 403 }));
    const s = makeSocket();
    const retry = reaches(s, 'reconnecting');
    s.connect();
    expect((await retry).error?.kind).toBe('node-unreachable');
    const idle = reaches(s, 'idle');
    clock.advance(750);
    const stopped = await idle;
    expect(stopped).toMatchObject({ reason: 'credentials-failed' });
    expect(stopped.error?.kind).toBe('forbidden');
    expect(clock.pendingCount).toBe(0);
    expect(wings.connections).toHaveLength(0);
  });
});

describe('WingsSocket: dispose', () => {
  it('closes the socket, clears timers and listeners, never reconnects', async () => {
    const s = makeSocket();
    await connected(s);
    const conn = await wings.connection();
    const consoleLines: string[] = [];
    s.on('console', (l) => consoleLines.push(l));
    s.dispose();
    expect(s.state).toBe('disposed');
    expect((await conn.closed).code).toBe(1000);
    expect(clock.pendingCount).toBe(0);
    expect(wings.openClients).toBe(0);
    expect(s.sendCommand('x')).toBe(false);
    s.connect();
    expect(s.state).toBe('disposed');
    expect(fetchCredentials).toHaveBeenCalledTimes(1);
    expect(consoleLines).toEqual([]);
  });

  it('ignores credentials that arrive after dispose', async () => {
    let release: (c: WebsocketCredentials) => void = () => {};
    fetchCredentials.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    const s = makeSocket();
    s.connect();
    s.dispose();
    release({ token: 'late', socket: wings.url });
    await new Promise((resolve) => setImmediate(resolve)); // let the resolved fetch's callbacks run
    expect(wings.connections).toHaveLength(0);
    expect(clock.pendingCount).toBe(0);
  });

  it('cancels a pending reconnect', async () => {
    const s = makeSocket();
    await connected(s);
    const reconnecting = reaches(s, 'reconnecting');
    (await wings.connection()).ws.close(1011);
    await reconnecting;
    expect(clock.pendingCount).toBe(1);
    s.dispose();
    expect(clock.pendingCount).toBe(0);
  });
});

describe('WingsSocket: open handles', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('with the real clock, leaves no timer and no TCP handle behind after dispose', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // only to count timers
    const clients: WebSocket[] = [];
    class CapturingWebSocket extends WebSocket {
      constructor(address: string, options: ClientOptions) {
        super(address, options);
        clients.push(this);
      }
    }
    const s = makeSocket({ clock: undefined, WebSocketImpl: CapturingWebSocket, backoff: { initialMs: 60_000 } });
    await connected(s);
    expect(vi.getTimerCount()).toBe(0); // the connect timeout was cleared on auth success
    const reconnecting = reaches(s, 'reconnecting');
    (await wings.connection()).ws.close(1011);
    await reconnecting;
    expect(vi.getTimerCount()).toBe(1); // the pending reconnect
    s.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(clients).toHaveLength(1);
    expect(clients[0]?.readyState).toBe(WebSocket.CLOSED);
    await wings.stop();
    wings = await FakeWings.start(); // for afterEach
    vi.useRealTimers();
    // libuv frees a closed handle a loop turn or two after Node reports it closed; a leak never goes.
    await vi.waitFor(() => {
      const tcp = process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap');
      expect(tcp).toEqual([]);
    });
  });
});
