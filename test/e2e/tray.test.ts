/**
 * The tray app end to end: the real built main, preload and renderer on the Electron double,
 * against the simulated panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PowerState } from '../../src/core/api/models';
import { screenshot, serverItem, startAppOnSim, trayItems, type AppOnSim } from './helpers/app-on-sim';
import { simVersions } from '../helpers/sim-versions';

const MARK: Record<PowerState, string> = { running: '●', starting: '◐', stopping: '◑', offline: '○' };

// Cheap (a few seconds each), so on every desktop the double plays and against every panel
// release; the click rules per platform are in desktop.test.ts.
const PLATFORMS = ['linux', 'darwin', 'win32'] as const;
const CASES = PLATFORMS.flatMap((platform) => simVersions().map((version) => ({ platform, version })));

describe.each(CASES)('the tray on $platform, panel $version', ({ platform, version }) => {
  let env: AppOnSim;

  beforeAll(async () => {
    // A signed macOS build: an unsigned one gets no notifications at all (notifications.test.ts).
    env = await startAppOnSim({ sim: { version }, launch: { platform, signed: true } });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('lists every server of the panel with its state', async () => {
    const servers = env.sim.control.servers();
    await env.app.waitFor(() => servers.every((s) => serverItem(env.app, s.name)?.label === `${MARK[s.state]} ${s.name}`), {
      timeoutMs: 20_000,
      message: 'tray shows every server with its state',
    });
    const labels = trayItems(env.app).map((i) => i.label);
    expect(labels[0]).toBe('Test panel');
    expect(labels).toContain('Refresh now');
    expect(env.app.tray()?.tooltip).toMatch(new RegExp(`of ${servers.length} servers running`));
  });

  it('starts a server from the tray, and the mark follows the panel', async () => {
    const offline = env.sim.control.servers().find((s) => s.state === 'offline');
    if (!offline) throw new Error('the seeded panel has no offline server');
    const item = serverItem(env.app, offline.name);
    const stop = item?.submenu?.find((i) => i.label === 'Stop');
    expect(stop?.enabled).toBe(false);
    await env.app.clickMenu([`○ ${offline.name}`, 'Start']);
    await env.app.waitFor(() => serverItem(env.app, offline.name)?.label === `● ${offline.name}`, { timeoutMs: 15_000, message: 'server shown running' });
    expect(env.sim.control.servers().find((s) => s.identifier === offline.identifier)?.state).toBe('running');
    // Through the websocket's `set state` when followed live, else REST /power: either way no request storm.
    expect(env.sim.control.requestCount(/power/)).toBeLessThanOrEqual(1);
  });

  it('announces a crash made on the panel exactly once, and says Wings restarted it', async () => {
    const running = env.sim.control.servers().find((s) => s.state === 'running');
    if (!running) throw new Error('no running server to crash');
    const titled = (title: string) => env.app.notifications().filter((n) => n.title === title);
    expect(titled(`${running.name} crashed`)).toHaveLength(0);
    env.sim.control.crash(running.identifier);
    await env.app.waitFor(() => titled(`${running.name} crashed`).length > 0, { timeoutMs: 15_000, message: 'crash notification' });
    expect(titled(`${running.name} crashed`)[0]?.body).toBe('Wings is restarting it. Open the console to see why it stopped.');
    await env.app.waitFor(() => serverItem(env.app, running.name)?.label === `⚠ ${running.name}`, { timeoutMs: 15_000, message: 'crash mark' });
    // Wings restarts it once (server/crash.go); the app hears it up again, after every signal
    // of the crash (offline, banner, restart): still one crash notice, and no "went down". (A
    // duplicate waiting on the crash's settle timer instead is checked on compressed time, in
    // integration/monitor/monitor-sim.test.ts.)
    await env.app.waitFor(() => titled(`${running.name} is up`).length > 0, { timeoutMs: 15_000, message: 'back up after the restart' });
    expect(env.sim.control.servers().find((s) => s.identifier === running.identifier)?.state).toBe('running');
    expect(titled(`${running.name} crashed`)).toHaveLength(1);
    // Worded otherwise, a second notice of this crash would be a "crashed again" or "keeps crashing".
    const crashNotices = env.app.notifications().filter((n) => n.title.startsWith(`${running.name} `) && /crash/.test(n.title));
    expect(crashNotices).toHaveLength(1);
    expect(titled(`${running.name} went down`)).toHaveLength(0);
  });

  it('opens the crash’s incident in the window when the crash notification is clicked', async () => {
    const notice = env.app.notifications().find((n) => n.title.endsWith('crashed'));
    expect(notice).toBeDefined();
    await env.app.clickNotification((n) => n.index === notice!.index);
    // ── incidents (issue 14) ── the click lands on the incident (its title is the notice's).
    await env.page.getByRole('region', { name: notice!.title, exact: true }).waitFor({ timeout: 10_000 });
    expect(env.app.windows()[0]?.visible).toBe(true);
    await screenshot(env.page, `tray-notification-opens-console-${platform}-${version}`);
  });
});
