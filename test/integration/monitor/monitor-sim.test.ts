import { afterEach, describe, expect, it } from 'vitest';
/**
 * A real ServerMonitor against the simulated panel, once per panel release the sim imitates
 * (SIM_VERSION narrows it to one): starts, crashes, suspensions, a revoked key, a 429 and the
 * steady-state cost (on compressed time), each against that release's limits, close codes and shapes.
 */
import { CRASH_SETTLE_MS } from '../../../src/core/monitor/crash-notices';
import { RIG_ACCOUNT, startCompressedRig, type CompressedRig } from '../../faults/helpers/compressed-rig';
import { simVersions } from '../../helpers/sim-versions';
import { ACCOUNT_ID, startRig, type MonitorRig } from './helpers';

/** Steady state: every server followed live for two minutes, then measured for half an hour. */
const STEADY_AFTER_MS = 2 * 60_000;
const STEADY_WINDOW_MS = 30 * 60_000;

let rig: MonitorRig | null = null;
let compressed: CompressedRig | null = null;
afterEach(async () => {
  await rig?.close();
  await compressed?.close();
  rig = null;
  compressed = null;
});

const ref = (identifier: string) => ({ accountId: ACCOUNT_ID, identifier });

async function allLive(r: MonitorRig): Promise<void> {
  await r.until('every server live and the username known', () => {
    const servers = r.monitor.servers();
    const isSettled = r.monitor.accounts()[0]?.username !== null;
    return isSettled && servers.length > 0 && servers.every((s) => s.isLive && s.state !== 'unknown');
  });
}

describe.each(simVersions())('ServerMonitor against the simulated panel (%s)', (version) => {
  it('sees a start (REST power or the panel) within 2 s for a followed server', async () => {
    rig = await startRig({ version, servers: 6 });
    await allLive(rig);
    const [, offline] = rig.sim.control.servers(); // server 1 starts offline
    if (!offline) throw new Error('no server');
    expect(rig.view(offline.identifier)?.state).toBe('offline');
    rig.sim.control.setState(offline.identifier, 'running');
    const seenMs = await rig.until('running', () => rig?.view(offline.identifier)?.state === 'running', 2_000);
    expect(seenMs).toBeLessThan(2_000);
    await rig.monitor.power(ref(offline.identifier), 'stop');
    await rig.until('offline again', () => rig?.view(offline.identifier)?.state === 'offline', 2_000);
    const startedAt = Date.now();
    await rig.monitor.power(ref(offline.identifier), 'start');
    await rig.until('running after start', () => rig?.view(offline.identifier)?.state === 'running', 2_000);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    // Power went over the websocket, as the panel's UI sends it: no REST /power at all.
    expect(rig.sim.control.requestCount(/\/power$/)).toBe(0);
    expect(rig.events.filter((e) => e.type === 'crash')).toEqual([]);
  });

  // On compressed time: a crash is told on Wings' reaction, or CRASH_SETTLE_MS after it began
  // when none comes; a duplicate may wait on that timer, after every event of the socket. A
  // minute on, every timer the crash set has run.
  it('a crash gives exactly one crash event', async () => {
    compressed = await startCompressedRig({ sim: { version, servers: 3 } });
    const r = compressed;
    const running = r.sim?.control.servers().find((s) => s.state === 'running');
    if (!running) throw new Error('no running server');
    // Several signals of one crash arrive: the offline state, Wings' console banner, its restart.
    r.sim?.control.crash(running.identifier);
    await r.clock.advanceUntil('crash', () => r.events.some((e) => e.type === 'crash'), 2_000, 100);
    await r.clock.advanceUntil('running again', () => r.view(running.identifier)?.state === 'running', 10_000, 100);
    await r.clock.advance(CRASH_SETTLE_MS + 60_000);
    expect(r.events.filter((e) => e.type === 'crash')).toEqual([
      expect.objectContaining({ server: expect.objectContaining({ identifier: running.identifier }) }),
    ]);
    expect(r.monitor.flags().crashed.has(`${RIG_ACCOUNT}/${running.identifier}`)).toBe(true);
  });

  it('shows a suspended server as suspended, before and after the monitor starts', async () => {
    rig = await startRig({ version, servers: 3 });
    await allLive(rig);
    const [first, second] = rig.sim.control.servers();
    if (!first || !second) throw new Error('no servers');
    rig.sim.control.suspend(first.identifier);
    await rig.until('suspended', () => rig?.view(first.identifier)?.availability === 'suspended', 5_000);
    expect(rig.monitor.watchModeOf(ref(first.identifier))).toBe('polled');
    expect(rig.view(second.identifier)?.availability).toBe('ok');
    expect(rig.monitor.accounts()[0]?.status).toBe('ok');
  });

  it('a revoked key gives key-revoked once', async () => {
    rig = await startRig({ version, servers: 3 });
    await allLive(rig);
    rig.sim.control.revokeKey();
    await rig.monitor.refresh();
    expect(rig.monitor.accounts()[0]?.status).toBe('key-revoked');
    await rig.monitor.refresh();
    await rig.monitor.refresh();
    expect(rig.events.filter((e) => e.type === 'key-revoked')).toHaveLength(1);
    expect(rig.monitor.servers().some((s) => s.isLive)).toBe(false);
  });

  it('after a 429, no request reaches the panel inside the Retry-After window', async () => {
    rig = await startRig({ version, servers: 8 });
    rig.sim.control.injectFault({ route: '/websocket', count: 1, fault: { type: 'status', status: 429, headers: { 'Retry-After': '2' } } });
    await allLive(rig);
    const log = rig.sim.control.requestLog().filter((r) => r.port === 'panel');
    const throttled = log.find((r) => r.status === 429);
    if (!throttled) throw new Error('the fault was not hit');
    const inWindow = log.filter((r) => r.timeMs > throttled.timeMs && r.timeMs < throttled.timeMs + 2_000);
    expect(inWindow).toEqual([]);
    expect(rig.monitor.accounts()[0]?.status).toBe('ok');
  });

  // On compressed time (the fault suite's clock, which the sim shares): half an hour of steady
  // state takes a few seconds, and holds every cost the monitor has there (list refreshes, the
  // panel heartbeat, each socket's token renewals), which a few seconds of real time would not.
  it('costs under 0.2 REST requests per server per minute in steady state', async () => {
    compressed = await startCompressedRig({ sim: { version, servers: 30 } });
    const r = compressed;
    await r.clock.advance(STEADY_AFTER_MS);
    const since = r.clock.now();
    await r.clock.advance(STEADY_WINDOW_MS);
    const log = r.sim?.control.requestLog() ?? [];
    const panelRequests = log.filter((req) => req.port === 'panel' && req.timeMs >= since).length;
    // Not an empty window: each socket renews its token (ten minutes long) in it, twice at least.
    expect(panelRequests).toBeGreaterThanOrEqual(2 * 30);
    const perServerPerMinute = panelRequests / 30 / (STEADY_WINDOW_MS / 60_000);
    expect(perServerPerMinute).toBeLessThan(0.2);
    expect(r.monitor.servers().every((s) => s.isLive)).toBe(true);
  });
});
