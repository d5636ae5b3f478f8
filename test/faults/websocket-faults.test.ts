// One sim version (default, or SIM_VERSION's; a minute of real time each): the releases' close codes, throttling and token limits run on compressed time in compressed-time.test.ts.
/**
 * The node side failing, against the real app on the Electron double: Wings restarting (every
 * websocket drops), Wings down for a few seconds (the panel answers 504 for its servers), token
 * expiry storms, and a Wings that refuses the app's Origin. For each: the app stays up, the tray
 * and the window show what is true of every server, it recovers by itself, the token and poll
 * requests stay within a few per server, and nobody is notified of a blip.
 */
import { describe, expect } from 'vitest';
import type { SimPanel } from '../../src/sim';
import type { ServerView } from '../../src/shared/types';
import { invoke, startSim } from '../e2e/helpers/app-on-sim';
import {
  MARK,
  addSimPanel,
  eventually,
  expectAlive,
  noticesSince,
  requestsBetween,
  trayMatchesPanel,
  trayServer,
  useFaultApp,
  waitSettled,
  windowAccountStatus,
  windowServers,
} from './helpers/fault-app';
import { faultCase } from './helpers/fault-ledger';

const TOKEN = 'GET /api/client/servers/:server/websocket';
const RESOURCES = 'GET /api/client/servers/:server/resources';
const WS = 'GET /api/servers/:uuid/ws';

describe('the node failing, on the real app', () => {
  const env = useFaultApp({
    // The shortest poll interval the settings allow, so a server polled during an outage is
    // looked at again within 20 s once its node is back.
    setUp: async (app) => {
      const updated = await invoke(app.page, 'settingsUpdate', { monitor: { budgetShare: 0.25, pollIntervalS: 20 } });
      expect(updated.ok).toBe(true);
    },
    afterEach: (app) => app.sim.control.setNodeReachable(true),
  });

  faultCase('websocket drops (Wings restarts)', async () => {
    await waitSettled(env);
    const notices = env.app.notifications().length;
    const servers = env.sim.control.servers().length;
    env.sim.control.resetCounts();
    const startMs = Date.now();
    await env.sim.control.setNodeReachable(false);
    await env.sim.control.setNodeReachable(true);
    await eventually(
      'every socket reconnected',
      () => env.sim.control.requestLog().filter((r) => r.route === WS && r.status === 101).length >= servers,
      15_000,
    );
    await waitSettled(env, 20_000);
    // Each socket fetched one fresh token to reconnect; nothing else was needed.
    expect(env.sim.control.requestCount(TOKEN)).toBeGreaterThanOrEqual(1);
    expect(env.sim.control.requestCount(TOKEN)).toBeLessThanOrEqual(servers);
    expect(requestsBetween(env.sim, startMs, Number.POSITIVE_INFINITY, 'panel').length).toBeLessThanOrEqual(servers + 2);
    expect(noticesSince(env.app, notices)).toEqual([]);
    await expectAlive(env);
  });

  faultCase('token denylist storms (every token revoked, three times over)', async () => {
    await waitSettled(env);
    const notices = env.app.notifications().length;
    const running = env.sim.control.servers().filter((s) => s.state === 'running');
    expect(running.length).toBeGreaterThan(0);
    const labels = (): string[] => (env.app.tray()?.menu ?? []).map((i) => i.label);
    const before = labels();
    env.sim.control.resetCounts();
    const tokensSince = (sinceMs: number): number =>
      env.sim.control.requestLog().filter((r) => r.route === TOKEN && r.timeMs >= sinceMs && r.status === 200).length;
    // Wings denylists every token (wings PR #289): a socket learns it from the `jwt error` that
    // replaces its next event, so the running servers (stats every 400 ms) learn at once; each
    // fetches a token and re-authenticates on the same socket. Then again, and again.
    for (let storm = 0; storm < 3; storm++) {
      const stormMs = Date.now();
      env.sim.control.expireTokens();
      // The refresher waits up to its minimum interval (10 s) between two fetches of one socket.
      await eventually(`storm ${storm + 1}: a fresh token for every running server`, () => tokensSince(stormMs) >= running.length, 20_000);
    }
    await eventually(
      'every server live again',
      async () => (await windowServers(env)).filter((s) => s.accountId === env.account.id).every((s) => s.isLive),
      10_000,
    );
    expect(env.sim.control.requestCount(WS), 'sockets that had to reconnect').toBe(0);
    // One token per storm per socket that was told, no storm of tokens.
    expect(env.sim.control.requestCount(TOKEN)).toBeLessThanOrEqual(3 * running.length + 1);
    await env.app.waitFor(() => labels().join('\n') === before.join('\n'), { timeoutMs: 5_000, message: 'the tray as before' });
    expect(noticesSince(env.app, notices)).toEqual([]);
    await expectAlive(env);
  });

  faultCase('a Wings that refuses the Origin', async () => {
    // A second panel, added under another name for the same host: Wings checks the Origin
    // against the URL the panel is configured with, so every socket gets 403.
    const other: SimPanel = await startSim({ servers: 2, seed: 11 });
    try {
      const notices = env.app.notifications().length;
      const url = other.url.replace('127.0.0.1', 'localhost');
      const added = await addSimPanel(env, other, 'Proxied panel', url);
      expect(added.ok).toBe(true);
      const otherServers = other.control.servers();
      const ofOther = async (): Promise<ServerView[]> => (await windowServers(env)).filter((s) => s.accountId === (added.ok ? added.value.id : ''));
      // Polled instead of followed: the tray still shows every server of it with its right mark.
      await env.app.waitFor(() => otherServers.every((s) => trayServer(env.app, s.name)?.label === `${MARK[s.state]} ${s.name}`), {
        timeoutMs: 20_000,
        message: 'servers of the refusing node in the tray',
      });
      await eventually(
        'the refused sockets given up',
        async () => (await ofOther()).every((s) => !s.isLive && s.state !== 'unknown' && s.availability === 'ok'),
        20_000,
      );
      const refused = other.control.requestLog().filter((r) => r.route === WS);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((r) => r.status === 403)).toBe(true);
      // At most two tries per server before falling back to polls (the next try is a minute away).
      expect(refused.length).toBeLessThanOrEqual(2 * otherServers.length);
      expect(other.control.requestCount(TOKEN)).toBeLessThanOrEqual(2 * otherServers.length);
      // The first panel is untouched, and nobody is told of a problem that is the node's setup.
      await waitSettled(env);
      expect(noticesSince(env.app, notices)).toEqual([]);
      if (added.ok) expect((await invoke(env.page, 'accountsRemove', { accountId: added.value.id })).ok).toBe(true);
      await env.app.waitFor(() => otherServers.every((s) => trayServer(env.app, s.name) === undefined), {
        timeoutMs: 10_000,
        message: 'second panel gone from the tray',
      });
      await expectAlive(env);
    } finally {
      await other.close();
    }
  });
  // Last: the sockets given up on are followed again only after their retry pause (a minute,
  // shown on compressed time in compressed-time.test.ts); here the marks come back from polls.
  faultCase('Wings down for a few seconds: 504 for its servers, then back', async () => {
    await waitSettled(env);
    const notices = env.app.notifications().length;
    const sim = env.sim.control.servers();
    env.sim.control.resetCounts();
    const startMs = Date.now();
    await env.sim.control.setNodeReachable(false);
    // Sockets give up after two failed connects and the servers are polled: the panel says 504.
    await env.app.waitFor(() => sim.some((s) => trayServer(env.app, s.name)?.label === `⚠ ${s.name}`), {
      timeoutMs: 20_000,
      message: 'a server marked ⚠ (node unreachable)',
    });
    const during = await windowServers(env);
    const unreachable = during.filter((s) => s.availability === 'node-unreachable');
    expect(unreachable.length).toBeGreaterThan(0);
    for (const server of unreachable)
      expect(trayServer(env.app, server.name)?.submenu?.[0]?.label).toBe(
        `${server.name} — the panel cannot reach its node: power actions wait until it answers`,
      );
    // The account itself is fine: the panel answers.
    expect(await windowAccountStatus(env)).toBe('ok');
    await env.sim.control.setNodeReachable(true);
    const backMs = Date.now();
    // Polled again within the poll interval, then followed again: the marks come back by themselves.
    await env.app.waitFor(() => trayMatchesPanel(env), { timeoutMs: 45_000, message: 'marks back once Wings is' });
    expect((await windowServers(env)).every((s) => s.availability === 'ok')).toBe(true);
    // Under a minute of outage: no "node unreachable" notice, and no false "went down".
    expect(noticesSince(env.app, notices)).toEqual([]);
    // Budget: per server at most two tokens before its socket gave up, and one poll per 20 s
    // (each 504 retried twice by the client).
    const polls = requestsBetween(env.sim, startMs, backMs).filter((r) => r.route === RESOURCES).length;
    expect(polls).toBeLessThanOrEqual(3 * sim.length * Math.ceil((backMs - startMs) / 20_000));
    expect(requestsBetween(env.sim, startMs, backMs).filter((r) => r.route === TOKEN).length).toBeLessThanOrEqual(2 * sim.length);
    await expectAlive(env);
  });
});
