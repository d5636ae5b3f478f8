// One sim version (default, or SIM_VERSION's): quitting over an unsaved edit is the app's own question, alike on every release.
/**
 * Quitting with an unsaved edit, as a user does it: edit a file in the window, pick Quit in the
 * tray menu, and answer the question. "Keep editing" cancels the quit (the app runs on, the edit
 * is still in the editor); "Quit and discard" quits, and nothing was written to the panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimFiles } from '../../../src/sim';
import type { DialogCall } from '../../electron-double/launch';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { editor, editorText, fileRow, openEntry } from '../helpers/files-kit';
import { openServer, shot } from '../helpers/window-kit';

const QUIT_QUESTION = 'Quit and discard unsaved changes?';
const KEEP_EDITING = 0;
const QUIT_AND_DISCARD = 1;

if (!hasSecretService) console.warn('quit-unsaved-edit e2e: SKIPPED, no private Secret Service (run under test/keychain/with-secret-service.sh)');

describe.skipIf(!hasSecretService)('quitting with an unsaved edit', () => {
  let env: AppOnSim;
  let files: SimFiles;
  let original = '';

  const quitQuestions = (): DialogCall[] => env.app.dialog.calls().filter((call) => call.options.message === QUIT_QUESTION);

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 1 } });
    const server = env.sim.control.servers()[0]!;
    files = env.sim.control.files(server.identifier);
    original = files.readText('/server.properties');
    await openServer(env.page, server.name, 'Files');
    await fileRow(env.page, 'server.properties').waitFor({ timeout: 15_000 });
    await openEntry(env.page, 'server.properties');
    await editor(env.page, 'server.properties').waitFor();
    await env.page.locator('.cm-content .cm-line').first().waitFor();
    await env.page.locator('.cm-content').click();
    await env.page.keyboard.press('Control+End');
    await env.page.keyboard.type('motd=unsaved');
    await env.page.getByRole('img', { name: 'Unsaved changes' }).waitFor();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('asks first, and "Keep editing" keeps the app running with the edit in the editor', async () => {
    // The window is in the tray: the question must bring it back.
    await env.app.closeWindow();
    await env.app.waitFor((s) => s.windows[0]?.visible === false, { message: 'window hidden in the tray' });
    await env.app.dialog.answerNext('showMessageBox', { response: KEEP_EDITING });
    await env.app.clickMenu(['Quit Pterotray']);
    await env.app.waitFor(() => quitQuestions().length === 1, { timeoutMs: 10_000, message: 'the quit question' });
    const [question] = quitQuestions();
    expect(question!.options.buttons).toEqual(['Keep editing', 'Quit and discard']);
    expect(question!.result).toMatchObject({ response: KEEP_EDITING });
    // The quit was cancelled: no will-quit, the window shown, the page alive and still dirty.
    await env.app.waitFor((s) => s.windows[0]?.visible === true, { message: 'window shown for the question' });
    await env.page.getByRole('img', { name: 'Unsaved changes' }).waitFor();
    expect(await editorText(env.page)).toBe(`${original}motd=unsaved`);
    expect(
      await env.page.evaluate(async () => (await (globalThis as unknown as { api: { settingsGet(): Promise<{ ok: boolean }> } }).api.settingsGet()).ok),
    ).toBe(true);
    expect(env.app.snapshot().lifecycle).not.toContain('will-quit');
    // The tray still works after the cancelled quit.
    await env.app.clickMenu(['Refresh now']);
    await shot(env.page, 'quit-kept-editing');
  });

  it('"Quit and discard" quits, and the edit never reached the panel', async () => {
    await env.app.dialog.answerNext('showMessageBox', { response: QUIT_AND_DISCARD });
    await env.app.clickMenu(['Quit Pterotray']);
    const exit = await env.app.exited;
    expect(exit.code).toBe(0);
    expect(quitQuestions()).toHaveLength(2);
    expect(env.app.snapshot().lifecycle).toEqual(expect.arrayContaining(['before-quit', 'will-quit', 'quit']));
    expect(files.readText('/server.properties')).toBe(original);
  });
});
