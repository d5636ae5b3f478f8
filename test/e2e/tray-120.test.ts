/**
 * Issue 15, item 1: the tray at 120 servers from the sim, on the double. The menu leads with what
 * needs attention, then favourites (pinned from the menu), then the panel as a submenu split into
 * name ranges so no level holds more than about 25 entries; the rest is found with the quick-open
 * search, reached from the tray and from its global shortcut.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MenuNode } from '../electron-double/launch';
import { DEFAULT_QUICK_OPEN_SHORTCUT } from '../../src/shared/accelerator';
import type { Settings } from '../../src/shared/types';
import { invoke, screenshot, serverItem, serverMenuPath, startAppOnSim, trayItems, type AppOnSim } from './helpers/app-on-sim';
import { screenshotMenu } from './helpers/menu-picture';

const COUNT = 120;
const isServerEntry = (item: MenuNode): boolean => (item.submenu ?? []).some((i) => i.label === 'Open console');
const entries = (items: readonly MenuNode[]): MenuNode[] => items.filter((i) => i.type !== 'separator');

/** The most entries of a level that lists servers or name ranges (a server's actions aside). */
function widestLevel(items: readonly MenuNode[]): number {
  const below = items.filter((i) => i.submenu && !isServerEntry(i)).map((i) => widestLevel(i.submenu ?? []));
  return Math.max(entries(items).length, ...below);
}

/** The server entries under `items`, at any depth. */
function serverEntries(items: readonly MenuNode[]): MenuNode[] {
  return items.flatMap((i) => (isServerEntry(i) ? [i] : serverEntries(i.submenu ?? [])));
}

describe('the tray at 120 servers', () => {
  let env: AppOnSim;
  const panel = () => trayItems(env.app).find((i) => /^Test panel \(\d+ of 120 running\)$/.test(i.label));

  beforeAll(async () => {
    env = await startAppOnSim({ sim: { servers: COUNT, seed: 15 }, pageTimeoutMs: 15_000 });
    await env.app.waitFor(() => panel() && serverEntries(panel()?.submenu ?? []).length === COUNT, { timeoutMs: 30_000, message: 'the panel’s 120 servers' });
  }, 60_000);

  afterAll(async () => {
    await env?.close();
  });

  it('shows the panel as a submenu of five name ranges, no level over 25 entries, every server once', async () => {
    const top = trayItems(env.app);
    expect(entries(top).length).toBeLessThanOrEqual(25);
    expect(widestLevel(top)).toBeLessThanOrEqual(25);
    const ranges = panel()!.submenu ?? [];
    expect(ranges.map((r) => r.label.replace(/^.* \((\d+)\)$/, '$1'))).toEqual(['24', '24', '24', '24', '24']);
    const names = serverEntries(ranges).map((i) => i.label.slice(2));
    expect([...names].sort()).toEqual(
      env.sim.control
        .servers()
        .map((s) => s.name)
        .sort(),
    );
    expect(top.map((i) => i.label)).toContain('Find a server…');
    expect(top.find((i) => i.label === 'Find a server…')?.accelerator).toBe(DEFAULT_QUICK_OPEN_SHORTCUT);
    await screenshotMenu(top, [panel()!.label, ranges[1]!.label], 'tray-120-panel-ranges');
  });

  it('puts a crashed server first, under "Needs attention"', async () => {
    const running = env.sim.control.servers().find((s) => s.state === 'running');
    if (!running) throw new Error('no running server to crash');
    env.sim.control.crash(running.identifier);
    await env.app.waitFor(() => trayItems(env.app)[0]?.label === 'Needs attention (1)' && trayItems(env.app)[1]?.label === `⚠ ${running.name}`, {
      timeoutMs: 20_000,
      message: 'the crash leads the menu',
    });
    // Still in its panel too, with the same mark.
    expect(serverEntries(panel()?.submenu ?? []).find((i) => i.label.slice(2) === running.name)?.label).toBe(`⚠ ${running.name}`);
    await screenshotMenu(trayItems(env.app), [], 'tray-120-attention');
  });

  it('pins a favourite from the menu, and unpins it from its Favourites entry', async () => {
    const server = env.sim.control.servers().at(-7)!;
    const path = serverMenuPath(env.app, server.name)!;
    expect(path[0]).toBe(panel()!.label); // found through its panel and range, not in the top level
    await env.app.clickMenu([...path, 'Pin to favourites']);
    await env.app.waitFor(() => trayItems(env.app).some((i) => i.label === 'Favourites (1)'), { timeoutMs: 10_000, message: 'a Favourites header' });
    const top = trayItems(env.app);
    const header = top.findIndex((i) => i.label === 'Favourites (1)');
    expect(top[header + 1]?.label.slice(2)).toBe(server.name);
    const settings = await invoke<Settings>(env.page, 'settingsGet');
    if (!settings.ok) throw new Error(settings.error.message);
    expect(settings.value.favourites).toEqual([`${env.account.id}/${server.identifier}`]);
    // The window's star says the same (the dashboard reads the same settings).
    await screenshotMenu(top, [top[header + 1]!.label], 'tray-120-favourite');
    await env.app.clickMenu([top[header + 1]!.label, 'Unpin from favourites']);
    await env.app.waitFor(() => !trayItems(env.app).some((i) => i.label.startsWith('Favourites')), { timeoutMs: 10_000, message: 'Favourites gone' });
    expect(serverItem(env.app, server.name)?.submenu?.some((i) => i.label === 'Pin to favourites')).toBe(true);
  });

  it('finds a server with the quick-open search from the tray, and opens its console', async () => {
    const target = env.sim.control.servers().at(-3)!;
    await env.app.clickMenu(['Find a server…']);
    const search = env.page.getByRole('combobox', { name: 'Server name, identifier, node or panel' });
    await search.waitFor();
    await expect.poll(() => search.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await search.fill(target.name);
    const first = env.page.getByRole('dialog', { name: 'Find a server' }).getByRole('option').first();
    await expect.poll(() => first.textContent()).toContain(target.name);
    expect(await first.getAttribute('aria-selected')).toBe('true');
    await screenshot(env.page, 'tray-120-quick-open');
    await search.press('Enter');
    await env.page.getByRole('dialog', { name: 'Find a server' }).waitFor({ state: 'detached' });
    await env.page.getByRole('heading', { name: target.name }).first().waitFor();
    await screenshot(env.page, 'tray-120-quick-open-console');
  });

  it('opens the search with the global shortcut while the window is hidden, follows a new shortcut, and closes on Escape', async () => {
    await env.app.waitFor((s) => s.globalShortcuts.includes(DEFAULT_QUICK_OPEN_SHORTCUT), { message: 'the default shortcut registered' });
    await env.app.closeWindow();
    await env.app.waitFor((s) => s.windows[0]?.visible === false, { timeoutMs: 5_000, message: 'window hidden' });
    expect(await env.app.pressGlobalShortcut(DEFAULT_QUICK_OPEN_SHORTCUT)).toBe(true);
    await env.app.waitFor((s) => s.windows[0]?.visible === true, { timeoutMs: 5_000, message: 'window shown by the shortcut' });
    const search = env.page.getByRole('combobox', { name: 'Server name, identifier, node or panel' });
    await search.waitFor();
    // A word of a name in any case, and several words, each narrowing.
    await search.fill('SURVIVAL');
    const options = env.page.getByRole('dialog', { name: 'Find a server' }).getByRole('option');
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    for (const text of await options.allTextContents()) expect(text.toLowerCase()).toContain('survival');
    await search.press('Escape');
    await env.page.getByRole('dialog', { name: 'Find a server' }).waitFor({ state: 'detached' });

    const changed = await invoke<Settings>(env.page, 'settingsUpdate', { quickOpenShortcut: 'Super+Shift+F' });
    expect(changed.ok).toBe(true);
    await env.app.waitFor((s) => s.globalShortcuts.join() === 'Super+Shift+F', { message: 'the new shortcut in place of the old' });
    await env.app.waitFor(() => trayItems(env.app).find((i) => i.label === 'Find a server…')?.accelerator === 'Super+Shift+F', {
      message: 'the menu shows it',
    });
    expect(await env.app.pressGlobalShortcut(DEFAULT_QUICK_OPEN_SHORTCUT)).toBe(false);
    const refused = await invoke(env.page, 'settingsUpdate', { quickOpenShortcut: 'F' });
    expect(refused.ok).toBe(false);
  });
});

describe('a quick-open shortcut another application holds', () => {
  let env: AppOnSim;

  beforeAll(async () => {
    env = await startAppOnSim({ launch: { env: { PTEROTRAY_DOUBLE_TAKEN_SHORTCUTS: DEFAULT_QUICK_OPEN_SHORTCUT, PTEROTRAY_QUIET: '0' } } });
    await env.app.waitFor(() => trayItems(env.app).some((i) => i.label === 'Find a server…'), { timeoutMs: 20_000, message: 'the tray drawn' });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('is not shown beside "Find a server…" (it would do nothing), is logged, and the menu item still works', async () => {
    expect(env.app.snapshot().globalShortcuts).toEqual([]);
    expect(trayItems(env.app).find((i) => i.label === 'Find a server…')?.accelerator).toBeUndefined();
    expect(await env.app.pressGlobalShortcut(DEFAULT_QUICK_OPEN_SHORTCUT)).toBe(false);
    expect(env.app.logs().some((l) => /global shortcut is taken by another application/.test(l.text))).toBe(true);
    // A free one chosen instead takes effect at once.
    expect((await invoke(env.page, 'settingsUpdate', { quickOpenShortcut: 'Super+Alt+F' })).ok).toBe(true);
    await env.app.waitFor((s) => s.globalShortcuts.join() === 'Super+Alt+F', { message: 'the free shortcut registered' });
    await env.app.clickMenu(['Find a server…']);
    await env.page.getByRole('dialog', { name: 'Find a server' }).waitFor();
  });
});
