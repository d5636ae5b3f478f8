import { afterEach, describe, expect, it } from 'vitest';
import { budgetPerMinute } from '../../../../src/core/monitor';
import { createHarness, type Harness } from './helpers/harness';
import { errors, makeServers, resources } from './helpers/fake-panel';

let h: Harness | null = null;
afterEach(() => {
  h?.monitor.dispose();
  expect(h?.clock.pendingCount ?? 0).toBe(0);
  h = null;
});

/** Servers the key may not open a websocket for: they can only be polled. */
function forbidAllSockets(harness: Harness): void {
  harness.panel.failures.set('websocket', errors.forbidden);
}

describe('ServerMonitor: the request budget', () => {
  it('connects 200 sockets at start-up within the user’s half of the panel’s window, then keeps to the budget', async () => {
    h = createHarness({ servers: makeServers(200) });
    await h.start(0);
    // Start-up: every state unknown, so the monitor may use the half of 720 the user leaves it.
    await h.clock.advanceBy(5_000, 1_000);
    expect(h.panel.count('websocket')).toBe(200);
    expect(h.monitor.servers().every((s) => s.isLive)).toBe(true);
    expect(h.panel.busiestWindow).toBeLessThanOrEqual(360);
    // Then the configured share: token refreshes spread, never more than the budget in a minute.
    const since = h.clock.now();
    await h.clock.advanceBy(1_200_000, 5_000);
    const budget = budgetPerMinute(720, 0.25); // 180 a minute
    const later = h.panel.log.filter((r) => r.atMs >= since + 60_000).map((r) => r.atMs);
    let most = 0;
    for (let i = 0, j = 0; i < later.length; i++) {
      while ((later[i] ?? 0) - (later[j] ?? 0) >= 60_000) j++;
      most = Math.max(most, i - j + 1);
    }
    expect(most).toBeLessThanOrEqual(budget);
    expect(h.monitor.servers().every((s) => s.isLive)).toBe(true);
  });

  it('at start-up never leaves the user less than half the limit, counting their browser’s use', async () => {
    h = createHarness({ servers: makeServers(500) });
    h.panel.limitPerMinute = 256;
    h.panel.browserHits(100); // the browser tab already used 100 of this window
    await h.start(0);
    await h.clock.advanceBy(300_000, 1_000);
    expect(h.panel.busiestWindow).toBeLessThanOrEqual(128 + 1);
    expect(h.monitor.servers().every((s) => s.isLive)).toBe(true);
  });

  it('spends nothing on sockets that were dropped while they waited for the budget', async () => {
    h = createHarness({ servers: makeServers(100) });
    await h.start(0);
    await h.clock.advance(1_000);
    h.panel.servers = h.panel.servers.slice(0, 10);
    const refreshedAt = h.clock.now();
    await h.monitor.refresh();
    await h.clock.advanceBy(60_000, 1_000);
    const kept = new Set(h.panel.servers.map((s) => s.identifier));
    const wasted = h.panel.log.filter((r) => r.method === 'websocket' && r.atMs >= refreshedAt && !kept.has(r.identifier ?? ''));
    expect(wasted).toEqual([]);
    expect(h.monitor.servers().every((s) => s.isLive)).toBe(true);
  });

  it('assumes the lowest limit (256) until the panel’s headers tell', async () => {
    h = createHarness({ servers: makeServers(100) });
    h.panel.limitPerMinute = null;
    await h.start(0);
    await h.clock.advanceBy(60_000, 1_000);
    expect(h.panel.maxInWindow(60_000)).toBeLessThanOrEqual(budgetPerMinute(null, 0.25));
    expect(budgetPerMinute(null, 0.25)).toBe(64);
  });

  it('polls servers that cannot be followed, each no faster than pollIntervalS', async () => {
    h = createHarness({ servers: makeServers(4) });
    forbidAllSockets(h);
    await h.start();
    const since = h.clock.now();
    await h.clock.advanceBy(300_000, 1_000);
    const perServer = h.panel.log.filter((r) => r.method === 'resources' && r.atMs >= since && r.identifier === 's0000000');
    const gaps = perServer.slice(1).map((r, i) => r.atMs - (perServer[i]?.atMs ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(30_000);
    expect(perServer.length).toBeGreaterThanOrEqual(9);
    expect(h.monitor.watchModeOf(h.ref('s0000000'))).toBe('polled');
    expect(h.panel.log.filter((r) => r.method === 'resources').every((r) => r.priority === 'background')).toBe(true);
  });

  it('spreads the polls of many servers so a panel never sees more than its budget in a minute', async () => {
    h = createHarness({ servers: makeServers(300), settings: { budgetShare: 0.1, pollIntervalS: 20 } });
    h.panel.limitPerMinute = 256;
    forbidAllSockets(h);
    await h.start(0);
    // Start-up: each server's first state within the user's half of every window...
    await h.clock.advanceBy(300_000, 2_000);
    expect(h.monitor.servers().every((s) => s.state !== 'unknown')).toBe(true);
    expect(h.panel.busiestWindow).toBeLessThanOrEqual(128);
    // ...then the configured share.
    const since = h.clock.now();
    await h.clock.advanceBy(600_000, 2_000);
    const budget = budgetPerMinute(256, 0.1); // 25.6 a minute
    const steady = h.panel.log.filter((r) => r.atMs >= since + 60_000);
    const times = steady.map((r) => r.atMs);
    let most = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while ((times[i] ?? 0) - (times[j] ?? 0) >= 60_000) j++;
      most = Math.max(most, i - j + 1);
    }
    expect(most).toBeLessThanOrEqual(Math.floor(budget));
    // ...and the steady spacing is even: no two polls closer than 60 s / the polls' share.
    const polls = steady.filter((r) => r.method === 'resources').map((r) => r.atMs);
    const minGap = Math.min(...polls.slice(1).map((t, i) => t - (polls[i] ?? 0)));
    expect(minGap).toBeGreaterThanOrEqual(2_000);
  });

  it('costs well under 0.2 requests per server per minute in steady state when servers are followed', async () => {
    h = createHarness({ servers: makeServers(100) });
    await h.start(0);
    await h.clock.advanceBy(120_000, 2_000);
    const since = h.clock.now();
    await h.clock.advanceBy(600_000, 5_000);
    const perServerPerMinute = h.panel.count(undefined, since) / 100 / 10;
    expect(perServerPerMinute).toBeLessThan(0.2);
  });

  it('holds every background request while the panel says to wait (429), and piles up nothing', async () => {
    h = createHarness({ servers: makeServers(5) });
    forbidAllSockets(h);
    await h.start();
    await h.clock.advance(60_000);
    const blockedAt = h.clock.now();
    h.panel.blockedUntilMs = blockedAt + 30_000;
    await h.clock.advanceBy(29_000, 1_000);
    expect(h.panel.count(undefined, blockedAt)).toBe(0);
    expect(h.monitor.accounts()[0]?.status).toBe('rate-limited');
    await h.clock.advanceBy(10_000, 1_000);
    const after = h.panel.log.filter((r) => r.atMs >= blockedAt);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThanOrEqual(5); // one poll per server at most, not a backlog
    expect(Math.min(...after.map((r) => r.atMs))).toBeGreaterThanOrEqual(blockedAt + 30_000);
    expect(h.monitor.accounts()[0]?.status).toBe('ok');
  });

  it('reads settings each time: a lower poll interval applies without a restart', async () => {
    h = createHarness({ servers: makeServers(1), settings: { pollIntervalS: 120 } });
    forbidAllSockets(h);
    await h.start();
    await h.clock.advanceBy(240_000, 1_000);
    const slow = h.panel.count('resources');
    h.settings.pollIntervalS = 20;
    const since = h.clock.now();
    await h.clock.advanceBy(240_000, 1_000);
    expect(slow).toBeLessThanOrEqual(3);
    expect(h.panel.count('resources', since)).toBeGreaterThanOrEqual(10);
  });

  it('polls 409 servers much more slowly and shows why they are unavailable', async () => {
    h = createHarness({ servers: [...makeServers(1), ...makeServers(2, { status: 'installing' }).slice(1)] });
    h.panel.failures.set('resources:s0000001', errors.conflict('installing'));
    h.panel.failures.set('websocket:s0000001', errors.conflict('installing'));
    await h.start();
    await h.clock.advanceBy(600_000, 2_000);
    expect(h.view('s0000001').availability).toBe('installing');
    expect(h.view('s0000000').availability).toBe('ok');
    expect(h.panel.log.filter((r) => r.identifier === 's0000001' && r.method === 'resources').length).toBeLessThanOrEqual(6);
    h.panel.failures.clear();
    h.panel.servers = makeServers(2);
    h.panel.states.set('s0000001', resources('offline'));
    await h.clock.advanceBy(240_000, 2_000);
    expect(h.view('s0000001').availability).toBe('ok');
    expect(h.monitor.watchModeOf(h.ref('s0000001'))).toBe('followed');
  });
});
