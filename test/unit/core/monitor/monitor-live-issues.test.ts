/**
 * What the monitor tells the window when a socket stops for good (a JWT scope error, 4409, 4400,
 * a deleted server) and when an egg feature asks for its action (the EULA: Pterodactyl's console
 * line, Pelican's `feature match`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EULA_LINE } from '../../../../src/core/monitor/feature-prompts';
import { createHarness, type Harness } from './helpers/harness';
import { errors, makeServers } from './helpers/fake-panel';

let h: Harness | null = null;
afterEach(() => {
  h?.monitor.dispose();
  expect(h?.clock.pendingCount ?? 0).toBe(0);
  h = null;
});

const ID = 's0000000';
const EULA_STOP = 'You need to agree to the EULA in order to run the server. Go to eula.txt for more info.';

describe('ServerMonitor: live issues', () => {
  it('a JWT scope error stops the socket for good, says the panel is older than its Wings, and polls instead', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    expect(h.view(ID).liveIssue).toBeNull();
    const socket = h.socketOf(ID);
    socket.emit('auth-error', 'jwt: missing connect permission');
    socket.transition({ state: 'idle', reason: 'auth-error' });
    await h.clock.advance(10);
    expect(h.view(ID).liveIssue).toMatchObject({ kind: 'panel-outdated', isPolled: true });
    expect(h.monitor.watchModeOf(h.ref(ID))).toBe('polled');
    const tokens = h.panel.count('websocket');
    await h.clock.advanceBy(2 * 60 * 60_000, 60_000);
    // Stop retrying: the panel must be upgraded first; its state stays current by polling.
    expect(h.panel.count('websocket')).toBe(tokens);
    expect(h.view(ID).isStateCurrent).toBe(true);
  });

  it('a denial that outlasted its one recovery is a refused token, retried only much later', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    const socket = h.socketOf(ID);
    socket.emit('auth-error', 'Error Event [x]: jwt: created too far in past (denylist)');
    socket.transition({ state: 'idle', reason: 'denied' });
    await h.clock.advance(10);
    expect(h.view(ID).liveIssue).toMatchObject({ kind: 'token-refused', isPolled: true });
  });

  it.each([
    ['suspended', 4409, true],
    ['refused', 4400, true],
  ] as const)('Wings closing with %s (%i) is told, polled instead: %s', async (reason, closeCode, isPolled) => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    // The panel agrees when asked (as it does: 409 for a suspended server), so it stays polled.
    if (reason === 'suspended') h.panel.failures.set('resources', errors.conflict('suspended'));
    h.socketOf(ID).transition({ state: 'idle', reason, closeCode });
    await h.clock.advance(10);
    expect(h.view(ID).liveIssue).toMatchObject({ kind: reason, isPolled });
    expect(h.monitor.watchModeOf(h.ref(ID))).toBe('polled');
  });

  it('a deleted server is told, and not as polled: the list is refreshed instead', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    const lists = h.panel.count('list');
    h.socketOf(ID).emit('deleted', undefined);
    await h.clock.advance(10);
    expect(h.view(ID).liveIssue).toMatchObject({ kind: 'deleted', isPolled: false });
    // Soon, but not sooner than the list's minimum gap after the last one.
    await h.clock.advance(15_000);
    expect(h.panel.count('list')).toBeGreaterThan(lists);
  });

  it('the issue goes once a socket is live again', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    h.socketOf(ID).transition({ state: 'idle', reason: 'refused', closeCode: 4400 });
    await h.clock.advance(10);
    expect(h.view(ID).liveIssue).not.toBeNull();
    await h.clock.advanceBy(31 * 60_000, 60_000);
    expect(h.view(ID).isLive).toBe(true);
    expect(h.view(ID).liveIssue).toBeNull();
  });
});

describe('ServerMonitor: egg feature prompts (the EULA)', () => {
  it('Pterodactyl: the console line of an egg with the eula feature offers it; not for other eggs', async () => {
    h = createHarness({ servers: [...makeServers(1, { eggFeatures: ['eula'] }), ...makeServers(2).slice(1)], connectStatus: () => 'offline' });
    await h.start();
    expect(EULA_STOP.toLowerCase()).toContain(EULA_LINE);
    h.socketOf(ID).emit('console', EULA_STOP);
    h.socketOf('s0000001').emit('console', EULA_STOP);
    await h.clock.advance(300);
    expect(h.view(ID).featurePrompt).toMatchObject({ feature: 'eula' });
    expect(h.view('s0000001').featurePrompt).toBeNull();
  });

  it('Pelican: a feature match for eula offers it, whatever the egg list says; other keys offer nothing', async () => {
    h = createHarness({ servers: makeServers(2), connectStatus: () => 'offline' });
    await h.start();
    h.socketOf(ID).emit('feature-match', { key: 'eula', pattern: 'you need to agree to the eula', line: EULA_STOP });
    h.socketOf('s0000001').emit('feature-match', { key: 'java_version', pattern: 'unsupported major.minor', line: 'x' });
    await h.clock.advance(300);
    expect(h.view(ID).featurePrompt).toMatchObject({ feature: 'eula' });
    expect(h.view('s0000001').featurePrompt).toBeNull();
  });

  it('not while the server runs (the panel’s listener is off then), and it goes when it runs', async () => {
    h = createHarness({ servers: makeServers(1, { eggFeatures: ['EULA'] }), connectStatus: () => 'running' });
    await h.start();
    h.socketOf(ID).emit('console', EULA_STOP);
    await h.clock.advance(300);
    expect(h.view(ID).featurePrompt).toBeNull();
    h.socketOf(ID).emit('status', 'offline');
    h.socketOf(ID).emit('console', EULA_STOP);
    await h.clock.advance(300);
    expect(h.view(ID).featurePrompt).not.toBeNull();
    h.socketOf(ID).emit('status', 'running');
    await h.clock.advance(300);
    expect(h.view(ID).featurePrompt).toBeNull();
  });

  it('accepting writes eula.txt with eula=true, then restarts (over the socket when live), and the prompt goes', async () => {
    h = createHarness({ servers: makeServers(1, { eggFeatures: ['eula'] }), connectStatus: () => 'offline' });
    await h.start();
    h.socketOf(ID).emit('console', EULA_STOP);
    await h.clock.advance(300);
    await h.monitor.acceptFeature(h.ref(ID), 'eula');
    expect(h.panel.files.get(`${ID}:/eula.txt`)).toBe('eula=true');
    expect(h.socketOf(ID).sent).toContain('set state restart');
    expect(h.view(ID).featurePrompt).toBeNull();
  });

  it('a refused write reaches the caller, restarts nothing and keeps the prompt', async () => {
    h = createHarness({ servers: makeServers(1, { eggFeatures: ['eula'] }), connectStatus: () => 'offline' });
    await h.start();
    h.socketOf(ID).emit('console', EULA_STOP);
    await h.clock.advance(300);
    h.panel.failures.set('write', () => new Error('forbidden') as never);
    await expect(h.monitor.acceptFeature(h.ref(ID), 'eula')).rejects.toThrow('forbidden');
    expect(h.socketOf(ID).sent.filter((s) => s.startsWith('set state'))).toEqual([]);
    expect(h.panel.powerSignals).toEqual([]);
    expect(h.view(ID).featurePrompt).not.toBeNull();
  });

  it('Not now puts it away until the server asks again', async () => {
    h = createHarness({ servers: makeServers(1, { eggFeatures: ['eula'] }), connectStatus: () => 'offline' });
    await h.start();
    h.socketOf(ID).emit('console', EULA_STOP);
    await h.clock.advance(300);
    h.monitor.dismissFeature(h.ref(ID), 'eula');
    expect(h.view(ID).featurePrompt).toBeNull();
    h.socketOf(ID).emit('console', EULA_STOP);
    await h.clock.advance(300);
    expect(h.view(ID).featurePrompt).not.toBeNull();
  });

  it('tells the console of commands Wings may have dropped for going too fast', async () => {
    h = createHarness({ servers: makeServers(1) });
    await h.start();
    h.socketOf(ID).emit('commands-throttled', ['say a', 'say b']);
    await h.clock.advance(10);
    const line = h.lines.find((l) => l.kind === 'daemon-error');
    expect(line?.text).toMatch(/"say a", "say b" may not have run/);
  });
});
