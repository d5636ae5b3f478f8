/**
 * A server's tabs follow what the key may do on it (issue 13): the owner sees every page of the
 * panel, a subuser only the pages its permissions let it read, as the panel's own navigation
 * does; Ctrl+1..9 and the arrows move over the tabs shown, and a page of the view stays selected
 * while the person stays on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

const ALL = [
  'Console',
  'Files',
  'Stats',
  'Backups',
  'Schedules',
  'Databases',
  'Users',
  'Network',
  'Startup',
  'Activity',
  'Timeline',
  'Settings',
  'Notifications',
];

describe.skipIf(!hasSecretService)("a server's tabs", () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 2 } });
    watch = watchConsole(env.page, env.app);
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  const tabNames = async (): Promise<string[]> => (await env.page.getByRole('tab').allTextContents()).map((t) => t.trim());

  it('shows the owner every page of the panel, and the keyboard moves over them', async () => {
    const server = env.sim.control.servers()[0]!;
    await openServer(env.page, server.name);
    await env.page.getByRole('tab', { name: 'Backups', exact: true }).waitFor();
    expect(await tabNames()).toEqual(ALL);
    await shot(env.page, 'server-tabs-owner');

    await env.page.keyboard.press('Control+4');
    await env.page.getByRole('tab', { name: 'Backups', selected: true }).waitFor();
    await env.page.keyboard.press('Control+9');
    await env.page.getByRole('tab', { name: 'Startup', selected: true }).waitFor();
    // The arrows work on the tab strip itself (WAI-ARIA tabs): the selected tab has the focus there.
    await env.page.getByRole('tab', { name: 'Startup', selected: true }).focus();
    await env.page.keyboard.press('ArrowRight');
    await env.page.getByRole('tab', { name: 'Activity', selected: true }).waitFor();
    await expect.poll(() => env.page.locator('[role="tab"]:focus').textContent()).toBe('Activity');
    // The panel page is the view's own: it goes when a routed tab is chosen.
    await env.page.keyboard.press('Control+1');
    await env.page.getByRole('tab', { name: 'Console', selected: true }).waitFor();
  });

  it('shows a subuser only the pages its permissions let it read', async () => {
    const server = env.sim.control.servers()[1]!;
    env.sim.control.setPermissions(server.identifier, ['websocket.connect', 'control.console', 'backup.read', 'activity.read']);
    await env.page.getByRole('button', { name: 'Back to servers' }).click();
    await openServer(env.page, server.name);
    await env.page.getByRole('tab', { name: 'Backups', exact: true }).waitFor();
    expect(await tabNames()).toEqual(['Console', 'Files', 'Stats', 'Backups', 'Activity', 'Timeline', 'Settings', 'Notifications']);
    await env.page.keyboard.press('Control+5');
    await env.page.getByRole('tab', { name: 'Activity', selected: true }).waitFor();
    await shot(env.page, 'server-tabs-subuser');
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
