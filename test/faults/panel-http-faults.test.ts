// One sim version (default, or SIM_VERSION's): the 429, 5xx, resets and bad JSON are injected on the server list, alike on every release.
/**
 * The panel itself failing, against the real app on the Electron double: a 429 with Retry-After,
 * 5xx answers, connection resets and malformed JSON, each on the server list (the request that
 * speaks for the whole account). For each: the app stays up, the
 * tray and the window say the panel is unreachable while the live sockets keep every server's
 * state right, it recovers by itself on its back-off once the fault ends, the panel sees no storm,
 * and nobody is notified of anything.
 */
import { describe, expect } from 'vitest';
import type { SimFault } from '../../src/sim';
import { invoke } from '../e2e/helpers/app-on-sim';
import {
  eventually,
  expectAlive,
  noticesSince,
  requestsBetween,
  trayMatchesPanel,
  trayProblem,
  useFaultApp,
  waitSettled,
  windowAccount,
  windowAccountStatus,
  windowShows,
} from './helpers/fault-app';
import { faultCase } from './helpers/fault-ledger';

const LIST = 'GET /api/client';
/** Background list checks are never closer than this (account-watch.ts LIST_MIN_GAP_MS), plus slack. */
const RECOVERY_MS = 20_000;

/** A reverse proxy's error page, as nginx sends it when the panel behind it is down. */
const proxyPage = (status: number, text: string): string =>
  `<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

interface DownFault {
  name: string;
  fault: SimFault;
  /** Requests one failed check may cost: the client retries a 502/503/504 or a reset GET twice. */
  attemptsPerCheck: number;
}

const DOWN_FAULTS: DownFault[] = [
  { name: '500 on the server list', fault: { type: 'status', status: 500 }, attemptsPerCheck: 1 },
  { name: '502 from a proxy in front of the panel', fault: { type: 'status', status: 502, body: proxyPage(502, 'Bad Gateway') }, attemptsPerCheck: 3 },
  { name: '503: the panel in maintenance mode', fault: { type: 'status', status: 503 }, attemptsPerCheck: 3 },
  { name: '504 from a proxy (gateway timeout)', fault: { type: 'status', status: 504, body: proxyPage(504, 'Gateway Time-out') }, attemptsPerCheck: 3 },
  { name: 'connection resets', fault: { type: 'reset' }, attemptsPerCheck: 3 },
  { name: 'malformed JSON', fault: { type: 'malformed' }, attemptsPerCheck: 1 },
  // HTML where JSON was expected is the hostile panel's (test/security/hostile-panel.test.ts).
];

describe('the panel failing, on the real app', () => {
  // The fixture clears the sim's faults after each case: a failed case leaves none for the next.
  const env = useFaultApp();

  faultCase('429 with Retry-After', async () => {
    await waitSettled(env);
    const notices = env.app.notifications().length;
    env.sim.control.resetCounts();
    env.sim.control.injectFault({ route: LIST, count: 1, fault: { type: 'status', status: 429, headers: { 'Retry-After': '4' } } });
    await env.app.clickMenu(['Refresh now']);
    await eventually('the throttled list', () => env.sim.control.requestLog().some((r) => r.route === LIST && r.status === 429));
    const throttled = env.sim.control.requestLog().find((r) => r.status === 429);
    if (!throttled) throw new Error('the 429 was not served');
    // A person opens a folder during the wait: the request waits too, it is not sent.
    const target = env.sim.control.servers()[0];
    if (!target) throw new Error('no server');
    const listing = await invoke(env.page, 'filesList', { server: { accountId: env.account.id, identifier: target.identifier }, directory: '/' });
    expect(listing.ok).toBe(true);
    await eventually('the list retried after the wait', () => env.sim.control.requestLog().some((r) => r.route === LIST && r.status === 200));
    const panelLog = requestsBetween(env.sim, throttled.timeMs, Number.POSITIVE_INFINITY, 'panel');
    expect(
      panelLog.filter((r) => r.timeMs > throttled.timeMs && r.timeMs < throttled.timeMs + 4_000),
      'requests inside the Retry-After window',
    ).toEqual([]);
    expect(panelLog.filter((r) => r.route === LIST)).toHaveLength(2);
    expect(await windowAccountStatus(env)).toBe('ok');
    expect(trayProblem(env.app)).toBeNull();
    expect(trayMatchesPanel(env)).toBe(true);
    expect(noticesSince(env.app, notices)).toEqual([]);
    await expectAlive(env);
  });

  for (const { name, fault, attemptsPerCheck } of DOWN_FAULTS) {
    faultCase(name, async () => {
      await waitSettled(env);
      const notices = env.app.notifications().length;
      env.sim.control.resetCounts();
      const startMs = Date.now();
      env.sim.control.injectFault({ route: LIST, count: 1_000, fault });
      await env.app.clickMenu(['Refresh now']);
      await env.app.waitFor(() => trayProblem(env.app) === 'Panel unreachable: retrying', { timeoutMs: 10_000, message: 'tray: panel unreachable' });
      const account = await windowAccount(env);
      expect(account?.status).toBe('unreachable');
      // The window's server list says it too, with the account's sentence.
      await windowShows(env, account?.statusMessage ?? 'The panel cannot be reached');
      // Live sockets need no panel: every server keeps its right mark meanwhile.
      expect(trayMatchesPanel(env)).toBe(true);
      await expectAlive(env);
      env.sim.control.clearFaults();
      const clearedMs = Date.now();
      await env.app.waitFor(() => trayProblem(env.app) === null, { timeoutMs: RECOVERY_MS, message: 'recovers by itself' });
      expect(await windowAccountStatus(env)).toBe('ok');
      expect(trayMatchesPanel(env)).toBe(true);
      // One failed check while the fault lasted (with the client's own retries), then one good one.
      const lists = requestsBetween(env.sim, startMs).filter((r) => r.route === LIST);
      expect(lists.filter((r) => r.timeMs < clearedMs).length).toBeLessThanOrEqual(attemptsPerCheck);
      expect(lists.filter((r) => r.timeMs >= clearedMs && r.status === 200)).toHaveLength(1);
      expect(requestsBetween(env.sim, startMs, Number.POSITIVE_INFINITY, 'panel').length).toBeLessThanOrEqual(attemptsPerCheck + 3);
      expect(noticesSince(env.app, notices)).toEqual([]);
      await expectAlive(env);
    });
  }
});
