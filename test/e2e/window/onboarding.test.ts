/**
 * Onboarding in the real window: the app starts with no account, and a person types the panel's
 * address and key into the form. Wrong keys, an application key and an unreachable address are
 * explained under the field they are about; the right key opens the dashboard with the servers.
 * Once per panel release: each has its own key prefix (`ptlc_`, Pelican's `pacc_`) and account shape.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, hasSecretService, startAppOnSim, type FreshApp } from '../helpers/app-on-sim';
import { serverRows, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';
import { VERSION_FACTS, simVersions } from '../../helpers/sim-versions';
import { closedPort } from '../../helpers/ports';

async function submit(page: Page, url: string, apiKey: string): Promise<void> {
  await page.getByLabel('Panel address').fill(url);
  await page.getByLabel('API key', { exact: true }).fill(apiKey);
  await page.getByRole('button', { name: 'Check and add' }).click();
}

/**
 * Waits until the error under a field (the element its input names first in aria-describedby)
 * says `expected`, and returns it.
 */
async function fieldError(page: Page, label: string, expected: RegExp): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const id = (await input.getAttribute('aria-describedby'))?.split(' ')[0] ?? '';
  expect(id).toMatch(/-error$/);
  const error = page.locator(`[id="${id}"]`);
  await expect.poll(() => error.innerText(), { timeout: 15_000 }).toMatch(expected);
  return error.innerText();
}

describe.skipIf(!hasSecretService).each(simVersions())('onboarding on %s', (version) => {
  const facts = VERSION_FACTS[version];
  let env: FreshApp;
  let watch: ConsoleWatch;

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'launched', sim: { version, servers: 12 } });
    watch = watchConsole(env.page, env.app);
    await env.page.getByRole('heading', { name: 'Welcome to Pterotray' }).waitFor();
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  it('starts on the form, which asks for both fields before asking the panel', async () => {
    await shot(env.page, `onboarding-empty-${version}`);
    await env.page.getByRole('button', { name: 'Check and add' }).click();
    await fieldError(env.page, 'Panel address', /Enter the address of your panel/);
    await fieldError(env.page, 'API key', /Paste a client API key/);
    expect(env.sim.control.requestCount()).toBe(0);
  });

  it('says under the key that a wrong key was refused, and keeps the key out of the page', async () => {
    const wrongKey = `${facts.clientKeyPrefix}${'x'.repeat(43)}`;
    await submit(env.page, env.sim.url, wrongKey);
    const error = await fieldError(env.page, 'API key', /The panel rejected this key/);
    expect(error).not.toContain(wrongKey.slice(5));
    // The error sits right under the key's row, not somewhere else on the page.
    const keyBox = await env.page.getByLabel('API key', { exact: true }).boundingBox();
    const errorBox = await env.page.getByText(error).boundingBox();
    expect(errorBox!.y).toBeGreaterThan(keyBox!.y);
    expect(errorBox!.y - (keyBox!.y + keyBox!.height)).toBeLessThan(24);
    expect(await env.page.getByLabel('Panel address').getAttribute('aria-invalid')).toBeNull();
    await shot(env.page, `onboarding-wrong-key-${version}`);
  });

  it('explains that an application key is not a client key', async () => {
    await submit(env.page, env.sim.url, `${facts.applicationKeyPrefix}${'a'.repeat(43)}`);
    await fieldError(env.page, 'API key', /This is an application API key/);
    await shot(env.page, `onboarding-application-key-${version}`);
  });

  it('puts an unreachable address on the address field', async () => {
    await submit(env.page, `http://127.0.0.1:${await closedPort()}`, env.sim.apiKey);
    const error = await fieldError(env.page, 'Panel address', /Could not reach 127\.0\.0\.1:\d+/);
    expect(error).not.toContain(env.sim.apiKey.slice(16));
    expect(await env.page.getByLabel('API key', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await shot(env.page, `onboarding-unreachable-${version}`);
  });

  it('adds the panel with the right key and shows its servers on the dashboard', async () => {
    await env.page.getByLabel('Name (optional)').fill('My test panel');
    // Main asks before the key goes to a new panel; the person says Add.
    await env.app.dialog.answerNext('showMessageBox', { response: 0 });
    await submit(env.page, env.sim.url, env.sim.apiKey);
    await env.page.getByRole('heading', { level: 2, name: 'My test panel' }).waitFor({ timeout: 20_000 });
    const names = env.sim.control.servers().map((s) => s.name);
    await expect.poll(() => serverRows(env.page).count(), { timeout: 20_000 }).toBe(names.length);
    for (const name of names) await env.page.getByRole('row', { name, exact: true }).waitFor();
    await shot(env.page, `onboarding-done-dashboard-${version}`);
  });

  it('printed no CSP violation and no error on the way', () => {
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});

describe.skipIf(!hasSecretService)('a panel added while the window is still opening', () => {
  let env: FreshApp | null = null;

  afterAll(async () => {
    await env?.close();
  });

  it('lands on the dashboard, and stays there after a reload (no stale "go to onboarding")', async () => {
    env = await startAppOnSim({ until: 'launched', sim: { servers: 3 } });
    // As soon as window.api exists, before onboarding was even drawn.
    await env.page.waitForFunction(() => 'api' in globalThis);
    const added = await addAccount(env.app, env.page, { url: env.sim.url, name: 'Early panel', apiKey: env.sim.apiKey });
    expect(added.ok).toBe(true);
    await env.page.reload();
    await serverRows(env.page).first().waitFor({ timeout: 20_000 });
    expect(await env.page.getByRole('heading', { name: 'Welcome to Pterotray' }).count()).toBe(0);
    // Main never sends its own navigation at start-up: the page decides from the accounts it has.
    expect(env.app.ipcLog().filter((entry) => entry.kind === 'push' && entry.channel === 'app:navigate')).toEqual([]);
  });
});
