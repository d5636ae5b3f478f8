/**
 * Settings' one save model (issue 15, item 6) in the real window: edits in several sections wait
 * for one Save and go in one patch; leaving with an unsaved change asks first, and Stay keeps it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, invoke, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { serverRows, shot } from '../helpers/window-kit';
import type { Settings } from '../../../src/shared/types';

let env: AppOnSim;

if (!hasSecretService) console.warn('settings-save e2e: SKIPPED, no private Secret Service (run under test/keychain/with-secret-service.sh)');

const nav = (name: string) => env.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
const saveBar = () => env.page.getByRole('form', { name: 'Save settings' });
const saved = async (): Promise<Settings> => {
  const answer = await invoke<Settings>(env.page, 'settingsGet');
  if (!answer.ok) throw new Error('settings:get failed');
  return answer.value;
};

describe.skipIf(!hasSecretService)('Settings, one save model', () => {
  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 2 } });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('asks before leaving with an unsaved change; Cancel stays, Discard leaves without saving', async () => {
    await nav('Settings').click();
    await env.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await env.page.getByRole('checkbox', { name: 'When a server crashes' }).uncheck();
    await env.page.getByRole('radio', { name: 'Dark' }).check();
    expect(await env.page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(1);
    await nav('Servers').click();
    const dialog = env.page.getByRole('dialog', { name: 'Discard unsaved settings?' });
    await dialog.waitFor();
    await shot(env.page, 'notices-settings-leave-guard');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await env.page.getByRole('heading', { level: 1, name: 'Settings' }).isVisible()).toBe(true);
    expect(await env.page.getByRole('checkbox', { name: 'When a server crashes' }).isChecked()).toBe(false);
    await nav('Servers').click();
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await serverRows(env.page).first().waitFor();
    expect((await saved()).notifications.global.onCrash).toBe(true);
    expect((await saved()).theme).toBe('system');
  });

  it('saves edits of several sections with one Save, and then leaves without asking', async () => {
    await nav('Settings').click();
    await env.page.getByRole('checkbox', { name: 'When a server crashes' }).uncheck();
    const poll = env.page.getByRole('textbox', { name: 'Poll each server every' });
    await poll.fill('45');
    await saveBar().getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await saved()).monitor.pollIntervalS).toBe(45);
    expect((await saved()).notifications.global.onCrash).toBe(false);
    await saveBar().getByText('Saved.').waitFor();
    await shot(env.page, 'notices-settings-saved');
    await nav('Servers').click();
    await serverRows(env.page).first().waitFor();
    expect(await env.page.getByRole('dialog').count()).toBe(0);
  });
});
