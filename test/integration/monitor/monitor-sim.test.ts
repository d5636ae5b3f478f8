import { afterEach, describe, expect, it } from 'vitest';
/**
 * A real ServerMonitor against the simulated panel, once per panel release the sim imitates
 * (SIM_VERSION narrows it to one): starts, crashes, suspensions, a revoked key, a 429 and the
 * steady-state cost, each against that release's limits, close codes and shapes.
 */
import { simVersions } from '../../helpers/sim-versions';
import { ACCOUNT_ID, startRig, type MonitorRig } from './helpers';

let rig: MonitorRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
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

  it('a crash gives exactly one crash event', async () => {
    rig = await startRig({ version, servers: 3 });
    await allLive(rig);
    const running = rig.sim.control.servers().find((s) => s.state === 'running');
    if (!running) throw new Error('no running server');
    // Two signals of one crash arrive: Wings' console banner and the offline state.
    rig.sim.control.crash(running.identifier);
    await rig.until('crash', () => rig?.events.some((e) => e.type === 'crash') ?? false, 2_000);
    // Later events on the same socket arrive after everything the crash caused.
    rig.sim.control.setState(running.identifier, 'running');
    await rig.until('running again', () => rig?.view(running.identifier)?.state === 'running', 2_000);
    expect(rig.events.filter((e) => e.type === 'crash')).toEqual([expect.objectContaining({ server: expect.objectContaining({ identifier: running.identifier }) })]);
    expect(rig.monitor.flags().crashed.has(`${ACCOUNT_ID}/${running.identifier}`)).toBe(true);
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

  it('costs under 0.2 REST requests per server per minute in steady state', async () => {
    rig = await startRig({ version, servers: 30 });
    await allLive(rig);
    rig.sim.control.resetCounts();
    const windowMs = 8_000;
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const panelRequests = rig.sim.control.requestLog().filter((r) => r.port === 'panel').length;
    const perServerPerMinute = panelRequests / 30 / (windowMs / 60_000);
    expect(perServerPerMinute).toBeLessThan(0.2);
    expect(rig.monitor.servers().every((s) => s.isLive)).toBe(true);
  });
});
