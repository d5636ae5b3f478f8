import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './helpers/harness';
import { makeServers, wingsStats } from './helpers/fake-panel';

const CRASH_LINE = '\u001b[33m[Pterodactyl Daemon]:\u001b[39m ---------- Detected server process in a crashed state! ----------';

let h: Harness | null = null;
afterEach(() => {
  h?.monitor.dispose();
  expect(h?.clock.pendingCount ?? 0).toBe(0);
  h = null;
});

describe('ServerMonitor: following servers live', () => {
  it('lists the servers, follows each over its websocket and shows them live', async () => {
    h = createHarness({ servers: makeServers(3) });
    await h.start();
    expect(h.panel.count('list')).toBe(1);
    expect(h.panel.count('websocket')).toBe(3);
    expect(h.panel.count('resources')).toBe(0);
    expect(h.monitor.servers().map((s) => s.isLive)).toEqual([true, true, true]);
    expect(h.monitor.accounts()[0]).toMatchObject({ id: 'acc', status: 'ok', username: 'alice' });
    expect(h.view('s0000000').sftp).toBeNull(); // fakeServer has no sftp details
  });

  it('takes the power state from websocket `status` events, and is live only once one came', async () => {
    h = createHarness({ servers: makeServers(1), connectStatus: () => null });
    await h.start();
    expect(h.view('s0000000')).toMatchObject({ state: 'unknown', isLive: false, isStateCurrent: false, stateSeenAt: null });
    h.socketOf('s0000000').emit('status', 'running');
    expect(h.view('s0000000')).toMatchObject({ state: 'running', isLive: true, isStateCurrent: true, stateSeenAt: h.clock.now() });
    expect(h.events).toEqual([]); // the first sight is not a change
    h.socketOf('s0000000').emit('status', 'stopping');
    // A stop nobody here asked for: held until the panel says the server was not suspended.
    expect(h.events).toEqual([]);
    await h.clock.advance(1_000);
    expect(h.panel.count('server')).toBe(1);
    expect(h.events).toEqual([expect.objectContaining({ type: 'state', from: 'running', to: 'stopping', isCrash: false })]);
    expect(h.lines.filter((l) => l.kind === 'status').map((l) => l.text)).toEqual(['Server marked as running...', 'Server marked as stopping...']);
  });

  it('reports a crash when a running server goes offline with no stop seen or asked', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    const socket = h.socketOf('s0000000');
    socket.emit('status', 'running');
    await h.clock.advance(10_000);
    socket.emit('status', 'offline');
    // The state change at once; the crash once Wings' reaction had its chance to arrive.
    expect(h.events).toEqual([expect.objectContaining({ type: 'state', to: 'offline', isCrash: true })]);
    await h.clock.advance(3_000);
    expect(h.events.map((e) => e.type)).toEqual(['state', 'crash']);
    expect(h.events[1]).toMatchObject({ type: 'crash', crashId: 1, reaction: 'unknown', isRepeat: false, loop: null });
    expect(h.monitor.flags().crashed.has('acc/s0000000')).toBe(true);
    expect(h.monitor.flags().shouldRun.has('acc/s0000000')).toBe(true);
    h.monitor.acknowledgeCrash(h.ref('s0000000'));
    expect(h.monitor.flags().crashed.size).toBe(0);
    expect(h.monitor.flags().shouldRun.size).toBe(1);
  });

  it('reports one crash from Wings’ console banner, and not again for the offline that follows', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    const socket = h.socketOf('s0000000');
    socket.emit('status', 'running');
    await h.clock.advance(5_000); // past the replay window of the connect
    socket.emit('console', CRASH_LINE);
    socket.emit('status', 'offline');
    await h.clock.advance(3_000);
    expect(h.events.filter((e) => e.type === 'crash')).toHaveLength(1);
    expect(h.events.find((e) => e.type === 'state')).toMatchObject({ isCrash: true });
  });

  it('ignores crash banners in the backlog Wings replays right after connecting', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start(0);
    await h.clock.advance(10);
    h.socketOf('s0000000').emit('console', CRASH_LINE);
    await h.clock.advance(3_000);
    expect(h.events).toEqual([]);
    // Wings sends the state first, then the replayed lines.
    expect(h.monitor.consoleBacklog(h.ref('s0000000'))).toEqual(['Server marked as running...', CRASH_LINE]);
    // Passed on marked as the replay, so the window does not stamp them with the time they came again.
    expect(h.lines.find((l) => l.text === CRASH_LINE)?.isReplay).toBe(true);
    await h.clock.advance(5_000);
    h.socketOf('s0000000').emit('console', 'printed now');
    expect(h.lines.find((l) => l.text === 'printed now')).not.toHaveProperty('isReplay');
  });

  it.each(['stop', 'kill', 'restart'] as const)('is not a crash after a %s asked through the app', async (signal) => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    const socket = h.socketOf('s0000000');
    socket.emit('status', 'running');
    await h.monitor.power(h.ref('s0000000'), signal);
    expect(socket.sent).toEqual([`set state ${signal}`]);
    socket.emit('status', 'offline');
    expect(h.events.filter((e) => e.type === 'crash')).toEqual([]);
    expect(h.panel.count('power')).toBe(0); // went over the socket
  });

  it('is not a crash after a stop noted from elsewhere in the app', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    h.socketOf('s0000000').emit('status', 'running');
    h.monitor.noteUserPower(h.ref('s0000000'), 'stop');
    h.socketOf('s0000000').emit('status', 'offline');
    expect(h.events.filter((e) => e.type === 'crash')).toEqual([]);
  });

  it('sends power and commands over REST when the socket is not connected', async () => {
    h = createHarness({ servers: makeServers(1), behaviour: () => 'hang' });
    await h.start();
    await h.monitor.power(h.ref('s0000000'), 'start');
    await h.monitor.sendCommand(h.ref('s0000000'), 'say hi');
    expect(h.panel.log.filter((r) => r.method === 'power' || r.method === 'command').map((r) => [r.method, r.priority])).toEqual([
      ['power', 'user'],
      ['command', 'user'],
    ]);
    expect(h.lines.at(-1)).toEqual({ server: h.ref('s0000000'), text: 'say hi', kind: 'command' });
  });

  it('keeps a stats history with network rates and passes samples on', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    const socket = h.socketOf('s0000000');
    socket.emit('stats', wingsStats('running', { networkRxBytes: 1000, networkTxBytes: 0, cpuAbsolute: 12 }));
    await h.clock.advance(2_000);
    socket.emit('stats', wingsStats('running', { networkRxBytes: 5000, networkTxBytes: 2000, cpuAbsolute: 14 }));
    await h.clock.advance(500);
    socket.emit('stats', wingsStats('running', { networkRxBytes: 9000 })); // too soon: not kept
    const history = h.monitor.history(h.ref('s0000000'));
    expect(history.map((s) => [s.networkRxBytesPerSec, s.networkTxBytesPerSec, s.cpuPercent])).toEqual([
      [0, 0, 12],
      [2000, 1000, 14],
    ]);
    expect(h.stats).toHaveLength(2);
    expect(h.view('s0000000').resources).toMatchObject({ networkRxBytes: 9000 });
    expect(h.view('s0000000').state).toBe('running');
  });

  it('takes the state every Wings stats frame carries, but not from a frame without one', async () => {
    h = createHarness({ servers: makeServers(1), connectStatus: () => null });
    await h.start();
    const socket = h.socketOf('s0000000');
    socket.emit('stats', wingsStats('offline', {}, null));
    expect(h.view('s0000000')).toMatchObject({ state: 'unknown', isLive: false });
    socket.emit('stats', wingsStats('running'));
    expect(h.view('s0000000')).toMatchObject({ state: 'running', isLive: true });
    await h.clock.advance(5_000);
    // A `send stats` answer after a re-auth says offline: that is the state now.
    socket.emit('stats', wingsStats('offline'));
    expect(h.view('s0000000').state).toBe('offline');
  });

  it('lets a recent `status` win over a stats frame built just before it', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    const socket = h.socketOf('s0000000');
    await h.clock.advance(5_000);
    h.monitor.noteUserPower(h.ref('s0000000'), 'stop');
    socket.emit('status', 'offline');
    socket.emit('stats', wingsStats('running'));
    expect(h.view('s0000000').state).toBe('offline');
    await h.clock.advance(3_000);
    socket.emit('stats', wingsStats('running'));
    expect(h.view('s0000000').state).toBe('running');
  });

  it('reports console lines and connection changes, and clears the backlog on each connect', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    const socket = h.socketOf('s0000000');
    await h.clock.advance(5_000);
    socket.emit('console', 'hello');
    socket.emit('daemon-error', 'oops');
    expect(h.lines.map((l) => [l.text, l.kind])).toEqual([
      ['Server marked as running...', 'status'],
      ['hello', 'output'],
      ['oops', 'daemon-error'],
    ]);
    expect(h.monitor.consoleConnection(h.ref('s0000000'))).toBe('connected');
    socket.transition({ state: 'reconnecting', reason: 'closed', retryInMs: 1000 });
    expect(h.monitor.consoleConnection(h.ref('s0000000'))).toBe('reconnecting');
    expect(h.view('s0000000').isLive).toBe(false);
    socket.transition({ state: 'connected', reason: 'auth-success' });
    expect(h.monitor.consoleBacklog(h.ref('s0000000'))).toEqual([]);
    // Connected, but not live until Wings has told the state on the new socket.
    expect(h.view('s0000000').isLive).toBe(false);
    socket.emit('status', 'running');
    expect(h.view('s0000000').isLive).toBe(true);
    expect(h.connections.map((c) => c.connection)).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
  });

  it('raises a usage alert once when CPU stays high, again only after recovering (hysteresis)', async () => {
    h = createHarness({
      servers: makeServers(1, { limits: { memoryMib: 1024, swapMib: 0, diskMib: 0, io: null, cpuPercent: 100, threads: null, oomDisabled: null } }),
    });
    h.settings.rules.global.usage = { cpuPercent: 90, memoryPercent: 90, sustainedMs: 10_000 };
    await h.start();
    const socket = h.socketOf('s0000000');
    const push = async (cpu: number, forMs: number): Promise<void> => {
      for (let t = 0; t < forMs; t += 2_000) {
        socket.emit('stats', wingsStats('running', { cpuAbsolute: cpu }));
        await h?.clock.advance(2_000);
      }
    };
    await push(95, 30_000);
    await push(85, 30_000); // dead band: still alerting, no new alert
    await push(95, 30_000);
    expect(h.events.filter((e) => e.type === 'usage')).toHaveLength(1);
    await push(50, 30_000); // recovered
    await push(95, 30_000);
    expect(h.events.filter((e) => e.type === 'usage')).toHaveLength(2);
    expect(h.events.find((e) => e.type === 'usage')).toMatchObject({ metric: 'cpu', server: { identifier: 's0000000' } });
    // ── incidents (issue 14) ── the recovery is told once, between the two alerts (for the timeline).
    expect(h.events.filter((e) => e.type === 'usage' || e.type === 'usage-cleared').map((e) => e.type)).toEqual(['usage', 'usage-cleared', 'usage']);
  });

  it('never alerts on CPU for a server without a CPU limit', async () => {
    h = createHarness({
      servers: makeServers(1, { limits: { memoryMib: 0, swapMib: 0, diskMib: 0, io: null, cpuPercent: 0, threads: null, oomDisabled: null } }),
    });
    h.settings.rules.global.usage = { cpuPercent: 90, memoryPercent: 90, sustainedMs: 10_000 };
    await h.start();
    for (let t = 0; t < 60_000; t += 2_000) {
      h.socketOf('s0000000').emit('stats', wingsStats('running', { cpuAbsolute: 400, memoryBytes: 8e9 }));
      await h.clock.advance(2_000);
    }
    expect(h.events.filter((e) => e.type === 'usage')).toEqual([]);
  });
});
