/**
 * The Activity tab on the simulated panel: the log paged (the panel's 25 a page), filtered by
 * event as the panel's filter[event] does, an entry's properties opened, the empty filter and a
 * 403 without activity.read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

describe.skipIf(!hasSecretService)('the Activity tab', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 1 } });
    watch = watchConsole(env.page, env.app);
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  const entries = () => env.page.getByRole('list', { name: 'Activity' }).getByRole('listitem');

  it('pages through the log, newest first, and filters it by event', async () => {
    const { page } = env;
    const server = env.sim.control.servers()[0]!;
    await openServer(page, server.name, 'Activity');
    await page.getByText('Page 1 of 2').waitFor();
    await expect.poll(() => entries().count()).toBe(25);
    await page
      .getByRole('button', { name: /^Details of/, expanded: false })
      .first()
      .click();
    await page.getByRole('button', { name: /^Details of/, expanded: true }).waitFor();
    await shot(page, 'activity-page-1');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Page 2 of 2').waitFor();
    await expect.poll(() => entries().count()).toBe(5);
    expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);

    await page.getByLabel('Event', { exact: true }).fill('power');
    await page.keyboard.press('Enter');
    await page.getByText('Page 1 of 1').waitFor();
    const words = await entries().allTextContents();
    expect(words.length).toBeGreaterThan(0);
    expect(words.every((w) => /(Started|Restarted|Stopped|Killed)/.test(w))).toBe(true);
    await shot(page, 'activity-filtered');

    await page.getByLabel('Event', { exact: true }).fill('no-such-event');
    await page.keyboard.press('Enter');
    await page.getByText('Nothing matches').waitFor();
  });

  it('explains a 403 for a key without activity.read', async () => {
    const { page } = env;
    env.sim.control.setPermissions(env.sim.control.servers()[0]!.identifier, ['websocket.connect', 'control.console']);
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByText('Your key may not see this').waitFor();
    expect(await page.getByText('“activity.read” permission').count()).toBe(1);
    await shot(page, 'activity-forbidden');
    expect(watch.errors().filter((line) => !/Content Security Policy|status of 403/.test(line))).toEqual([]);
  });
});
