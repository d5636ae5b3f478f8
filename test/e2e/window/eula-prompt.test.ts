/**
 * The Minecraft EULA prompt in the real window, as each panel offers it: on Pterodactyl from the
 * console line (the egg has the `eula` feature, EulaModalFeature.tsx), on Pelican from Wings'
 * `feature match` frame. Accepting writes eula.txt and restarts; the server then runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, invoke, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';
import type { SimPanelVersion } from '../../../src/sim/types';

describe.skipIf(!hasSecretService).each<SimPanelVersion>(['pterodactyl-1.12', 'pelican'])('the EULA prompt on %s', (version) => {
  let env: AppOnSim;
  let watch: ConsoleWatch;

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 4, version } });
    watch = watchConsole(env.page, env.app);
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  it('offers the EULA when the server stops for it, with the link and both choices', async () => {
    // Server 0 runs the Paper egg (features: eula).
    const server = env.sim.control.servers()[0]!;
    env.sim.control.requireEula(server.identifier);
    await openServer(env.page, server.name, 'Console');
    const prompt = env.page.getByRole('region', { name: 'Accept the Minecraft EULA?' });
    expect(await prompt.count()).toBe(0);
    const restarted = await invoke(env.page, 'serversPower', { server: { accountId: env.account.id, identifier: server.identifier }, signal: 'restart' });
    expect(restarted.ok).toBe(true);
    await prompt.waitFor({ timeout: 20_000 });
    expect(await prompt.getByRole('link', { name: 'Minecraft EULA' }).getAttribute('href')).toBe('https://www.minecraft.net/eula');
    // Keyboard: Tab reaches Accept, which says what it does.
    await prompt.getByRole('link', { name: 'Minecraft EULA' }).focus();
    await env.page.keyboard.press('Tab');
    expect(await prompt.getByRole('button', { name: 'Accept and restart' }).evaluate((button) => button === button.ownerDocument.activeElement)).toBe(true);
    await shot(env.page, `eula-prompt-${version}`);
  });

  it('Accept writes eula=true to eula.txt, restarts, and the server runs', async () => {
    const server = env.sim.control.servers()[0]!;
    const prompt = env.page.getByRole('region', { name: 'Accept the Minecraft EULA?' });
    await env.page.keyboard.press('Enter');
    await prompt.waitFor({ state: 'detached', timeout: 10_000 });
    expect(env.sim.control.files(server.identifier).read('/eula.txt').toString()).toBe('eula=true');
    await expect.poll(() => env.sim.control.servers()[0]!.state, { timeout: 20_000 }).toBe('running');
    await expect.poll(() => env.page.getByRole('heading', { level: 1 }).locator('..').getByText('Running').isVisible(), { timeout: 10_000 }).toBe(true);
    await shot(env.page, `eula-accepted-${version}`);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
    expect(watch.cspViolations()).toEqual([]);
  });
});
