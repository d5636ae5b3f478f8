// Slow (over two minutes), so one sim version (default, or SIM_VERSION's), but the suspension case runs on every release: each Wings suspends differently.
/**
 * Never blind, on the real app against a sim that does what Wings does (src/sim: status only on
 * a socket's first auth, events replaced by `jwt error` once the token is dead, a crash restarted
 * once and not again within 60 s, each Wings' suspension): after the panel was down past every
 * token's expiry while servers changed state, after two crashes in a minute, after a suspension,
 * and for commands typed while a token is dead. Each checks, against what the sim knows, that
 * every row of the window and every tray item show the real state within 10 s of the panel
 * answering again, and that each crash after the recovery was told exactly once.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { SimPanel, SimPanelOptions } from '../../src/sim';
import type { AccountView, ServerView } from '../../src/shared/types';
import { invoke, startSim } from '../e2e/helpers/app-on-sim';
import { ALL_SIM_VERSIONS } from '../helpers/sim-versions';
import { openServer, serverRow, shot } from '../e2e/helpers/window-kit';
import {
  MARK,
  addSimPanel,
  eventually,
  expectAlive,
  noticesSince,
  trayMatchesPanel,
  trayProblem,
  trayServer,
  useFaultApp,
  waitSettled,
  windowAccountStatus,
  windowServers,
  type FaultApp,
} from './helpers/fault-app';
import { faultCase } from './helpers/fault-ledger';

/** Every route of the client API, as a proxy in front of a broken panel answers it. */
const CLIENT_API = /^\/api\/client/;
const STATE_WORDS: Record<ServerView['state'], string> = {
  running: 'Running',
  starting: 'Starting',
  stopping: 'Stopping',
  offline: 'Offline',
  unknown: 'Unknown',
};

/** The dashboard row of a server says its state, without an age: it is shown as current. */
async function rowShowsCurrent(page: Page, name: string, state: ServerView['state']): Promise<boolean> {
  const text = (await serverRow(page, name).locator('[role="gridcell"]').nth(1).textContent()) ?? '';
  return text.trim() === STATE_WORDS[state];
}

/** Every server of `sim`, in the tray (its exact mark) and in the window (view and row), as the sim has it. */
async function everythingTrue(env: FaultApp, sim: SimPanel, accountId: string): Promise<boolean> {
  const views = (await windowServers(env)).filter((s) => s.accountId === accountId);
  for (const truth of sim.control.servers()) {
    const view = views.find((v) => v.identifier === truth.identifier);
    if (trayServer(env.app, truth.name)?.label !== `${MARK[truth.state]} ${truth.name}`) return false;
    if (!view || view.state !== truth.state || !view.isStateCurrent) return false;
    if (!(await rowShowsCurrent(env.page, truth.name, truth.state))) return false;
  }
  return true;
}

/** Adds another simulated panel to the running app, as a person would from Settings. */
async function addPanel(env: FaultApp, name: string, options: SimPanelOptions): Promise<{ sim: SimPanel; account: AccountView }> {
  const sim = await startSim({ servers: 2, ...options });
  const added = await addSimPanel(env, sim, name);
  if (!added.ok) throw new Error(`accountsAdd failed: ${added.error.code}`);
  await env.app.waitFor(() => sim.control.servers().every((s) => trayServer(env.app, s.name)?.label === `${MARK[s.state]} ${s.name}`), {
    timeoutMs: 20_000,
    message: `${name} in the tray`,
  });
  return { sim, account: added.value };
}

describe('the panel down past every token’s expiry (60 s tokens), on the real app', () => {
  const env = useFaultApp({ sim: { servers: 5, tokenTtlMs: 60_000 } });

  faultCase(
    'every /api/client route failing past a token expiry while servers change state',
    async () => {
      const notices = env.app.notifications().length;
      const servers = env.sim.control.servers();
      const running = servers.filter((s) => s.state === 'running');
      const offline = servers.filter((s) => s.state === 'offline');
      if (running.length < 3 || offline.length < 1) throw new Error('the seeded servers changed');
      const downMs = Date.now();
      // A proxy's HTML error page for every route of the panel; Wings stays up.
      env.sim.control.injectFault({
        route: CLIENT_API,
        count: 1_000_000,
        fault: { type: 'status', status: 500, body: '<html><body><h1>500 Internal Server Error</h1></body></html>' },
      });
      // Shown as unreachable within 30 s, though every server is followed live and needs nothing.
      await env.app.waitFor(() => trayProblem(env.app) === 'Panel unreachable: retrying', { timeoutMs: 30_000, message: 'tray: panel unreachable' });
      expect(Date.now() - downMs).toBeLessThan(30_000);
      expect(await windowAccountStatus(env)).toBe('unreachable');
      // Every token dies (60 s, no refresh to be had): no server is live any more, none is current.
      await eventually('every socket’s token dead', async () => (await windowServers(env)).every((s) => !s.isLive && !s.isStateCurrent), 75_000);
      // Meanwhile, on Wings: a stop from elsewhere, a start, and a crash (restarted by Wings). None of
      // it reaches the app: every event comes as `jwt error`.
      const [stopped, crashed] = running;
      env.sim.control.setState(stopped!.identifier, 'stopping');
      env.sim.control.setState(stopped!.identifier, 'offline');
      env.sim.control.setState(offline[0]!.identifier, 'running');
      env.sim.control.crash(crashed!.identifier);
      await eventually(
        'Wings restarted the crashed server',
        () => env.sim.control.servers().find((s) => s.identifier === crashed!.identifier)?.state === 'running',
        10_000,
      );
      expect(trayServer(env.app, stopped!.name)?.label).toMatch(new RegExp(`^● ${stopped!.name} \\(as of .+\\)$`));
      await eventually('every row shows its age', async () => (await env.page.locator('.badge.stale').count()) === servers.length, 5_000);
      await shot(env.page, 'dashboard-panel-down-states-as-of');

      // The panel answers again: within 10 s every row and the tray show the truth.
      env.sim.control.clearFaults();
      const backMs = Date.now();
      await eventually('every row and tray item true and current', () => everythingTrue(env, env.sim, env.account.id), 10_000);
      expect(Date.now() - backMs).toBeLessThan(10_000);
      expect(trayProblem(env.app)).toBeNull();
      // Nothing that happened in the dark is told as a crash: it was not seen.
      expect(noticesSince(env.app, notices).filter((t) => t.includes('crash'))).toEqual([]);

      // After the recovery, two crashes of one server within a minute: each told once.
      const since = env.app.notifications().length;
      const victim = env.sim.control.servers().find((s) => s.state === 'running')!;
      const crashMs = Date.now();
      env.sim.control.crash(victim.identifier);
      await env.app.waitFor(() => noticesSince(env.app, since).includes(`${victim.name} crashed`), { timeoutMs: 10_000, message: 'the first crash' });
      await eventually(
        'restarted by Wings, and seen up again',
        async () => {
          const view = (await windowServers(env)).find((s) => s.identifier === victim.identifier);
          return (
            env.sim.control.servers().find((s) => s.identifier === victim.identifier)?.state === 'running' &&
            view?.state === 'running' &&
            (view.stateSeenAt ?? 0) > crashMs
          );
        },
        10_000,
      );
      env.sim.control.crash(victim.identifier);
      await env.app.waitFor(() => noticesSince(env.app, since).includes(`${victim.name} crashed again`), { timeoutMs: 10_000, message: 'the second crash' });
      const crashNotices = env.app
        .notifications()
        .slice(since)
        .filter((n) => n.title.includes('crashed'));
      expect(crashNotices.map((n) => [n.title, n.body])).toEqual([
        [`${victim.name} crashed`, 'Wings is restarting it. Open the console to see why it stopped.'],
        [`${victim.name} crashed again`, 'Wings did not restart it: start it by hand.'],
      ]);
      await eventually(
        'the crashed server shown offline and crashed',
        async () =>
          trayServer(env.app, victim.name)?.label === `⚠ ${victim.name}` &&
          (await windowServers(env)).find((s) => s.identifier === victim.identifier)?.state === 'offline',
        10_000,
      );
      await expectAlive(env);
    },
    180_000,
  );
});

describe('commands, suspensions and crash loops, on the real app', () => {
  const env = useFaultApp({
    sim: { servers: 3, tokenTtlMs: 60_000 },
    afterEach: async (app) => {
      const back = app.page.getByRole('button', { name: 'Back to servers' });
      if (await back.isVisible()) await back.click();
    },
  });

  faultCase(
    'a command typed while the token is dead and the panel down is refused with the reason, never shown as sent',
    async () => {
      const target = env.sim.control.servers().find((s) => s.state === 'running')!;
      await openServer(env.page, target.name, 'Console');
      env.sim.control.injectFault({
        route: CLIENT_API,
        count: 1_000_000,
        fault: { type: 'status', status: 502, body: '<html><body>Bad gateway</body></html>' },
      });
      await eventually('the token dead', async () => (await windowServers(env)).find((s) => s.identifier === target.identifier)?.isLive === false, 75_000);
      const input = env.page.getByRole('textbox', { name: 'Console command' });
      await input.fill('say during the outage');
      await input.press('Enter');
      const alert = env.page.getByRole('alert');
      await alert.waitFor({ timeout: 10_000 });
      expect(await alert.textContent()).toMatch(/cannot be reached|not answering/);
      // Kept for another try; never shown as sent; Wings never ran it.
      expect(await input.inputValue()).toBe('say during the outage');
      expect(await env.page.locator('.xterm-rows').innerText()).not.toContain('> say during the outage');
      expect(env.sim.control.consoleLines(target.identifier).some((l) => l.includes('during the outage'))).toBe(false);
      // The panel back: the same command goes, and the game answers.
      env.sim.control.clearFaults();
      await eventually('live again', async () => (await windowServers(env)).find((s) => s.identifier === target.identifier)?.isLive === true, 10_000);
      await input.press('Enter');
      await eventually(
        'the game answered',
        () => env.sim.control.consoleLines(target.identifier).some((l) => l.includes('[Server] during the outage')),
        10_000,
      );
    },
    120_000,
  );

  faultCase('a command Wings refuses with a jwt error goes through the panel instead', async () => {
    // A panel whose Wings pushes nothing for a minute: its sockets do not hear of a denylist.
    const quiet = await addPanel(env, 'Quiet panel', { seed: 21, statsIntervalMs: 60_000 });
    try {
      const target = quiet.sim.control.servers().find((s) => s.state === 'running')!;
      quiet.sim.control.expireTokens();
      const sent = await invoke(env.page, 'consoleSend', {
        server: { accountId: quiet.account.id, identifier: target.identifier },
        command: 'say refused once',
      });
      expect(sent.ok).toBe(true);
      // Wings answered `jwt error` and ran nothing; the app sent it by REST, and said so.
      await eventually(
        'delivered through the panel',
        () => quiet.sim.control.consoleLines(target.identifier).some((l) => l.includes('[Server] refused once')),
        10_000,
      );
      expect(quiet.sim.control.requestLog().filter((r) => r.route === 'POST /api/client/servers/:server/command')).toHaveLength(1);
      expect(quiet.sim.control.consoleLines(target.identifier).filter((l) => l.includes('[Server] refused once'))).toHaveLength(1);
    } finally {
      await invoke(env.page, 'accountsRemove', { accountId: quiet.account.id });
      await quiet.sim.close();
    }
  });

  for (const wings of ALL_SIM_VERSIONS) {
    faultCase(`a live server suspended by the panel (Wings ${wings})`, async () => {
      const panel = await addPanel(env, `Panel on ${wings}`, { seed: 31, version: wings });
      try {
        const notices = env.app.notifications().length;
        const target = panel.sim.control.servers().find((s) => s.state === 'running')!;
        const suspendedMs = Date.now();
        panel.sim.control.suspend(target.identifier);
        const header = `${target.name} — suspended by the panel: power actions are unavailable until it is unsuspended`;
        await env.app.waitFor(
          () => trayServer(env.app, target.name)?.label === `⊘ ${target.name}` && trayServer(env.app, target.name)?.submenu?.[0]?.label === header,
          { timeoutMs: 10_000, message: 'tray: suspended' },
        );
        expect(Date.now() - suspendedMs).toBeLessThan(10_000);
        const item = trayServer(env.app, target.name);
        expect(item?.submenu?.filter((i) => ['Start', 'Stop', 'Restart', 'Kill…'].includes(i.label)).every((i) => !i.enabled)).toBe(true);
        const view = (await windowServers(env)).find((s) => s.identifier === target.identifier);
        expect(view?.availability).toBe('suspended');
        // The row says so, and its power buttons are disabled with the reason.
        const row = serverRow(env.page, target.name);
        await eventually('row: suspended', async () => ((await row.textContent()) ?? '').includes('Suspended'), 5_000);
        const start = row.getByRole('button', { name: `Start ${target.name}`, exact: true });
        expect(await start.isDisabled()).toBe(true);
        expect(await start.getAttribute('title')).toBe('Suspended by the panel: power actions are unavailable until it is unsuspended.');
        if (wings === 'pterodactyl-1.11') {
          await openServer(env.page, target.name, 'Console');
          await env.page.getByText('This server is suspended', { exact: true }).waitFor({ timeout: 5_000 });
          expect(await env.page.getByRole('button', { name: `Start ${target.name}`, exact: true }).getAttribute('title')).toMatch(/^Suspended by the panel/);
          await shot(env.page, 'server-suspended-by-the-panel');
          await env.page.getByRole('button', { name: 'Back to servers' }).click();
        }
        await env.app.waitFor(() => noticesSince(env.app, notices).length > 0, { timeoutMs: 10_000, message: 'the suspension notice' });
        // One notice, worded so; no "went down" for the stop Wings made, no crash.
        expect(noticesSince(env.app, notices)).toEqual([`${target.name} was suspended by the panel`]);
      } finally {
        await invoke(env.page, 'accountsRemove', { accountId: panel.account.id });
        await panel.sim.close();
      }
    });
  }

  faultCase('a crash loop (three in ten minutes, each restarted) is said once as such', async () => {
    const loopy = await addPanel(env, 'Loopy panel', { seed: 41, crashTimeoutMs: 0 });
    try {
      const notices = env.app.notifications().length;
      const target = loopy.sim.control.servers().find((s) => s.state === 'running')!;
      const crashTitles = (): string[] => noticesSince(env.app, notices).filter((t) => !t.endsWith(' is up'));
      /** The app has seen the server running again after `sinceMs`: every signal of that crash is in. */
      const seenUpSince = async (sinceMs: number): Promise<boolean> => {
        const view = (await windowServers(env)).find((s) => s.identifier === target.identifier);
        return (
          loopy.sim.control.servers().find((s) => s.identifier === target.identifier)?.state === 'running' &&
          view?.state === 'running' &&
          (view.stateSeenAt ?? 0) > sinceMs
        );
      };
      for (let n = 1; n <= 4; n++) {
        const crashMs = Date.now();
        loopy.sim.control.crash(target.identifier);
        await eventually(`restarted and seen up (${n})`, () => seenUpSince(crashMs), 10_000);
        if (n <= 3) await env.app.waitFor(() => crashTitles().length >= n, { timeoutMs: 5_000, message: `crash notice ${n}` });
      }
      expect(crashTitles()).toEqual([`${target.name} crashed`, `${target.name} crashed`, `${target.name} keeps crashing`]);
    } finally {
      await invoke(env.page, 'accountsRemove', { accountId: loopy.account.id });
      await loopy.sim.close();
    }
  });

  faultCase('the first panel is untouched by all of it', async () => {
    await waitSettled(env);
    expect(trayMatchesPanel(env)).toBe(true);
    await expectAlive(env);
  });
});
