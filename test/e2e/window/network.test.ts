/**
 * The Network tab in the real window against the sim (one version, or SIM_VERSION's): add a port
 * where the limit allows ("n of m"), notes in place, make primary, remove confirmed; the primary
 * not removable, a server without an allocation limit, and a key without allocation.update.
 */
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServerSnapshot } from '../../../src/sim';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { panelAllocations } from '../helpers/panel-api';
import { openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

describe.skipIf(!hasSecretService)('the Network tab', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  let servers: SimServerSnapshot[];

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 3, autoAllocation: { rangeStart: 30_000, rangeEnd: 30_010 } } });
    watch = watchConsole(env.page, env.app);
    servers = env.sim.control.servers();
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  const page = () => env.page;
  const row = (address: string): Locator => page().locator('li', { has: page().getByText(address, { exact: true }) });

  async function openNetwork(server: SimServerSnapshot): Promise<void> {
    const back = page().getByRole('button', { name: 'Back to servers' });
    if (await back.isVisible()) await back.click();
    await openServer(page(), server.name, 'Network');
  }

  it('adds a port, sets its notes, makes it primary and removes the old one', async () => {
    const server = servers[0]!;
    const before = await panelAllocations(env.sim, server.identifier);
    env.sim.control.setFeatureLimits(server.identifier, { allocations: before.length + 1 });
    await openNetwork(server);
    const primary = `10.0.0.5:${server.primaryAllocation.port}`;
    await row(primary).getByText('Primary').waitFor();
    await page()
      .getByText(`${before.length} of ${before.length + 1} ports`)
      .waitFor();

    await page().getByRole('button', { name: 'Add port' }).click();
    await row('10.0.0.5:30000').waitFor();
    await page()
      .getByText(`The server has reached its limit of ${before.length + 1} port`, { exact: false })
      .waitFor();
    expect(await page().getByRole('button', { name: 'Add port' }).count()).toBe(0);

    await page().getByRole('button', { name: 'Notes for 10.0.0.5:30000' }).click();
    const notes = page().getByRole('textbox', { name: 'Notes for 10.0.0.5:30000' });
    await notes.fill('voice chat');
    await notes.press('Enter');
    await row('10.0.0.5:30000').getByText('voice chat').waitFor();
    await expect.poll(async () => (await panelAllocations(env.sim, server.identifier)).find((a) => a.port === 30_000)?.notes).toBe('voice chat');
    await shot(page(), 'network-added');

    // The primary one cannot be removed, and says why.
    const removePrimary = row(primary).getByRole('button', { name: `Remove ${primary}` });
    expect(await removePrimary.isDisabled()).toBe(true);
    expect(await removePrimary.getAttribute('title')).toBe('The primary port cannot be removed: make another port primary first.');

    await row('10.0.0.5:30000').getByRole('button', { name: 'Make primary' }).click();
    await row('10.0.0.5:30000').getByText('Primary', { exact: true }).waitFor();
    await expect.poll(async () => (await panelAllocations(env.sim, server.identifier)).find((a) => a.isDefault)?.port).toBe(30_000);

    await row(primary)
      .getByRole('button', { name: `Remove ${primary}` })
      .click();
    const dialog = page().getByRole('dialog', { name: `Remove ${primary}?` });
    await shot(page(), 'network-remove-confirm');
    await dialog.getByRole('button', { name: 'Remove port' }).click();
    await row(primary).waitFor({ state: 'detached' });
    expect((await panelAllocations(env.sim, server.identifier)).map((a) => a.port)).not.toContain(server.primaryAllocation.port);
  });

  it('keeps a note typed when the save is refused with a 403 (no allocation.update), and explains it', async () => {
    const server = servers[1]!;
    await openNetwork(server);
    const primary = `10.0.0.5:${server.primaryAllocation.port}`;
    await row(primary).waitFor();
    env.sim.control.setPermissions(server.identifier, ['allocation.read', 'websocket.connect']);
    await page()
      .getByRole('button', { name: `Notes for ${primary}` })
      .click();
    const notes = page().getByRole('textbox', { name: `Notes for ${primary}` });
    await notes.fill('main game port');
    await notes.press('Enter');
    await page().getByText('You may not change these notes on this server: the “allocation.update” permission is missing.', { exact: false }).waitFor();
    expect(await notes.inputValue()).toBe('main game port');
    await shot(page(), 'network-forbidden');
    await notes.press('Escape');
    env.sim.control.setPermissions(server.identifier, null);
  });

  it('offers no add and no remove on a server without an allocation limit, and says why', async () => {
    const server = servers[2]!;
    env.sim.control.setFeatureLimits(server.identifier, { allocations: 0 });
    await openNetwork(server);
    await page().getByText('Ports cannot be added or removed here: this server has no allocation limit.', { exact: false }).waitFor();
    expect(await page().getByRole('button', { name: 'Add port' }).count()).toBe(0);
    await shot(page(), 'network-no-limit');
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
