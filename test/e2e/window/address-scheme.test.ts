/**
 * An address typed without a scheme (issue 15, item 7), in the real window against the sim (a
 * plain-http panel on 127.0.0.1): https is tried, and its failure says "did you mean http://…?"
 * under the field, with a button that fills it in and then adds the panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim, type FreshApp } from '../helpers/app-on-sim';
import { serverRows, shot } from '../helpers/window-kit';

let env: FreshApp;

if (!hasSecretService) console.warn('address-scheme e2e: SKIPPED, no private Secret Service (run under test/keychain/with-secret-service.sh)');

describe.skipIf(!hasSecretService)('an address without a scheme', () => {
  beforeAll(async () => {
    env = await startAppOnSim({ until: 'launched', sim: { servers: 3 } });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('tries https, says "did you mean http://…?" under the field, and its button adds the panel', async () => {
    const typed = new URL(env.sim.url).host; // 127.0.0.1:PORT, no scheme
    await env.page.getByLabel('Panel address').fill(typed);
    await env.page.getByLabel('API key', { exact: true }).fill(env.sim.apiKey);
    await env.page.getByRole('button', { name: 'Check and add' }).click();
    const input = env.page.getByLabel('Panel address');
    await expect.poll(() => input.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    const id = (await input.getAttribute('aria-describedby'))?.split(' ')[0] ?? '';
    const error = env.page.locator(`[id="${id}"]`);
    expect(await error.innerText()).toContain(`Did you mean http://${typed}?`);
    expect(await error.innerText()).not.toMatch(/certificate/i);
    await shot(env.page, 'notices-address-without-scheme');
    await env.page.getByRole('button', { name: `Use http://${typed}` }).click();
    expect(await input.inputValue()).toBe(`http://${typed}`);
    expect(await input.getAttribute('aria-invalid')).toBeNull();
    // Loopback: no plain-http choice is needed; main asks its own question before adding.
    await env.app.dialog.answerNext('showMessageBox', { response: 0 });
    await env.page.getByRole('button', { name: 'Check and add' }).click();
    await expect.poll(() => serverRows(env.page).count(), { timeout: 20_000 }).toBe(3);
  });
});
