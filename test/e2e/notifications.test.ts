// One sim version (default, or SIM_VERSION's): what differs here is the desktop, not the panel; every release's crash reaches the tray in tray.test.ts.
/**
 * Notifications as users get them on each desktop, end to end (the built app on the double
 * playing linux, win32 and darwin, against the simulated panel): a crash is announced and a click
 * lands on its incident in the timeline (issue 14), which leads on to the console; on Windows the toast times out into Action Center and a click there still
 * opens it; on macOS an unsigned build is refused every notification, and the app says so in the
 * tray tooltip, a dismissable banner and Settings → Notifications.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationRecord } from '../electron-double/launch';
import { hasSecretService, screenshot, serverItem, startAppOnSim, type AppOnSim } from './helpers/app-on-sim';

const BLOCKED = 'Notifications are blocked by the system';

let env: AppOnSim | undefined;

afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** Crashes a running server on the panel; resolves with its name and the notice it raised. */
async function crashOne(app: AppOnSim): Promise<{ name: string; notice: NotificationRecord }> {
  const running = await app.app.waitFor(() => app.sim.control.servers().find((s) => s.state === 'running'), { timeoutMs: 15_000, message: 'a running server' });
  // As the tray spec does: crash only once the app follows every server (its mark in the tray).
  await app.app.waitFor(() => serverItem(app.app, running.name)?.label === `● ${running.name}`, { timeoutMs: 20_000, message: 'the tray shows it running' });
  app.sim.control.crash(running.identifier);
  const notice = await app.app.waitFor(() => app.app.notifications().find((n) => n.title === `${running.name} crashed`), {
    timeoutMs: 15_000,
    message: `crash notice (have: ${app.app
      .notifications()
      .map((n) => n.title)
      .join(', ')})`,
  });
  return { name: running.name, notice };
}

/** The app's log file (PTEROTRAY_QUIET keeps it off stderr). */
function appLog(app: AppOnSim): string {
  const file = readdirSync(app.app.home, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('pterotray.log'));
  return file ? readFileSync(join(app.app.home, file), 'utf8') : '';
}

/** The crash of `name` is open in the timeline (the window started on the dashboard), and leads to its console. */
async function showsServer(app: AppOnSim, name: string): Promise<void> {
  const incident = app.page.getByRole('region', { name: `${name} crashed`, exact: true });
  await incident.waitFor({ timeout: 10_000 });
  await app.app.waitFor(() => app.app.windows()[0]?.visible, { message: 'window shown' });
  await incident.getByRole('button', { name: 'Open console' }).click();
  await app.page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ timeout: 10_000 });
  await app.page.getByRole('tab', { name: 'Console', exact: true, selected: true }).waitFor({ timeout: 10_000 });
}

if (!hasSecretService) console.warn('notifications e2e: SKIPPED, no private Secret Service (run under test/keychain/with-secret-service.sh)');

describe.skipIf(!hasSecretService).each(['linux', 'win32', 'darwin'] as const)('notifications on %s', (platform) => {
  it('announce a crash, and a click on the notification opens its incident, then the server', async () => {
    // macOS: a signed build (an unsigned one is refused, below).
    env = await startAppOnSim({ until: 'dashboard', launch: { platform, signed: true } });
    const { name, notice } = await crashOne(env);
    await env.app.waitFor(() => env!.app.notifications()[notice.index]?.events.includes('show'), { message: 'shown' });
    await env.app.clickNotification(notice.index);
    await showsServer(env, name);
    expect(env.app.tray()?.tooltip).not.toContain(BLOCKED);
    await screenshot(env.page, `notifications-${platform}-click`);
  });
});

describe.skipIf(!hasSecretService)('Windows Action Center', () => {
  it('a toast that timed out is clicked from Action Center and opens its incident, then the server', async () => {
    env = await startAppOnSim({ until: 'dashboard', launch: { platform: 'win32' } });
    const { name, notice } = await crashOne(env);
    await env.app.waitFor(() => env!.app.notifications()[notice.index]?.events.includes('show'), { message: 'shown' });
    await env.app.expireNotification(notice.index);
    const inCenter = await env.app.waitFor(
      () => env!.app.notifications()[notice.index]?.state === 'in-action-center' && env!.app.notifications()[notice.index],
    );
    expect(inCenter.events).toEqual(['show', 'close']);
    expect(inCenter.launchArguments).toMatch(/^pterotray-notice=\d+$/);
    await env.app.clickNotification(notice.index);
    await showsServer(env, name);
    // It arrived through Notification.handleActivation (Electron emits no 'click' from Action Center).
    expect(env.app.notifications()[notice.index]?.events).toEqual(['show', 'close', 'activation']);
    await screenshot(env.page, 'notifications-win32-action-center');
  });
});

describe.skipIf(!hasSecretService)('when the system refuses notifications', () => {
  it('macOS, unsigned build: the tray tooltip, a dismissable banner and Settings say so, with what to do', async () => {
    env = await startAppOnSim({ until: 'dashboard', launch: { platform: 'darwin' } });
    const { notice } = await crashOne(env);
    await env.app.waitFor(() => env!.app.notifications()[notice.index]?.state === 'failed', { message: 'refused' });
    await env.app.waitFor(() => env!.app.tray()?.tooltip.endsWith(`· ${BLOCKED}`), { timeoutMs: 10_000, message: 'tooltip says blocked' });
    const banner = env.page.getByRole('alert', { name: 'Notifications blocked' });
    await banner.waitFor({ timeout: 10_000 });
    await expect.poll(() => banner.textContent()).toContain('System Settings → Notifications');
    expect(await banner.textContent()).toContain('Notifications are not allowed for this application');
    await screenshot(env.page, 'notifications-darwin-blocked-banner');
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await banner.waitFor({ state: 'detached', timeout: 5_000 });
    await env.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const notice2 = env.page.getByRole('region', { name: 'Notifications' }).getByRole('alert');
    await notice2.waitFor({ timeout: 10_000 });
    expect(await notice2.textContent()).toContain('signed');
    await screenshot(env.page, 'notifications-darwin-blocked-settings');
    // Logged once, however many are refused.
    const log = appLog(env);
    expect(log.split('\n').filter((line) => line.includes('the system refuses them'))).toHaveLength(1);
    expect(log).toContain('Notifications are not allowed for this application');
  });

  it('Linux with no notification daemon: blocked, with the Linux advice', async () => {
    env = await startAppOnSim({ until: 'dashboard', launch: { platform: 'linux', failNotifications: true } });
    await crashOne(env);
    await env.app.waitFor(() => env!.app.tray()?.tooltip.endsWith(`· ${BLOCKED}`), { timeoutMs: 10_000, message: 'tooltip says blocked' });
    const banner = env.page.getByRole('alert', { name: 'Notifications blocked' });
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toContain('notification daemon');
  });
});
