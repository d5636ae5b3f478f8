/**
 * The incident timeline end to end (issue 14): the built app on the double against the simulated
 * panel. An OOM crash, printed as Wings prints it (`Exit code: 137`, `Out of memory: true`), is
 * notified, and a click on the notification lands on its incident with the exit code, the OOM flag
 * and the console's last lines; the Timeline lists every server and filters by kind and words; a
 * server's Timeline tab merges the panel's activity log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelClient } from '../../../src/core/api/client';
import { hasSecretService, serverItem, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { KNOWN_CSP_MESSAGES, openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

describe.skipIf(!hasSecretService)('the incident timeline', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  let crashed: { identifier: string; name: string };

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', launch: { platform: 'linux' } });
    watch = watchConsole(env.page, env.app);
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  const items = () => env.page.getByRole('list', { name: 'Incidents' }).getByRole('listitem');

  it('an OOM crash is notified, and the click lands on its incident: exit code 137, out of memory, the last lines', async () => {
    const { app, sim, page } = env;
    const running = await app.waitFor(() => sim.control.servers().find((s) => s.state === 'running'), { timeoutMs: 15_000, message: 'a running server' });
    crashed = running;
    await app.waitFor(() => serverItem(app, running.name)?.label === `● ${running.name}`, { timeoutMs: 20_000, message: 'the tray shows it followed' });
    sim.control.emitConsole(running.identifier, '[Server thread/ERROR]: java.lang.OutOfMemoryError: Java heap space');
    sim.control.crash(running.identifier, { isOutOfMemory: true });
    const notice = await app.waitFor(() => app.notifications().find((n) => n.title === `${running.name} crashed`), {
      timeoutMs: 15_000,
      message: 'the crash notice',
    });
    await app.waitFor(() => app.notifications()[notice.index]?.events.includes('show'), { message: 'shown' });
    await app.clickNotification(notice.index);

    const incident = page.getByRole('region', { name: `${running.name} crashed: out of memory` });
    await incident.waitFor({ timeout: 10_000 });
    await page.getByRole('heading', { level: 1, name: 'Timeline' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' }).getAttribute('aria-current')).toBe('page');
    const text = await incident.textContent();
    expect(text).toContain('exit code 137');
    expect(text).toMatch(/Exit code\s*137/);
    expect(text).toMatch(/Out of memory\s*yes/);
    expect(await incident.getByLabel('Last console lines before the crash').textContent()).toContain('java.lang.OutOfMemoryError: Java heap space');
    await shot(page, 'timeline-notification-oom-crash');

    // Its page leads on to the console.
    await incident.getByRole('button', { name: 'Open console' }).click();
    await page.getByRole('heading', { level: 1, name: running.name, exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Console', selected: true }).waitFor();
  });

  it('the Timeline of every server filters by kind and by words', async () => {
    const { page } = env;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Timeline' }).click();
    await items().first().waitFor();
    // The crash's own offline is the crash; the restart Wings did is a state change.
    const titles = await items().allTextContents();
    expect(titles.some((t) => t.includes(`${crashed.name} crashed: out of memory`))).toBe(true);
    await page.getByLabel('Kind').selectOption({ label: 'Crash' });
    await expect.poll(async () => (await items().allTextContents()).every((t) => t.includes('Crash'))).toBe(true);
    expect(await items().count()).toBe(1);
    await page.getByLabel('Kind').selectOption({ label: 'All kinds' });
    await page.getByRole('searchbox', { name: 'Search' }).fill('heap space');
    await page.keyboard.press('Enter');
    await expect.poll(() => items().count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search' }).fill('no-such-words-anywhere');
    await page.keyboard.press('Enter');
    await page.getByText('Nothing matches').waitFor();
    await shot(page, 'timeline-nothing-matches');
    await page.getByRole('button', { name: 'Clear' }).click();
    await items().first().waitFor();
  });

  it("a server's Timeline tab merges the panel's activity log", async () => {
    const { page, sim } = env;
    // Someone else acts on the panel (not through this app): the panel logs it.
    const client = new PanelClient({ url: sim.url, apiKey: sim.apiKey });
    try {
      await client.createSubuser(crashed.identifier, 'timeline-friend@example.com', ['control.console']);
    } finally {
      client.dispose();
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Servers' }).click();
    await openServer(page, crashed.name, 'Timeline');
    await items().first().waitFor();
    await page.getByLabel('Kind').selectOption({ label: 'Panel activity' });
    const merged = items().filter({ hasText: 'subuser create' });
    await merged.first().waitFor();
    await merged.first().getByRole('button').first().click();
    expect(await page.getByRole('region').first().textContent()).toContain('From the panel’s activity log');
    await shot(page, 'timeline-server-tab-activity');
    expect(watch.errors().filter((line) => !KNOWN_CSP_MESSAGES.some((known) => known.test(line)))).toEqual([]);
  });
});
