// One sim version (default, or SIM_VERSION's): the list, search and keyboard are the window's; the releases' server shapes are checked by the integration suites.
/**
 * The dashboard with a hundred servers: every one listed, the search narrowing the list, the
 * keyboard opening a server, and a power action that the panel carries out and the badge follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { serverRow, serverRows, shot, waitForVisibleStates, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

const SERVERS = 100;

describe.skipIf(!hasSecretService)('the dashboard with 100 servers', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: SERVERS } });
    watch = watchConsole(env.page, env.app);
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  it('lists every server of the panel, in one scrollable list', async () => {
    const expected = env.sim.control.servers().map((s) => s.name);
    await expect.poll(() => serverRows(env.page).count(), { timeout: 20_000 }).toBe(SERVERS);
    const shown = await serverRows(env.page).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));
    expect(shown.sort()).toEqual([...expected].sort());
    await expect.poll(() => env.page.getByRole('status').filter({ hasText: 'servers' }).innerText()).toBe(`${SERVERS} servers`);
    // The last server can be scrolled to and is drawn there.
    const last = serverRow(env.page, expected.at(-1)!);
    await last.scrollIntoViewIfNeeded();
    expect(await last.isVisible()).toBe(true);
    await env.page.locator('.body').evaluate((el) => el.scrollTo(0, 0));
    await waitForVisibleStates(env.page, 30_000);
    // At the window's default size no figure and no address is cut short with an ellipsis.
    const clipped = await serverRows(env.page)
      .locator('[data-col="memory"] *, [data-col="disk"] *, [data-col="cpu"] *, [data-col="node"] *')
      .evaluateAll((cells) =>
        cells.filter((el) => el.children.length === 0 && el.scrollWidth > el.clientWidth + 1 && el.textContent?.trim()).map((el) => el.textContent),
      );
    expect(clipped).toEqual([]);
    await shot(env.page, 'dashboard-100-servers');
  });

  it('narrows the list as the search is typed, and Escape clears it', async () => {
    const servers = env.sim.control.servers();
    const query = 'valheim';
    const matching = servers.filter((s) => s.name.toLowerCase().includes(query));
    expect(matching.length).toBeGreaterThan(1);
    expect(matching.length).toBeLessThan(SERVERS);
    const search = env.page.getByRole('searchbox', { name: 'Search servers' });
    await search.fill(query);
    await expect.poll(() => serverRows(env.page).count()).toBe(matching.length);
    const shown = await serverRows(env.page).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));
    expect(shown.sort()).toEqual(matching.map((s) => s.name).sort());
    expect(await env.page.getByText(`${matching.length} of ${SERVERS} servers`).isVisible()).toBe(true);
    await shot(env.page, 'dashboard-search');
    // An identifier finds exactly its server.
    const target = servers[42]!;
    await search.fill(target.identifier);
    await expect.poll(() => serverRows(env.page).count()).toBe(1);
    expect(await serverRows(env.page).first().getAttribute('aria-label')).toBe(target.name);
    await search.press('Escape');
    await expect.poll(() => serverRows(env.page).count()).toBe(SERVERS);
  });

  it('opens a server from the keyboard: Tab to the list, ↓, Enter', async () => {
    const rows = await serverRows(env.page).evaluateAll((all) => all.map((row) => row.getAttribute('aria-label')));
    await env.page.getByRole('searchbox', { name: 'Search servers' }).focus();
    const focusedRow = async (): Promise<string | null> => {
      const row = env.page.locator('[role="row"]:focus');
      return (await row.count()) === 1 ? row.getAttribute('aria-label') : null;
    };
    // Past the filter, the grouping, Refresh and the six column headers (issue 15).
    for (let presses = 0; presses < 12 && (await focusedRow()) === null; presses++) await env.page.keyboard.press('Tab');
    // The list is one tab stop, on its first row.
    expect(await focusedRow()).toBe(rows[0]);
    await env.page.keyboard.press('ArrowDown');
    await env.page.keyboard.press('ArrowDown');
    expect(await focusedRow()).toBe(rows[2]);
    await env.page.keyboard.press('Enter');
    await env.page.getByRole('heading', { level: 1, name: rows[2]!, exact: true }).waitFor();
    expect(await env.page.getByRole('tab', { name: 'Console', selected: true }).isVisible()).toBe(true);
    await env.page.getByRole('button', { name: 'Back to servers' }).click();
    await serverRows(env.page).first().waitFor();
  });

  it('starts an offline server from its row; the panel runs it and the badge follows', async () => {
    const offline = env.sim.control.servers().find((s, i) => s.state === 'offline' && i < 8);
    if (!offline) throw new Error('no offline server near the top');
    const row = serverRow(env.page, offline.name);
    await expect.poll(() => row.getByRole('gridcell').nth(1).innerText(), { timeout: 20_000 }).toBe('Offline');
    expect(await row.getByRole('button', { name: `Stop ${offline.name}`, exact: true }).isDisabled()).toBe(true);
    await row.getByRole('button', { name: `Start ${offline.name}`, exact: true }).click();
    await expect.poll(() => env.sim.control.servers().find((s) => s.identifier === offline.identifier)?.state, { timeout: 10_000 }).toMatch(/starting|running/);
    await expect.poll(() => row.getByRole('gridcell').nth(1).innerText(), { timeout: 15_000 }).toBe('Running');
    expect(env.sim.control.servers().find((s) => s.identifier === offline.identifier)?.state).toBe('running');
    await expect.poll(() => row.getByRole('button', { name: `Stop ${offline.name}`, exact: true }).isEnabled()).toBe(true);
    await shot(env.page, 'dashboard-power-started');
  });

  it('printed no CSP violation and no error', () => {
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
