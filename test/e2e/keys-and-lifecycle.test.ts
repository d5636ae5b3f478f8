// One sim version (default, or SIM_VERSION's): the key's way into the keychain and the app's lifecycle do not depend on the panel's release.
/**
 * The API key's path through the app (into the real keychain, nowhere else), and the tray app's
 * lifecycle: closing the window keeps it running, one instance only, launch at login, kill asks.
 */
import { readFileSync } from 'node:fs';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, invoke, launchBuilt, serverItem, startAppOnSim, type AppOnSim } from './helpers/app-on-sim';
import { filesUnder } from '../helpers/files-under';

if (!hasSecretService) {
  console.warn('\n!!! SKIPPED: the key tests need a Secret Service; run them through npm test (test/keychain/with-secret-service.sh).\n');
}

describe.skipIf(!hasSecretService)('the API key', () => {
  let env: AppOnSim;

  beforeAll(async () => {
    env = await startAppOnSim();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('is in the real keychain under the pterotray service', async () => {
    expect(await keytar.getPassword('pterotray', env.account.id)).toBe(env.sim.apiKey);
  });

  it('is in no file of the app, no log and no IPC reply', async () => {
    // Exercise the app a little first, so there is something to search.
    await env.app.waitFor(() => (env.app.tray()?.menu ?? []).length > 3, { timeoutMs: 15_000 });
    expect((await invoke(env.page, 'serversList')).ok).toBe(true);
    expect((await invoke(env.page, 'accountsList')).ok).toBe(true);
    const secretHalf = env.sim.apiKey.slice(16);
    const files = filesUnder(env.app.home);
    expect(files.some((f) => f.endsWith('settings.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('pterotray.log'))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file).toString('latin1');
      expect(text.includes(secretHalf), `key found in ${file}`).toBe(false);
    }
    const logs = env.app
      .logs()
      .map((l) => l.text)
      .join('\n');
    expect(logs).not.toContain(secretHalf);
    // What main sends to the page: every invoke's reply and every push. (The key goes in once, as
    // accounts:add's argument; that is the page's own input and is not searched.)
    for (const entry of env.app.ipcLog()) {
      const visible = JSON.stringify(entry.kind === 'invoke' ? entry.reply : entry.args);
      expect(visible.includes(secretHalf), `key in ${entry.kind} ${entry.channel}`).toBe(false);
    }
    expect(env.app.ipcLog().length).toBeGreaterThan(3);
  });

  it('asks before a kill, and kills only when confirmed', async () => {
    const running = env.sim.control.servers().find((s) => s.state === 'running');
    if (!running) throw new Error('no running server');
    env.sim.control.setState(running.identifier, 'stopping');
    await env.app.waitFor(() => serverItem(env.app, running.name)?.submenu?.find((i) => i.label === 'Kill…')?.enabled === true, {
      timeoutMs: 15_000,
      message: 'kill enabled while stopping',
    });
    // The panel was added after main's own question; count the kill questions from here.
    const before = env.app.snapshot().dialogs.length;
    await env.app.dialog.answerNext('showMessageBox', { response: 0 });
    await env.app.clickMenu([new RegExp(`${running.name}$`), 'Kill…']);
    await env.app.waitFor(() => env.app.snapshot().dialogs.length > before, { timeoutMs: 5000 });
    expect(env.sim.control.servers().find((s) => s.identifier === running.identifier)?.state).toBe('stopping');
    await env.app.dialog.answerNext('showMessageBox', { response: 1 });
    await env.app.clickMenu([new RegExp(`${running.name}$`), 'Kill…']);
    await env.app.waitFor(() => env.sim.control.servers().find((s) => s.identifier === running.identifier)?.state === 'offline', {
      timeoutMs: 10_000,
      message: 'killed',
    });
    expect(
      env.app
        .snapshot()
        .dialogs.slice(before)
        .map((d) => [d.kind, d.options.message]),
    ).toEqual([
      ['showMessageBox', `Kill ${running.name}?`],
      ['showMessageBox', `Kill ${running.name}?`],
    ]);
  });

  it('keeps running in the tray when the window is closed', async () => {
    await env.app.closeWindow();
    const window = env.app.windows()[0];
    expect(window?.destroyed).toBe(false);
    expect(window?.visible).toBe(false);
    expect(env.app.tray()?.destroyed).toBe(false);
    await env.app.clickMenu(['Open Pterotray']);
    await env.app.waitFor((s) => s.windows[0]?.visible === true, { timeoutMs: 5000, message: 'window shown again' });
  });

  it('saves launch at login, but registers nothing from a development run on Linux (test/e2e/desktop.test.ts has the rest)', async () => {
    const reply = await invoke<{ launchAtLogin: boolean }>(env.page, 'settingsUpdate', { launchAtLogin: true });
    expect(reply.ok && reply.value.launchAtLogin).toBe(true);
    const desktop = await invoke<{ launchAtLogin: { isAvailable: boolean; reason: string | null } }>(env.page, 'appDesktop');
    expect(desktop.ok && desktop.value.launchAtLogin).toEqual({ isAvailable: false, reason: 'unpackaged' });
    // Electron ignores login items on Linux; the app no longer calls it there at all.
    expect(env.app.snapshot().loginItemCalls).toEqual([]);
  });

  it('runs as a single instance: a second launch shows the first one', async () => {
    await env.app.closeWindow();
    const second = await launchBuilt({ home: env.app.home });
    const exit = await second.exited;
    expect(exit.code).toBe(0);
    await env.app.waitFor((s) => s.windows[0]?.visible === true, { timeoutMs: 10_000, message: 'first instance shows its window' });
  });
});
