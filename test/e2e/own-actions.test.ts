/**
 * Notices for what the person did (issue 15, item 5), on the double against the sim: a Restart from
 * the tray gives one "… restarted" notice, none with the setting off, and never "It was stopping.";
 * a crash nobody asked for is still worded as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MenuNode } from '../electron-double/launch';
import { hasSecretService, invoke, screenshot, startAppOnSim, type AppOnSim } from './helpers/app-on-sim';

let env: AppOnSim | undefined;

afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** The labels leading to a server's submenu, wherever the tray puts it (flat, per panel, split). */
function pathTo(items: readonly MenuNode[], name: string): string[] | null {
  for (const item of items) {
    if (item.type !== 'submenu') continue;
    if (item.label.slice(2) === name && item.submenu?.some((i) => i.label === 'Restart')) return [item.label];
    const inner = pathTo(item.submenu ?? [], name);
    if (inner) return [item.label, ...inner];
  }
  return null;
}

async function runningServer(app: AppOnSim, skip: string[] = []): Promise<{ identifier: string; name: string }> {
  const server = await app.app.waitFor(() => app.sim.control.servers().find((s) => s.state === 'running' && !skip.includes(s.identifier)), {
    timeoutMs: 15_000,
    message: 'a running server',
  });
  // The app follows it live (the tray marks it running) before anything is asked.
  await app.app.waitFor(
    () =>
      pathTo(app.app.tray()?.menu ?? [], server.name)
        ?.at(-1)
        ?.startsWith('●'),
    { timeoutMs: 20_000, message: 'tray shows it running' },
  );
  return server;
}

async function restartFromTray(app: AppOnSim, server: { identifier: string; name: string }): Promise<void> {
  const path = pathTo(app.app.tray()?.menu ?? [], server.name);
  if (!path) throw new Error(`${server.name} is not in the tray`);
  await app.app.clickMenu([...path, 'Restart']);
  // The tray follows Wings' restart: it leaves running, then is running again.
  let hasLeftRunning = false;
  await app.app.waitFor(
    () => {
      const mark = pathTo(app.app.tray()?.menu ?? [], server.name)?.at(-1) ?? '';
      if (!mark.startsWith('●')) hasLeftRunning = true;
      return hasLeftRunning && mark.startsWith('●');
    },
    { timeoutMs: 20_000, message: 'the tray shows it restarted' },
  );
}

const about = (app: AppOnSim, name: string) => app.app.notifications().filter((n) => n.title.startsWith(`${name} `));

if (!hasSecretService) console.warn('own-actions e2e: SKIPPED, no private Secret Service (run under test/keychain/with-secret-service.sh)');

describe.skipIf(!hasSecretService)('notices for what the person did', () => {
  it('a Restart from the tray gives one "… restarted" notice, never "It was stopping."', async () => {
    env = await startAppOnSim({ until: 'dashboard' });
    const server = await runningServer(env);
    await restartFromTray(env, server);
    const confirmed = await env.app.waitFor(() => about(env!, server.name).find((n) => n.title === `${server.name} restarted`), {
      timeoutMs: 20_000,
      message: `a "restarted" notice (have: ${about(env, server.name).map((n) => n.title)})`,
    });
    expect(confirmed.body).toContain('Settings');
    // A crash elsewhere, after it: its notice is worded as before, and it marks that all is told.
    const other = await runningServer(env, [server.identifier]);
    env.sim.control.crash(other.identifier);
    const crash = await env.app.waitFor(() => about(env!, other.name).find((n) => n.title === `${other.name} crashed`), {
      timeoutMs: 15_000,
      message: 'crash notice',
    });
    expect(crash.body).toBe('Wings is restarting it. Open the console to see why it stopped.');
    expect(about(env, server.name).map((n) => n.title)).toEqual([`${server.name} restarted`]);
    expect(env.app.notifications().map((n) => n.body)).not.toContainEqual(expect.stringMatching(/^It was /));
    await env.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await env.page.getByRole('checkbox', { name: /Confirm a power action asked from the tray/ }).waitFor();
    await screenshot(env.page, 'own-actions-setting');
  });

  it('with the setting off, a Restart from the tray is quiet', async () => {
    env = await startAppOnSim({ until: 'dashboard' });
    const settings = await invoke<{ notifications: Record<string, unknown> }>(env.page, 'settingsGet');
    if (!settings.ok) throw new Error('settings:get failed');
    const updated = await invoke(env.page, 'settingsUpdate', { notifications: { ...settings.value.notifications, confirmOwnActions: false } });
    expect(updated.ok).toBe(true);
    const server = await runningServer(env);
    await restartFromTray(env, server);
    const other = await runningServer(env, [server.identifier]);
    env.sim.control.crash(other.identifier);
    await env.app.waitFor(() => about(env!, other.name).some((n) => n.title === `${other.name} crashed`), { timeoutMs: 15_000, message: 'crash notice' });
    expect(about(env, server.name)).toEqual([]);
  });
});
