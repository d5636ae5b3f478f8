// One sim version (default, or SIM_VERSION's): settings and themes are the window's own.
/**
 * Settings and the light and dark looks in the real window: the settings page, the theme chosen
 * there (saved with the page's one Save, then applied), and a desktop in dark mode followed from the start.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, invoke, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { computedStyle, openServer, serverRows, shot as shotAs, waitForVisibleStates, watchConsole, type ConsoleWatch } from '../helpers/window-kit';
import type { Settings } from '../../../src/shared/types';

/** The window's background colour, as drawn. */
function background(page: Page): Promise<string> {
  return computedStyle(page.locator('body'), 'background-color');
}

/** True for a dark colour (rgb channels summed under half of white). */
function isDark(colour: string): boolean {
  const [r, g, b] = (colour.match(/\d+/g) ?? []).map(Number);
  return r! + g! + b! < (3 * 255) / 2;
}

// A few seconds each, and the General options differ per desktop: on all three.
describe.skipIf(!hasSecretService).each(['linux', 'darwin', 'win32'] as const)('settings and the theme on %s', (platform) => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  const shot = (page: Page, name: string) => shotAs(page, platform === 'linux' ? name : `${name}-${platform}`);

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 8 }, launch: { platform } });
    watch = watchConsole(env.page, env.app);
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  it('shows the panel, the notification rules and the general options', async () => {
    await env.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await env.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const panel = env.page.getByRole('listitem', { name: 'Test panel' });
    await panel.waitFor();
    expect(await panel.innerText()).toContain(env.sim.url);
    await expect.poll(() => panel.innerText(), { timeout: 15_000 }).toMatch(/Connected/);
    expect(await panel.innerText()).toMatch(/Signed in as \S+ · Key in the system keychain/);
    expect(await env.page.getByRole('radio', { name: 'Follow the system' }).isChecked()).toBe(true);
    expect(isDark(await background(env.page))).toBe(false);
    // From npm start only Windows can register the app (electron.exe with the app's path).
    const loginItem = env.page.getByRole('checkbox', { name: 'Open Pterotray when I log in' });
    const note = env.page.getByText('Available in the installed app', { exact: false });
    if (platform === 'win32') {
      expect(await loginItem.isDisabled()).toBe(false);
      expect(await note.count()).toBe(0);
    } else {
      await note.waitFor();
      expect(await loginItem.isDisabled()).toBe(true);
    }
    await shot(env.page, 'settings');
  });

  it('switches to the dark theme on Save, and main keeps the choice', async () => {
    // ── notices (issue 15) ── one Save for the whole page: the theme waits for it like every other field.
    await env.page.getByRole('radio', { name: 'Dark' }).check();
    expect(await env.page.locator('html').getAttribute('data-theme')).not.toBe('dark');
    await env.page.getByRole('form', { name: 'Save settings' }).getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => env.page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(isDark(await background(env.page))).toBe(true);
    await expect.poll(async () => invoke<Settings>(env.page, 'settingsGet')).toMatchObject({ ok: true, value: { theme: 'dark' } });
    await env.page.getByRole('radio', { name: 'Dark' }).scrollIntoViewIfNeeded();
    await shot(env.page, 'settings-dark');
  });

  it('draws the dashboard and a server in dark mode', async () => {
    await env.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Servers' }).click();
    await serverRows(env.page).first().waitFor();
    await waitForVisibleStates(env.page);
    await shot(env.page, 'dashboard-dark');
    const server = env.sim.control.servers()[0]!;
    await openServer(env.page, server.name, 'Console');
    await expect.poll(() => env.page.locator('.xterm-rows').innerText(), { timeout: 15_000 }).toContain('Done (');
    // The terminal follows the theme: a dark background behind light text.
    const terminal = await computedStyle(env.page.locator('.xterm-viewport'), 'background-color');
    expect(isDark(terminal)).toBe(true);
    await shot(env.page, 'console-dark');
  });

  it('follows a dark desktop from the first frame when the theme is "system"', async () => {
    await env.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await env.page.getByRole('radio', { name: 'Follow the system' }).check();
    await env.page.getByRole('form', { name: 'Save settings' }).getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => background(env.page).then(isDark)).toBe(false);
    await env.app.setSystemDarkMode(true);
    await expect.poll(() => background(env.page).then(isDark)).toBe(true);
    await env.app.setSystemDarkMode(false);
    await expect.poll(() => background(env.page).then(isDark)).toBe(false);
  });

  it('printed no CSP violation and no error', () => {
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
