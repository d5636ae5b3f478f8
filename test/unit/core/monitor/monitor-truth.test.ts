/**
 * The monitor never shows a state it has not seen as if it were live: a socket whose token died
 * is not live, is polled, and re-syncs on re-auth; "Refresh now" refreshes every server; a panel
 * that stops answering is shown so, and states not seen live are marked not current; a
 * suspension is checked with the panel before anything is announced; each crash is told once,
 * worded by what Wings did.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NOT_LIVE_POLL_AFTER_MS } from '../../../../src/core/monitor/server-registry';
import { CRASH_SETTLE_MS } from '../../../../src/core/monitor/crash-notices';
import { CHECK_DELAY_MS } from '../../../../src/core/monitor/suspension-check';
import { PanelError } from '../../../../src/core/api/errors';
import { createHarness, type Harness } from './helpers/harness';
import { makeServers, resources, wingsStats } from './helpers/fake-panel';

const BANNER = '[Pterodactyl Daemon]: ---------- Detected server process in a crashed state! ----------';
const ABORT = '[Pterodactyl Daemon]: Aborting automatic restart, last crash occurred less than 60 seconds ago.';
const S0 = 's0000000';

let h: Harness | null = null;
afterEach(() => {
  h?.monitor.dispose();
  expect(h?.clock.pendingCount ?? 0).toBe(0);
  h = null;
});

async function started(servers = 1): Promise<Harness> {
  h = createHarness({ servers: makeServers(servers) });
  await h.start();
  await h.clock.advance(5_000); // past the replay window of the connects
  return h;
}

const tokenDies = (harness: Harness, id = S0) => harness.socketOf(id).transition({ state: 'authenticating', reason: 'token-expired' });

describe('a socket whose token died', () => {
  it('is not live, its state is polled once it has not been for a while, and the poll is the truth', async () => {
    const x = await started();
    tokenDies(x);
    expect(x.view(S0)).toMatchObject({ isLive: false, state: 'running', isStateCurrent: true });
    x.panel.states.set(S0, resources('offline'));
    await x.clock.advance(NOT_LIVE_POLL_AFTER_MS - 1_000);
    expect(x.panel.count('resources')).toBe(0);
    await x.clock.advance(1_000);
    expect(x.panel.count('resources')).toBe(1);
    expect(x.view(S0)).toMatchObject({ isLive: false, state: 'offline', isStateCurrent: true });
    // A stop in the gap is not a crash: the first state after it is a new baseline.
    await x.clock.advance(CRASH_SETTLE_MS);
    expect(x.events.map((e) => e.type)).toEqual(['state']);
    expect(x.events[0]).toMatchObject({ to: 'offline', isCrash: false });
  });

  it('keeps the new baseline through a network resync: a stop in the gap is still no crash', async () => {
    const x = await started();
    tokenDies(x);
    x.monitor.resync('network');
    await x.clock.advance(3_000);
    x.panel.states.set(S0, resources('offline'));
    const socket = x.socketOf(S0);
    socket.transition({ state: 'connected', reason: 'reauth' });
    socket.emit('stats', wingsStats('offline'));
    await x.clock.advance(CRASH_SETTLE_MS);
    expect(x.events.filter((e) => e.type === 'crash')).toEqual([]);
    expect(x.view(S0).state).toBe('offline');
  });

  it('re-syncs on re-auth from the stats frame it asks for, and is live again only then', async () => {
    const x = await started();
    tokenDies(x);
    const socket = x.socketOf(S0);
    socket.transition({ state: 'connected', reason: 'reauth' });
    expect(x.view(S0).isLive).toBe(false);
    socket.emit('stats', wingsStats('offline'));
    expect(x.view(S0)).toMatchObject({ isLive: true, state: 'offline', isStateCurrent: true });
    // The console window keeps its lines: a re-auth replays nothing.
    expect(x.connections.map((c) => c.connection)).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
  });

  it('is polled at once by "Refresh now", and asked to fetch its token now', async () => {
    const x = await started(2);
    tokenDies(x);
    const refreshing = x.monitor.refresh();
    await x.clock.advance(1_000);
    await refreshing;
    expect(x.socketOf(S0).retryCount).toBe(1);
    expect(x.panel.log.filter((r) => r.method === 'resources').map((r) => r.identifier)).toEqual([S0]);
    // The live one answered a stats request instead (free).
    expect(x.socketOf('s0000001').sent).toEqual(['send stats']);
  });
});

describe('a panel that stops answering', () => {
  it('is unreachable within 30 s even with every server live, and shows states not seen live as not current', async () => {
    const x = await started(2);
    const boom = () => new PanelError({ kind: 'bad-response', status: 500, message: 'The panel answered 500 without a usable error body.' });
    for (const method of ['list', 'account', 'resources', 'websocket', 'server']) x.panel.failures.set(method, boom);
    tokenDies(x, 's0000001');
    await x.clock.advanceBy(30_000, 1_000);
    expect(x.monitor.accounts()[0]?.status).toBe('unreachable');
    expect(x.view(S0)).toMatchObject({ isLive: true, isStateCurrent: true });
    expect(x.view('s0000001')).toMatchObject({ isLive: false, isStateCurrent: false, state: 'running' });
    // Back: within a few seconds the panel is checked, found, and dead tokens are fetched now.
    x.panel.failures.clear();
    const retries = x.socketOf('s0000001').retryCount;
    await x.clock.advanceBy(7_000, 1_000);
    expect(x.monitor.accounts()[0]?.status).toBe('ok');
    expect(x.socketOf('s0000001').retryCount).toBeGreaterThan(retries);
  });

  it('asks the panel with a token refresh that fails whatever it answers, and checks the list', async () => {
    const x = await started(1);
    x.panel.failures.set('websocket', () => new PanelError({ kind: 'validation', status: 418 }));
    x.panel.failures.set('list', () => new PanelError({ kind: 'not-found', status: 404, detail: 'Not Found' }));
    const listsBefore = x.panel.count('list');
    const socket = x.socketOf(S0);
    socket.drop();
    socket.retryNow();
    await x.clock.advanceBy(10_000, 500);
    expect(x.panel.count('websocket')).toBeGreaterThan(1);
    expect(x.panel.count('list')).toBeGreaterThan(listsBefore);
    expect(x.monitor.accounts()[0]?.status).toBe('unreachable');
  });
});

describe('a panel that comes back', () => {
  it('follows again at once a server given up on while it was away, not a minute later', async () => {
    const x = await started(1);
    const down = () => new PanelError({ kind: 'network', message: 'connect ECONNREFUSED 127.0.0.1' });
    for (const method of ['list', 'account', 'resources', 'websocket', 'server']) x.panel.failures.set(method, down);
    // Wings went with the panel: the socket drops and its token requests fail until it gives up.
    const socket = x.socketOf(S0);
    socket.drop();
    socket.retryNow();
    await x.clock.advanceBy(30_000, 1_000);
    expect(x.monitor.accounts()[0]?.status).toBe('unreachable');
    // Given up: the follow ended, and would be tried again only after its minute of back-off.
    expect(socket.isDisposed).toBe(true);
    expect(x.view(S0)).toMatchObject({ isLive: false, isStateCurrent: false });
    const tokensBefore = x.panel.count('websocket');
    x.panel.failures.clear();
    await x.clock.advanceBy(10_000, 1_000);
    expect(x.monitor.accounts()[0]?.status).toBe('ok');
    expect(x.panel.count('websocket')).toBeGreaterThan(tokensBefore);
    expect(x.view(S0)).toMatchObject({ isLive: true, isStateCurrent: true });
  });
});

describe('a polled server', () => {
  it('is current while its polls see it, and not current once they stop seeing it for two rounds', async () => {
    h = createHarness({ servers: makeServers(1) });
    h.panel.failures.set(
      'websocket',
      () => new PanelError({ kind: 'forbidden', status: 403, code: 'AccessDeniedHttpException', detail: 'This action is unauthorized.' }),
    );
    h.panel.states.set(S0, resources('running'));
    await h.start();
    await h.clock.advance(2_000);
    expect(h.view(S0)).toMatchObject({ isLive: false, state: 'running', isStateCurrent: true });
    // The node stops answering for this server: its state is no longer seen.
    h.panel.failures.set('resources', () => new PanelError({ kind: 'node-unreachable', status: 504 }));
    const seenAt = h.view(S0).stateSeenAt;
    await h.clock.advanceBy(60_000, 5_000);
    expect(h.view(S0).isStateCurrent).toBe(true);
    const changes = h.changes.length;
    await h.clock.advanceBy(60_000, 5_000);
    expect(h.view(S0)).toMatchObject({ isStateCurrent: false, stateSeenAt: seenAt, state: 'running' });
    expect(h.changes.length).toBeGreaterThan(changes);
  });
});

describe('a stop nobody here asked for', () => {
  it('is held until the panel says whether it was a suspension; suspended: one notice, no "went down"', async () => {
    const x = await started(1);
    const socket = x.socketOf(S0);
    socket.emit('status', 'stopping');
    x.panel.servers = x.panel.servers.map((s) => ({ ...s, isSuspended: true, status: 'suspended' }));
    socket.emit('status', 'offline');
    expect(x.events).toEqual([]);
    await x.clock.advance(CHECK_DELAY_MS);
    expect(x.panel.count('server')).toBe(1);
    expect(x.events.map((e) => e.type)).toEqual(['suspended']);
    expect(x.view(S0).availability).toBe('suspended');
    expect(x.monitor.watchModeOf(x.ref(S0))).toBe('polled');
  });

  it('releases what it held, in order, when the panel says it was not suspended', async () => {
    const x = await started(1);
    const socket = x.socketOf(S0);
    socket.emit('status', 'stopping');
    socket.emit('status', 'offline');
    await x.clock.advance(CHECK_DELAY_MS);
    expect(x.events.map((e) => (e.type === 'state' ? `${e.from}→${e.to}` : e.type))).toEqual(['running→stopping', 'stopping→offline']);
  });

  it('is not held when this app asked for it', async () => {
    const x = await started(1);
    await x.monitor.power(x.ref(S0), 'stop');
    x.socketOf(S0).emit('status', 'stopping');
    expect(x.events).toHaveLength(1);
    expect(x.panel.count('server')).toBe(0);
  });
});

describe('a socket dropped without a close frame (1006)', () => {
  it('is checked with GET /servers/{id}, one or two of them', async () => {
    const x = await started(2);
    x.socketOf(S0).drop();
    await x.clock.advance(CHECK_DELAY_MS);
    expect(x.panel.log.filter((r) => r.method === 'server').map((r) => r.identifier)).toEqual([S0]);
  });

  it('is checked with one list refresh when a node drops many at once', async () => {
    const x = await started(5);
    const lists = x.panel.count('list');
    for (const s of x.sockets) s.drop();
    await x.clock.advance(CHECK_DELAY_MS);
    expect(x.panel.count('server')).toBe(0);
    expect(x.panel.count('list')).toBe(lists + 1);
  });
});

describe('crashes', () => {
  it('tells each of two crashes within a minute once, the second as "crashed again, not restarted"', async () => {
    const x = await started(1);
    const socket = x.socketOf(S0);
    socket.emit('status', 'offline');
    socket.emit('console', BANNER);
    socket.emit('status', 'starting');
    socket.emit('status', 'running');
    await x.clock.advance(10_000);
    socket.emit('status', 'offline');
    socket.emit('console', BANNER);
    socket.emit('console', ABORT);
    await x.clock.advance(CRASH_SETTLE_MS);
    const crashes = x.events.filter((e) => e.type === 'crash');
    expect(crashes).toEqual([
      expect.objectContaining({ crashId: 1, reaction: 'restarting', isRepeat: false }),
      expect.objectContaining({ crashId: 2, reaction: 'not-restarted', isRepeat: true }),
    ]);
  });
});

describe('commands Wings refused unread', () => {
  it('go by REST instead, and the console says so', async () => {
    const x = await started(1);
    x.socketOf(S0).emit('commands-refused', ['say hi']);
    await x.clock.advance(0);
    expect(x.panel.count('command')).toBe(1);
    expect(x.lines.at(-1)).toMatchObject({ kind: 'daemon-message', text: expect.stringContaining('sent through the panel instead') });
  });

  it('are reported as not delivered when REST refuses them too', async () => {
    const x = await started(1);
    x.panel.failures.set('command', () => new PanelError({ kind: 'server-offline', status: 502, message: 'Server must be online in order to send commands.' }));
    x.socketOf(S0).emit('commands-refused', ['say hi']);
    await x.clock.advance(0);
    expect(x.lines.at(-1)).toMatchObject({ kind: 'daemon-error', text: expect.stringContaining('did not reach the server') });
    expect(x.lines.some((l) => l.kind === 'command' && l.text === 'say hi')).toBe(false);
  });
});
