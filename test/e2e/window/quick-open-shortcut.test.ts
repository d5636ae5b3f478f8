/**
 * Settings' field for the quick-open search's global shortcut (issue 15b), on the double: a
 * shortcut recorded in the field and saved with the page's one Save is registered (the double's
 * globalShortcuts), opens the search when pressed with the window hidden, and is shown beside the
 * tray's "Find a server…"; one another application holds is said under the field after Save.
 * Pressed while the field records, the registered shortcut is what it records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUICK_OPEN_SHORTCUT } from '../../../src/shared/accelerator';
import type { Settings } from '../../../src/shared/types';
import { hasSecretService, invoke, startAppOnSim, trayItems, type AppOnSim } from '../helpers/app-on-sim';
import { shot } from '../helpers/window-kit';
import { screenshotMenu } from '../helpers/menu-picture';

/** One another application holds in the second suite. */
const TAKEN = 'CommandOrControl+Alt+J';

if (!hasSecretService) console.warn('quick-open-shortcut e2e: SKIPPED, no private Secret Service (run under test/keychain/with-secret-service.sh)');

const findItem = (env: AppOnSim) => trayItems(env.app).find((i) => i.label === 'Find a server…');
const field = (env: AppOnSim) => env.page.getByRole('textbox', { name: 'Find a server shortcut' });
const saveBar = (env: AppOnSim) => env.page.getByRole('form', { name: 'Save settings' });

async function openSettings(env: AppOnSim): Promise<void> {
  await env.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  await field(env).waitFor();
}

async function savedShortcut(env: AppOnSim): Promise<string | undefined> {
  const answer = await invoke<Settings>(env.page, 'settingsGet');
  if (!answer.ok) throw new Error('settings:get failed');
  return answer.value.quickOpenShortcut;
}

/** Focuses the recorder and presses `keys` (Playwright's spelling) in it. */
async function record(env: AppOnSim, keys: string): Promise<void> {
  await field(env).click();
  await field(env).press(keys);
}

async function save(env: AppOnSim): Promise<void> {
  await saveBar(env).getByRole('button', { name: 'Save', exact: true }).click();
  await saveBar(env).getByText('Saved.').waitFor();
}

describe.skipIf(!hasSecretService)('the quick-open shortcut in Settings', () => {
  let env: AppOnSim;

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 2 } });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('shows the default in Linux’s words, refuses a plain key with a sentence, and Escape keeps what was there', async () => {
    await env.app.waitFor((s) => s.globalShortcuts.includes(DEFAULT_QUICK_OPEN_SHORTCUT), { message: 'the default registered' });
    await openSettings(env);
    expect(await field(env).inputValue()).toBe('Ctrl+Alt+P');
    await record(env, 'p');
    await env.page.getByRole('alert').filter({ hasText: 'Hold Ctrl, Alt or Super with the key' }).waitFor();
    expect(await field(env).inputValue()).toBe('Ctrl+Alt+P');
    await shot(env.page, 'quick-open-shortcut-refused');
    await field(env).press('Control+Alt+U');
    expect(await field(env).inputValue()).toBe('Ctrl+Alt+U');
    await field(env).press('Escape');
    expect(await field(env).inputValue()).toBe('Ctrl+Alt+P');
    // Nothing to save: the draft is as saved.
    expect(await saveBar(env).getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
  });

  it('pressing the registered shortcut while recording records it, and opens no search over Settings', async () => {
    await record(env, 'Control+Shift+K');
    expect(await field(env).inputValue()).toBe('Ctrl+Shift+K');
    // The system gives a registered global shortcut to its owner, never to the focused field:
    // main tells the window which one was pressed, and the recorder takes it.
    expect(await env.app.pressGlobalShortcut(DEFAULT_QUICK_OPEN_SHORTCUT)).toBe(true);
    await expect.poll(() => field(env).inputValue()).toBe('Ctrl+Alt+P');
    expect(await env.page.getByRole('dialog', { name: 'Find a server' }).count()).toBe(0);
    expect(await saveBar(env).getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
    // Out of the field, the same press opens the search again.
    await field(env).blur();
    expect(await env.app.pressGlobalShortcut(DEFAULT_QUICK_OPEN_SHORTCUT)).toBe(true);
    await env.page.getByRole('dialog', { name: 'Find a server' }).waitFor();
    await env.page.getByRole('combobox', { name: 'Server name, identifier, node or panel' }).press('Escape');
    await env.page.getByRole('dialog', { name: 'Find a server' }).waitFor({ state: 'detached' });
  });

  it('records a new shortcut, saves it with the page’s Save: registered, in the tray, and pressing it opens the search', async () => {
    await record(env, 'Control+Shift+K');
    expect(await field(env).inputValue()).toBe('Ctrl+Shift+K');
    await shot(env.page, 'quick-open-shortcut-recorded');
    await save(env);
    expect(await savedShortcut(env)).toBe('CommandOrControl+Shift+K');
    await env.app.waitFor((s) => s.globalShortcuts.join() === 'CommandOrControl+Shift+K', { message: 'the new shortcut in place of the default' });
    await env.app.waitFor(() => findItem(env)?.accelerator === 'CommandOrControl+Shift+K', { message: 'the tray’s "Find a server…" shows it' });
    await screenshotMenu(trayItems(env.app), [], 'quick-open-shortcut-tray');
    expect(await env.page.getByText(/Another application uses/).count()).toBe(0);

    await env.app.closeWindow();
    await env.app.waitFor((s) => s.windows[0]?.visible === false, { timeoutMs: 5_000, message: 'window hidden' });
    expect(await env.app.pressGlobalShortcut(DEFAULT_QUICK_OPEN_SHORTCUT)).toBe(false);
    expect(await env.app.pressGlobalShortcut('CommandOrControl+Shift+K')).toBe(true);
    await env.app.waitFor((s) => s.windows[0]?.visible === true, { timeoutMs: 5_000, message: 'window shown by the shortcut' });
    await env.page.getByRole('dialog', { name: 'Find a server' }).waitFor();
    await env.page.getByRole('combobox', { name: 'Server name, identifier, node or panel' }).press('Escape');
    await env.page.getByRole('dialog', { name: 'Find a server' }).waitFor({ state: 'detached' });
  });

  it('Turn off unregisters it and drops it from the tray; Default brings Ctrl+Alt+P back', async () => {
    await openSettings(env);
    await env.page.getByRole('button', { name: 'Turn off' }).click();
    expect(await field(env).inputValue()).toBe('Off');
    await save(env);
    await env.app.waitFor((s) => s.globalShortcuts.length === 0, { message: 'no shortcut registered' });
    await env.app.waitFor(() => findItem(env) !== undefined && findItem(env)?.accelerator === undefined, { message: 'the tray item without one' });
    await env.page.getByRole('button', { name: 'Default' }).click();
    await save(env);
    await env.app.waitFor((s) => s.globalShortcuts.join() === DEFAULT_QUICK_OPEN_SHORTCUT, { message: 'the default registered again' });
    expect(await field(env).inputValue()).toBe('Ctrl+Alt+P');
  });
});

describe.skipIf(!hasSecretService)('a recorded shortcut another application holds', () => {
  let env: AppOnSim;

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 2 }, launch: { env: { PTEROTRAY_DOUBLE_TAKEN_SHORTCUTS: TAKEN } } });
  });

  afterAll(async () => {
    await env?.close();
  });

  it('is said under the field after Save, kept out of the tray; a free one chosen instead clears it', async () => {
    await openSettings(env);
    await record(env, 'Control+Alt+J');
    await save(env);
    const sentence = env.page.getByText('Another application uses Ctrl+Alt+J; choose another.');
    await sentence.waitFor();
    expect(await savedShortcut(env)).toBe(TAKEN);
    expect(env.app.snapshot().globalShortcuts).toEqual([]);
    await env.app.waitFor(() => findItem(env) !== undefined && findItem(env)?.accelerator === undefined, { message: 'no shortcut beside "Find a server…"' });
    expect(await field(env).getAttribute('aria-invalid')).toBe('true');
    await shot(env.page, 'quick-open-shortcut-taken');

    // At the window's least size the field, its buttons and the sentence fit, wrapping, not clipped.
    await env.app.dragWindow({ width: 720, height: 480 });
    await expect
      .poll(() => env.page.locator('body').evaluate((body) => [body.ownerDocument.defaultView!.innerWidth, body.ownerDocument.defaultView!.innerHeight]))
      .toEqual([720, 480]);
    await field(env).scrollIntoViewIfNeeded();
    for (const part of [field(env), env.page.getByRole('button', { name: 'Turn off' }), env.page.getByRole('button', { name: 'Default' }), sentence]) {
      const box = await part.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 720, `${await part.evaluate((el) => el.outerHTML.slice(0, 60))} inside 720 px`).toBe(true);
    }
    expect(await env.page.locator('html').evaluate((html) => html.scrollWidth <= html.ownerDocument.defaultView!.innerWidth)).toBe(true);
    await shot(env.page, 'quick-open-shortcut-taken-720');

    await record(env, 'Control+Alt+L');
    await save(env);
    await sentence.waitFor({ state: 'detached' });
    await env.app.waitFor((s) => s.globalShortcuts.join() === 'CommandOrControl+Alt+L', { message: 'the free one registered' });
    await env.app.waitFor(() => findItem(env)?.accelerator === 'CommandOrControl+Alt+L', { message: 'the tray shows it' });
  });

  it('is tried again when Settings is shown, and works once the other application lets go of it', async () => {
    await record(env, 'Control+Alt+J');
    await save(env);
    const sentence = env.page.getByText('Another application uses Ctrl+Alt+J; choose another.');
    await sentence.waitFor();
    // Shown again while it is still held: still refused, said again.
    await env.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Servers' }).click();
    await openSettings(env);
    await sentence.waitFor();
    expect(env.app.snapshot().globalShortcuts).toEqual([]);
    // The other application quits; nothing tells the app, but the next look at Settings tries again.
    await env.app.releaseTakenShortcut(TAKEN);
    await env.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Servers' }).click();
    await openSettings(env);
    await env.app.waitFor((s) => s.globalShortcuts.join() === TAKEN, { message: 'registered once free' });
    await sentence.waitFor({ state: 'detached' });
    expect(await field(env).getAttribute('aria-invalid')).toBe('false');
    await env.app.waitFor(() => findItem(env)?.accelerator === TAKEN, { message: 'the tray shows it again' });
    expect(await env.app.pressGlobalShortcut(TAKEN)).toBe(true);
    await env.page.getByRole('dialog', { name: 'Find a server' }).waitFor();
    await env.page.getByRole('combobox', { name: 'Server name, identifier, node or panel' }).press('Escape');
  });
});
