import { afterEach, describe, expect, it } from 'vitest';
import { PanelError } from '../../../../src/core/api/errors';
import { NODE_UNREACHABLE_NOTICE_MS } from '../../../../src/core/monitor';
import { createHarness, type Harness } from './helpers/harness';
import { errors, makeServers, resources, wingsStats } from './helpers/fake-panel';

let h: Harness | null = null;
afterEach(() => {
  h?.monitor.dispose();
  expect(h?.clock.pendingCount ?? 0).toBe(0);
  h = null;
});

const status = (harness: Harness) => harness.monitor.accounts()[0]?.status;

describe('ServerMonitor: the real world', () => {
  it('tells a revoked key once, stops all work for that account, and recovers when a key works again', async () => {
    h = createHarness({ servers: makeServers(3), listRefreshMs: 60_000 });
    await h.start();
    h.panel.failures.set('list', errors.auth);
    h.panel.failures.set('websocket', errors.auth);
    h.panel.failures.set('resources', errors.auth);
    await h.monitor.refresh();
    expect(status(h)).toBe('key-revoked');
    expect(h.monitor.accounts()[0]?.statusMessage).toMatch(/key/i);
    expect(h.sockets.every((s) => s.isDisposed)).toBe(true);
    const revokedAt = h.clock.now();
    await h.clock.advanceBy(600_000, 5_000);
    expect(h.events.filter((e) => e.type === 'key-revoked')).toHaveLength(1);
    // Only the slow re-check of the list, with a fresh client each time (the key may be replaced).
    expect(h.panel.log.filter((r) => r.atMs > revokedAt).every((r) => r.method === 'list')).toBe(true);
    expect(h.panel.count('list', revokedAt + 1)).toBeLessThanOrEqual(11);
    expect(h.panel.clientsCreated).toBeGreaterThan(5);
    h.panel.failures.clear();
    await h.clock.advanceBy(61_000, 1_000);
    expect(status(h)).toBe('ok');
    expect(h.events.filter((e) => e.type === 'account-recovered')).toHaveLength(1);
    expect(h.monitor.servers().every((s) => s.isLive)).toBe(true);
  });

  it('gives a refused client back through releaseClient (a shared client is not disposed), then asks for a new one', async () => {
    const released: unknown[] = [];
    h = createHarness({ servers: makeServers(2), listRefreshMs: 60_000, releaseClient: (_account, client) => released.push(client) });
    await h.start();
    expect(h.panel.clientsCreated).toBe(1);
    h.panel.failures.set('list', errors.auth);
    await h.monitor.refresh();
    expect(status(h)).toBe('key-revoked');
    await h.clock.advanceBy(120_000, 5_000);
    // Each re-check gives the refused client back and builds a new one; none is disposed by the monitor.
    expect(released.length).toBeGreaterThanOrEqual(1);
    expect(h.panel.clientsCreated).toBe(released.length + 1);
    expect(h.panel.clientsDisposed).toBe(0);
    h.panel.failures.clear();
    await h.clock.advanceBy(61_000, 1_000);
    expect(status(h)).toBe('ok');
    h.monitor.dispose();
    expect(released).toHaveLength(h.panel.clientsCreated);
  });

  it('a 401 on a poll is also the account’s, told once', async () => {
    h = createHarness({ servers: makeServers(3) });
    h.panel.failures.set('websocket', errors.forbidden);
    await h.start();
    h.panel.failures.set('resources', errors.auth);
    h.panel.failures.set('list', errors.auth);
    await h.clock.advanceBy(120_000, 1_000);
    expect(status(h)).toBe('key-revoked');
    expect(h.events.filter((e) => e.type === 'key-revoked')).toHaveLength(1);
  });

  it('shows a required second factor as such, with no key-revoked notice', async () => {
    h = createHarness({ servers: makeServers(1) });
    h.panel.failures.set('list', () => new PanelError({ kind: 'two-factor-required', status: 400, code: 'TwoFactorAuthRequiredException' }));
    await h.start();
    expect(status(h)).toBe('two-factor-required');
    expect(h.events).toEqual([]);
  });

  it('shows a key that cannot be read as keychain-locked, and retries on unlock', async () => {
    h = createHarness({ servers: makeServers(1) });
    h.panel.createClientFailure = () => new Error('keychain locked');
    await h.start();
    expect(status(h)).toBe('keychain-locked');
    h.panel.createClientFailure = null;
    h.monitor.resync('unlock');
    await h.clock.advance(5_000);
    expect(status(h)).toBe('ok');
  });

  it('backs off while the panel is down and recovers by itself', async () => {
    h = createHarness({ servers: makeServers(5) });
    await h.start();
    h.panel.failures.set('list', errors.network);
    h.panel.failures.set('websocket', errors.network);
    h.panel.failures.set('resources', errors.network);
    for (const socket of h.sockets) socket.drop();
    const downAt = h.clock.now();
    await h.clock.advanceBy(600_000, 1_000);
    expect(status(h)).toBe('unreachable');
    const lists = h.panel.log.filter((r) => r.method === 'list' && r.atMs > downAt).map((r) => r.atMs);
    const gaps = lists.slice(1).map((t, i) => t - (lists[i] ?? 0));
    expect(gaps.length).toBeGreaterThan(2);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1] ?? 0);
    // Nothing but the back-off's checks reaches a panel that is down.
    expect(h.panel.count(undefined, downAt + 30_000)).toBe(h.panel.count('list', downAt + 30_000));
    h.panel.failures.clear();
    await h.clock.advanceBy(330_000, 5_000);
    expect(status(h)).toBe('ok');
    expect(h.monitor.servers().every((s) => s.isLive)).toBe(true);
  });

  it('shows 409 states as availability, not errors', async () => {
    h = createHarness({ servers: [...makeServers(1, { isSuspended: true, status: 'suspended' }), ...makeServers(2).slice(1)] });
    h.panel.failures.set('resources:s0000000', errors.conflict('suspended'));
    await h.start();
    expect(h.view('s0000000').availability).toBe('suspended');
    expect(h.view('s0000001').availability).toBe('ok');
    expect(h.monitor.watchModeOf(h.ref('s0000000'))).toBe('polled');
    expect(h.panel.log.some((r) => r.method === 'websocket' && r.identifier === 's0000000')).toBe(false);
    expect(status(h)).toBe('ok');
  });

  it('treats a websocket closed with 4409 (suspended) as suspended and polls instead', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    h.panel.failures.set('resources', errors.conflict('suspended'));
    h.socketOf('s0000000').transition({ state: 'idle', reason: 'suspended', closeCode: 4409 });
    await h.clock.advance(10);
    expect(h.view('s0000000').availability).toBe('suspended');
    expect(h.monitor.watchModeOf(h.ref('s0000000'))).toBe('polled');
  });

  it('stops following a server whose socket Wings closed with 4400, polls it, and does not come back soon', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    const socket = h.socketOf('s0000000');
    socket.transition({ state: 'idle', reason: 'refused', closeCode: 4400 });
    await h.clock.advance(10);
    expect(socket.isDisposed).toBe(true);
    expect(h.monitor.watchModeOf(h.ref('s0000000'))).toBe('polled');
    const tokens = h.panel.count('websocket');
    await h.clock.advanceBy(10 * 60_000, 10_000);
    // Polled meanwhile (its state stays current), and no token asked for the refused socket.
    expect(h.panel.count('websocket')).toBe(tokens);
    expect(h.panel.count('resources')).toBeGreaterThan(0);
    expect(h.view('s0000000').isStateCurrent).toBe(true);
  });

  it('shows 504 as node unreachable, tells after a minute, and tells the recovery', async () => {
    h = createHarness({ servers: makeServers(2, { node: 'Node A' }) });
    h.panel.failures.set('websocket', errors.forbidden); // polled servers
    await h.start();
    h.panel.failures.set('resources', errors.nodeDown);
    await h.clock.advanceBy(40_000, 1_000);
    expect(h.view('s0000000').availability).toBe('node-unreachable');
    expect(h.events.filter((e) => e.type === 'node-unreachable')).toEqual([]);
    await h.clock.advanceBy(NODE_UNREACHABLE_NOTICE_MS, 1_000);
    expect(h.events.filter((e) => e.type === 'node-unreachable')).toEqual([expect.objectContaining({ node: 'Node A', accountName: 'My panel' })]);
    expect(status(h)).toBe('ok'); // a node is not the panel
    h.panel.failures.delete('resources');
    h.panel.states.set('s0000000', resources('running'));
    await h.clock.advanceBy(40_000, 1_000);
    expect(h.view('s0000000').availability).toBe('ok');
    expect(h.events.filter((e) => e.type === 'node-recovered')).toHaveLength(1);
    expect(h.events.filter((e) => e.type === 'node-unreachable')).toHaveLength(1);
  });

  it('says nothing about a node that was unreachable for less than a minute', async () => {
    h = createHarness({ servers: makeServers(1) });
    h.panel.failures.set('websocket', errors.forbidden);
    await h.start();
    h.panel.failures.set('resources', errors.nodeDown);
    await h.clock.advanceBy(31_000, 1_000);
    h.panel.failures.delete('resources');
    await h.clock.advanceBy(120_000, 1_000);
    expect(h.events.filter((e) => e.type.startsWith('node'))).toEqual([]);
  });

  it('falls back to polling after two failed connects, and tries the socket again later', async () => {
    let canConnect = false;
    h = createHarness({ servers: makeServers(1), behaviour: () => (canConnect ? 'connect' : 'fail') });
    await h.start(0);
    await h.clock.advance(5_000);
    expect(h.panel.count('websocket')).toBe(2);
    expect(h.monitor.watchModeOf(h.ref('s0000000'))).toBe('polled');
    await h.clock.advance(40_000);
    expect(h.panel.count('resources')).toBeGreaterThanOrEqual(1);
    canConnect = true;
    await h.clock.advanceBy(60_000, 1_000);
    expect(h.monitor.watchModeOf(h.ref('s0000000'))).toBe('followed');
    expect(h.view('s0000000').isLive).toBe(true);
  });

  it('resyncs after a sleep: jittered, replaces silent sockets through the budget, no crash storm', async () => {
    h = createHarness({ servers: makeServers(50) });
    await h.start(0);
    await h.clock.advanceBy(60_000, 1_000);
    for (const s of h.sockets) s.emit('status', 'running');
    const before = h.panel.count('websocket');
    h.monitor.resync('resume');
    await h.clock.advance(500);
    expect(h.panel.count('list')).toBe(1); // jittered: not yet
    await h.clock.advanceBy(30_000, 500);
    expect(h.panel.count('list')).toBe(2);
    // Every socket stayed silent after the probe, so each was replaced, inside the budget.
    expect(h.panel.count('websocket') - before).toBe(50);
    expect(h.panel.maxInWindow(60_000)).toBeLessThanOrEqual(180);
    // The servers were stopped from the panel while the lid was closed: no crash for that.
    for (const s of h.sockets.filter((x) => !x.isDisposed)) s.emit('status', 'offline');
    expect(h.events.filter((e) => e.type === 'crash')).toEqual([]);
  });

  it('after a sleep, a socket that answers the probe keeps its crash baseline, and a later crash is still seen', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    const socket = h.socketOf('s0000000');
    socket.emit('status', 'running');
    h.monitor.resync('resume');
    await h.clock.advance(3_000); // jitter, then the probe
    expect(socket.sent).toContain('send stats');
    socket.emit('stats', wingsStats('running'));
    await h.clock.advance(10_000);
    expect(socket.isDisposed).toBe(false);
    await h.clock.advance(600_000);
    socket.emit('status', 'offline');
    await h.clock.advance(3_000);
    expect(h.events.filter((e) => e.type === 'crash')).toHaveLength(1);
  });

  it('ends a rate-limited status when the wait is over, though no request came to say so', async () => {
    h = createHarness({ servers: makeServers(2) });
    await h.start();
    h.panel.failures.set('power', errors.rateLimited(5_000));
    h.panel.blockedUntilMs = h.clock.now() + 5_000;
    h.socketOf('s0000000').state = 'reconnecting'; // not live: the power goes over REST
    await expect(h.monitor.power(h.ref('s0000000'), 'start')).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(status(h)).toBe('rate-limited');
    // ── notices (issue 15) ── the account says when the panel answers again (the buttons count down to it).
    const retryAtMs = h.monitor.accounts()[0]?.retryAtMs;
    expect(retryAtMs).toBeGreaterThanOrEqual(h.clock.now() + 4_000);
    expect(retryAtMs).toBeLessThanOrEqual(h.clock.now() + 5_000);
    await h.clock.advance(6_000);
    expect(status(h)).toBe('ok');
    expect(h.monitor.accounts()[0]?.retryAtMs).toBeNull();
  });

  it('says rate-limited while a short Retry-After is waited out inside a call, with no failure to tell it', async () => {
    h = createHarness({ servers: makeServers(2) });
    await h.start();
    expect(status(h)).toBe('ok');
    h.panel.holdEveryRequest(30_000);
    expect(status(h)).toBe('rate-limited');
    const retryAtMs = h.monitor.accounts()[0]?.retryAtMs;
    expect(retryAtMs).toBeGreaterThanOrEqual(h.clock.now() + 29_000);
    expect(retryAtMs).toBeLessThanOrEqual(h.clock.now() + 30_000);
    await h.clock.advance(31_000);
    expect(status(h)).toBe('ok');
    // A client given back (the monitor stopped) hears no more: nothing is left subscribed.
    h.monitor.dispose();
    expect(h.panel.blockListeners.size).toBe(0);
  });

  it('refreshes the list soon when Wings says a followed server was deleted', async () => {
    h = createHarness({ servers: makeServers(2) });
    await h.start(20_000);
    h.panel.servers = h.panel.servers.slice(1);
    h.socketOf('s0000000').emit('deleted', undefined);
    await h.clock.advance(3_000);
    expect(h.panel.count('list')).toBe(2);
    expect(h.monitor.servers().map((s) => s.identifier)).toEqual(['s0000001']);
  });

  it('follows Wings’ install events: installing is polled slowly, completion refreshes the list', async () => {
    h = createHarness({ servers: makeServers(2) });
    await h.start(20_000);
    h.panel.failures.set('resources:s0000000', errors.conflict('installing'));
    h.socketOf('s0000000').emit('install-started', undefined);
    await h.clock.advance(10);
    expect(h.view('s0000000').availability).toBe('installing');
    expect(h.monitor.watchModeOf(h.ref('s0000000'))).toBe('polled');
    h.socketOf('s0000001').emit('transfer-status', 'failure'); // a failed transfer leaves it usable
    await h.clock.advance(3_000);
    expect(h.view('s0000001').availability).toBe('ok');
    expect(h.panel.count('list')).toBe(2);
  });

  it('drops servers that left the list, with their sockets', async () => {
    h = createHarness({ servers: makeServers(3) });
    await h.start();
    h.panel.servers = h.panel.servers.slice(0, 2);
    await h.monitor.refresh();
    expect(h.monitor.servers().map((s) => s.identifier)).toEqual(['s0000000', 's0000001']);
    expect(h.sockets.filter((s) => !s.isDisposed)).toHaveLength(2);
  });

  it('removing an account disposes its sockets and client at once', async () => {
    h = createHarness({ servers: makeServers(3) });
    await h.start();
    h.monitor.setAccounts([]);
    expect(h.sockets.every((s) => s.isDisposed)).toBe(true);
    expect(h.panel.clientsDisposed).toBe(1);
    expect(h.monitor.servers()).toEqual([]);
    await h.clock.advance(1_000); // the coalesced `changed`
    expect(h.clock.pendingCount).toBe(0);
  });

  it('coalesces changes: many state changes at once give one `changed`', async () => {
    h = createHarness({ servers: makeServers(20) });
    await h.start(30_000);
    const before = h.changes.length;
    for (const s of h.sockets) s.emit('status', 'running');
    for (const s of h.sockets) s.emit('status', 'stopping');
    await h.clock.advance(1_000);
    expect(h.changes.length - before).toBe(1);
    for (let i = 0; i < 10; i++) {
      h.sockets[i]?.emit('status', 'offline');
      await h.clock.advance(50);
    }
    const times = h.changes.slice(before);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(250);
  });

  it('dispose leaves no timer, socket or client behind, even mid-work', async () => {
    h = createHarness({ servers: makeServers(100) });
    h.panel.failures.set('websocket:s0000005', errors.forbidden);
    await h.start(0);
    await h.clock.advance(3_000);
    h.monitor.resync('network');
    h.monitor.dispose();
    expect(h.clock.pendingCount).toBe(0);
    expect(h.sockets.every((s) => s.isDisposed)).toBe(true);
    expect(h.panel.clientsDisposed).toBe(h.panel.clientsCreated);
    const requests = h.panel.log.length;
    await h.clock.advance(600_000);
    expect(h.panel.log.length).toBe(requests);
  });
});
