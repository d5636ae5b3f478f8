/**
 * The Users tab on the simulated panel: invite a user with a few permissions (a whole group by its
 * box), edit them, remove the user behind the danger dialog; the panel's refusals in its words
 * (the owner's own email, a permission the key's user lacks) and a 403 without user.read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

describe.skipIf(!hasSecretService)('the Users tab', () => {
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

  const box = (key: string) => env.page.locator(`input[type="checkbox"][name="${key}"]`);

  it('invites a user with some permissions, edits them and removes the user', async () => {
    const { page } = env;
    await openServer(page, env.sim.control.servers()[0]!.name, 'Users');
    await page.getByRole('button', { name: 'Invite user' }).click();
    await page.getByLabel('Email address').fill('friend@example.com');
    await box('control.console').check();
    await page.getByRole('checkbox', { name: 'All of Backup' }).check();
    await expect.poll(() => box('backup.restore').isChecked()).toBe(true);
    expect(await box('websocket.connect').isDisabled()).toBe(true);
    await shot(page, 'users-invite-form');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'friend@example.com' });
    await row.waitFor();
    // console + the five of backup + websocket.connect, which the panel always adds.
    await expect.poll(() => row.textContent()).toContain('7 permissions');
    await shot(page, 'users-list');

    await row.getByRole('button', { name: /^Edit the permissions of friend/ }).click();
    await page.getByRole('checkbox', { name: 'All of Backup' }).uncheck();
    await box('file.read').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'were saved' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('3 permissions');

    await row.getByRole('button', { name: /^Remove friend/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this user?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('friend@example.com');
    await shot(page, 'users-remove-dialog');
    await dialog.getByRole('button', { name: 'Remove user' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'was removed' }).waitFor();
  });

  it("refuses the owner's own email in the panel's words, and keeps the form", async () => {
    const { page } = env;
    await page.getByRole('button', { name: 'Invite user' }).click();
    await page.getByLabel('Email address').fill('demo@pterotray.test');
    await box('control.start').check();
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'You cannot add the server owner as a subuser for this server.' }).waitFor();
    expect(await page.getByLabel('Email address').inputValue()).toBe('demo@pterotray.test');
    expect(await box('control.start').isChecked()).toBe(true);
    await shot(page, 'users-owner-refused');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it("disables what a subuser lacks, and shows the panel's refusal when it was given anyway", async () => {
    const { page } = env;
    const server = env.sim.control.servers()[1]!;
    env.sim.control.setPermissions(server.identifier, ['websocket.connect', 'user.read', 'user.create', 'control.console', 'control.start']);
    await page.getByRole('button', { name: 'Back to servers' }).click();
    await openServer(page, server.name, 'Users');
    await page.getByRole('button', { name: 'Invite user' }).click();
    expect(await box('file.delete').isDisabled()).toBe(true);
    expect(await box('control.start').isDisabled()).toBe(false);
    // The owner takes control.start away while the form is open: the panel refuses it.
    env.sim.control.setPermissions(server.identifier, ['websocket.connect', 'user.read', 'user.create', 'control.console']);
    await page.getByLabel('Email address').fill('helper@example.com');
    await box('control.start').check();
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Cannot assign permissions to a subuser that your account does not actively possess.' }).waitFor();
    await shot(page, 'users-permission-refused');
    await page.getByRole('button', { name: 'Cancel' }).click();

    env.sim.control.setPermissions(server.identifier, ['websocket.connect', 'control.console']);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('Your key may not see this').waitFor();
    expect(await page.getByText('“user.read” permission').count()).toBe(1);
    await shot(page, 'users-forbidden');
    expect(watch.errors().filter((line) => !/Content Security Policy|status of 40[03]/.test(line))).toEqual([]);
  });
});
