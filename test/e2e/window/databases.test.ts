/**
 * The Databases tab in the real window against the sim (one version, or SIM_VERSION's: both
 * panels' database routes are alike; the sim's unit tests run each flavor): create, reveal, copy
 * a URL (the double's clipboard), rotate and delete confirmed; a name the panel refuses (before
 * sending, and the panel's own unique rule), the database limit, and a key without
 * database.create. Each flow uses its own server so the panel's 2-a-minute limit never decides.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServerSnapshot } from '../../../src/sim';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { panelDatabases } from '../helpers/panel-api';
import { openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

describe.skipIf(!hasSecretService)('the Databases tab', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  let servers: SimServerSnapshot[];

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 3 } });
    watch = watchConsole(env.page, env.app);
    servers = env.sim.control.servers();
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  const page = () => env.page;
  const dbRow = (name: string): Locator => page().getByRole('listitem', { name, exact: true });
  const createDialog = (): Locator => page().getByRole('dialog', { name: 'New database' });
  const posts = (): number => env.sim.control.requestLog().filter((e) => e.method === 'POST' && /\/databases$/.test(e.path)).length;

  async function openDatabases(server: SimServerSnapshot): Promise<void> {
    if (await page().getByRole('button', { name: 'Back to servers' }).isVisible()) await page().getByRole('button', { name: 'Back to servers' }).click();
    await openServer(page(), server.name, 'Databases');
  }

  it('creates a database, shows its password only on Reveal, copies its URLs, rotates and deletes it', async () => {
    const server = servers[0]!; // Paper: seeded databases
    env.sim.control.setFeatureLimits(server.identifier, { databases: 5 });
    await openDatabases(server);
    const seeded = await panelDatabases(env.sim, server.identifier);
    await dbRow(seeded[0]!.name).waitFor();
    await expect.poll(() => page().getByText(`${seeded.length} of 5 databases`).count()).toBe(1);

    await page().getByRole('button', { name: 'New database' }).click();
    await createDialog().getByLabel('Database name').fill('shop');
    expect(await createDialog().getByLabel('Connections from').inputValue()).toBe('%');
    await createDialog().getByRole('button', { name: 'Create' }).click();
    const name = `s${server.internalId}_shop`;
    await dbRow(name).waitFor();
    const created = (await panelDatabases(env.sim, server.identifier)).find((d) => d.name === name)!;
    expect(created).toBeTruthy();
    // Nothing fetched the password yet: it is nowhere in the page.
    expect(await page().content()).not.toContain(created.password);
    await shot(page(), 'databases-list');

    await dbRow(name)
      .getByRole('button', { name: `Show the password of ${name}` })
      .click();
    await expect.poll(() => dbRow(name).getByTestId('database-password').textContent()).toBe(created.password);
    await shot(page(), 'databases-revealed');
    await dbRow(name).getByRole('button', { name: 'Hide password' }).click();
    await expect.poll(async () => (await page().content()).includes(created.password)).toBe(false);

    await dbRow(name).getByRole('button', { name: 'Copy MySQL URL' }).click();
    await page()
      .getByText(/The MySQL URL was copied/)
      .waitFor();
    const address = `10.0.0.20:3306/${name}`;
    expect(env.app.clipboard().text).toBe(`mysql://${created.username}:${encodeURIComponent(created.password)}@${address}`);
    await dbRow(name).getByRole('button', { name: 'Copy JDBC URL' }).click();
    await expect.poll(() => env.app.clipboard().text).toBe(`jdbc:mysql://${address}`);
    // The page was told only that it was copied.
    expect(await page().content()).not.toContain(created.password);

    await dbRow(name).getByRole('button', { name: 'Rotate password' }).click();
    const rotate = page().getByRole('dialog', { name: `Rotate the password of ${name}?` });
    await rotate.getByRole('button', { name: 'Rotate password' }).click();
    await page().getByText(`${name} has a new password.`).waitFor();
    const rotated = (await panelDatabases(env.sim, server.identifier)).find((d) => d.name === name)!;
    expect(rotated.password).not.toBe(created.password);
    expect(await page().content()).not.toContain(rotated.password);

    await dbRow(name)
      .getByRole('button', { name: `Delete ${name}` })
      .click();
    const confirm = page().getByRole('dialog', { name: `Delete ${name}?` });
    await shot(page(), 'databases-delete-confirm');
    await confirm.getByRole('button', { name: 'Delete database' }).click();
    await dbRow(name).waitFor({ state: 'detached' });
    expect((await panelDatabases(env.sim, server.identifier)).map((d) => d.name)).not.toContain(name);
  });

  it('refuses a name the panel would refuse before sending, and shows the panel’s refusal of a name in use', async () => {
    const server = servers[0]!;
    await openDatabases(server);
    const taken = (await panelDatabases(env.sim, server.identifier))[0]!.name.replace(/^s\d+_/, '');
    const before = posts();
    await page().getByRole('button', { name: 'New database' }).click();
    await createDialog().getByLabel('Database name').fill('my db!');
    await createDialog().getByRole('button', { name: 'Create' }).click();
    await createDialog().getByText('The database field must only contain letters, numbers, dashes, and underscores.').waitFor();
    expect(posts()).toBe(before);
    await createDialog().getByLabel('Database name').fill(taken);
    await createDialog().getByRole('button', { name: 'Create' }).click();
    await createDialog().getByText('The database name you have selected is already in use by this server.').waitFor();
    expect(await createDialog().getByLabel('Database name').inputValue()).toBe(taken);
    await shot(page(), 'databases-name-refused');
    await page().keyboard.press('Escape');
    await createDialog().waitFor({ state: 'detached' });
  });

  it('says when the database limit is reached, and shows the panel’s refusal when it is reached behind the window’s back', async () => {
    const server = servers[1]!;
    const count = (await panelDatabases(env.sim, server.identifier)).length;
    env.sim.control.setFeatureLimits(server.identifier, { databases: count });
    await openDatabases(server);
    await page().getByText(`The server has reached its limit of ${count} database`, { exact: false }).waitFor();
    expect(await page().getByRole('button', { name: 'New database' }).isDisabled()).toBe(true);
    await shot(page(), 'databases-limit-reached');

    env.sim.control.setFeatureLimits(server.identifier, { databases: count + 1 });
    await openDatabases(server);
    await page()
      .getByText(`${count} of ${count + 1} databases`)
      .waitFor();
    env.sim.control.setFeatureLimits(server.identifier, { databases: count });
    await page().getByRole('button', { name: 'New database' }).click();
    await createDialog().getByLabel('Database name').fill('late');
    await createDialog().getByRole('button', { name: 'Create' }).click();
    await createDialog().getByText('Operation aborted: creating a new database would put this server over the defined limit.').waitFor();
    await shot(page(), 'databases-limit-refused');
    await page().keyboard.press('Escape');
  });

  it('explains a 403 for a key without database.create', async () => {
    const server = servers[2]!;
    env.sim.control.setFeatureLimits(server.identifier, { databases: 3 });
    await openDatabases(server);
    await page().getByText('No databases yet').waitFor();
    env.sim.control.setPermissions(server.identifier, ['database.read', 'websocket.connect']);
    await page().getByRole('button', { name: 'New database' }).click();
    await createDialog().getByLabel('Database name').fill('nope');
    await createDialog().getByRole('button', { name: 'Create' }).click();
    await createDialog().getByText('You may not create a database on this server: the “database.create” permission is missing.', { exact: false }).waitFor();
    await shot(page(), 'databases-forbidden');
    await page().keyboard.press('Escape');
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
