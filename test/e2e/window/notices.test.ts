/**
 * The window's notices (issue 15, items 4 and 10), on the double against the sim: the Kill dialog
 * names the server as the tray's does; a rate-limited panel's buttons and its header say why and
 * when the panel answers again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, invoke, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { shot } from '../helpers/window-kit';

let env: AppOnSim;

if (!hasSecretService) console.warn('window notices e2e: SKIPPED, no private Secret Service (run under test/keychain/with-secret-service.sh)');

describe.skipIf(!hasSecretService)('the window’s notices', () => {
  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 3 } });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('the Kill dialog names the server, as the tray’s does', async () => {
    const server = env.sim.control.servers()[0]!;
    env.sim.control.setState(server.identifier, 'stopping');
    const kill = env.page.getByRole('button', { name: `Kill ${server.name}`, exact: true });
    await expect.poll(() => kill.isEnabled(), { timeout: 15_000 }).toBe(true);
    await kill.click();
    const dialog = env.page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Kill ${server.name}?`);
    expect(await dialog.textContent()).not.toContain('this server');
    await shot(env.page, 'notices-kill-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(env.sim.control.servers()[0]?.state).toBe('stopping');
    env.sim.control.setState(server.identifier, 'running');
  });

  it('a short Retry-After that the refresh waits out by itself is shown while it lasts, then cleared', async () => {
    // Laravel's 429 asking for 15 s: the client waits it out inside the call (≤ 60 s, scheduler.ts),
    // so no failure reaches the monitor; the header must still say why nothing answers.
    env.sim.control.injectFault({ route: /^\/api\/client\/?(\?.*)?$/, count: 1, fault: { type: 'status', status: 429, headers: { 'Retry-After': '15' } } });
    const refreshing = invoke(env.page, 'serversRefresh');
    const header = env.page.getByRole('region', { name: 'Test panel' }).locator('header span[aria-hidden="true"]');
    await expect.poll(() => header.textContent(), { timeout: 10_000 }).toMatch(/rate limit\): it answers again in \d+ s\./);
    const server = env.sim.control.servers().find((s) => s.state === 'running')!;
    expect(await env.page.getByRole('button', { name: `Restart ${server.name}`, exact: true }).isDisabled()).toBe(true);
    await refreshing; // the retry after the wait succeeded
    await expect.poll(() => header.count(), { timeout: 10_000 }).toBe(0);
    expect(await env.page.getByRole('button', { name: `Restart ${server.name}`, exact: true }).isDisabled()).toBe(false);
  });

  it('a rate-limited panel’s buttons and header say why, and when it answers again', async () => {
    const server = env.sim.control.servers().find((s) => s.state === 'running')!;
    // The panel's own 429 (Laravel's ThrottleRequests) on its server list, asking for two minutes.
    env.sim.control.injectFault({ route: /^\/api\/client\/?(\?.*)?$/, count: 20, fault: { type: 'status', status: 429, headers: { 'Retry-After': '120' } } });
    await invoke(env.page, 'serversRefresh');
    const header = env.page.getByRole('region', { name: 'Test panel' }).locator('header span[aria-hidden="true"]');
    await expect.poll(() => header.textContent(), { timeout: 15_000 }).toMatch(/rate limit\): it answers again in \d+ (s|min)\./);
    const restart = env.page.getByRole('button', { name: `Restart ${server.name}`, exact: true });
    expect(await restart.isDisabled()).toBe(true);
    const title = await restart.getAttribute('title');
    expect(title).toMatch(/^The panel asked to wait before the next request \(rate limit\): it answers again in \d+ (s|min)\.$/);
    await shot(env.page, 'notices-rate-limited');
    // It counts down: a later second says less (waits on the page, not a sleep).
    const first = await restart.getAttribute('title');
    await expect.poll(() => restart.getAttribute('title'), { timeout: 5_000 }).not.toBe(first);
    env.sim.control.clearFaults();
  });
});
