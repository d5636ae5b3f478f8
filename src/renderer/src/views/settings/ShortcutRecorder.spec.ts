import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ShortcutRecorder from './ShortcutRecorder.svelte';
import { giveToRecorder } from '../../lib/state/shortcut-recording';
import GeneralSection from './GeneralSection.svelte';
import { SettingsPage } from './settings-page.svelte';
import { acceleratorLabel, recordKey, type KeyPress } from './shortcut-keys';
import { makeSettings } from './settings-fixtures';
import { mockApi } from '../../../test/mock-api';
import { DEFAULT_QUICK_OPEN_SHORTCUT } from '../../../../shared/accelerator';
import type { DesktopInfo, QuickOpenShortcutProblem } from '../../../../shared/types';

const press = (key: string, code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('recordKey', () => {
  it.each([
    ['Ctrl+Alt+P on Linux', press('p', 'KeyP', { ctrlKey: true, altKey: true }), 'linux', { kind: 'shortcut', accelerator: 'CommandOrControl+Alt+P' }],
    [
      '⌘⌥P on macOS types π: still P',
      press('π', 'KeyP', { metaKey: true, altKey: true }),
      'darwin',
      { kind: 'shortcut', accelerator: 'CommandOrControl+Alt+P' },
    ],
    ['⌃⌥P on macOS is Control, not ⌘', press('p', 'KeyP', { ctrlKey: true, altKey: true }), 'darwin', { kind: 'shortcut', accelerator: 'Control+Alt+P' }],
    ['Super+Shift+1 types "!": still 1', press('!', 'Digit1', { metaKey: true, shiftKey: true }), 'linux', { kind: 'shortcut', accelerator: 'Super+Shift+1' }],
    ['Ctrl+F5', press('F5', 'F5', { ctrlKey: true }), 'win32', { kind: 'shortcut', accelerator: 'CommandOrControl+F5' }],
    ['Alt+Space', press(' ', 'Space', { altKey: true }), 'linux', { kind: 'shortcut', accelerator: 'Alt+Space' }],
    ['Ctrl+Up', press('ArrowUp', 'ArrowUp', { ctrlKey: true }), 'linux', { kind: 'shortcut', accelerator: 'CommandOrControl+Up' }],
    ['Ctrl+/', press('/', 'Slash', { ctrlKey: true }), 'linux', { kind: 'shortcut', accelerator: 'CommandOrControl+/' }],
    ['Ctrl held, no key yet', press('Control', 'ControlLeft', { ctrlKey: true }), 'linux', { kind: 'modifiers', accelerator: 'CommandOrControl' }],
    ['a plain P', press('p', 'KeyP'), 'linux', { kind: 'needs-modifier' }],
    ['Shift+P alone (a capital P)', press('P', 'KeyP', { shiftKey: true }), 'linux', { kind: 'needs-modifier' }],
    ['Ctrl and the keypad’s 5: the digit typed', press('5', 'Numpad5', { ctrlKey: true }), 'linux', { kind: 'shortcut', accelerator: 'CommandOrControl+5' }],
    ['Ctrl+CapsLock: a key Electron cannot name', press('CapsLock', 'CapsLock', { ctrlKey: true }), 'linux', { kind: 'unsupported' }],
  ] as const)('%s', (_name, event, platform, expected) => {
    expect(recordKey(event, platform)).toEqual(expected);
  });
});

describe('acceleratorLabel', () => {
  it.each([
    ['CommandOrControl+Alt+P', 'linux', 'Ctrl+Alt+P'],
    ['CommandOrControl+Alt+P', 'win32', 'Ctrl+Alt+P'],
    // Apple's order, Control, Option, Shift, Command (as macOS menus show Safari's ⌥⌘I).
    ['CommandOrControl+Alt+P', 'darwin', '⌥⌘P'],
    ['Shift+Control+Alt+Command+K', 'darwin', '⌃⌥⇧⌘K'],
    ['Super+Shift+F', 'linux', 'Shift+Super+F'],
    ['Alt+Up', 'darwin', '⌥↑'],
    ['CmdOrCtrl+Space', 'linux', 'Ctrl+Space'],
    ['', 'linux', ''],
  ] as const)('%s on %s is %s', (accelerator, platform, expected) => {
    expect(acceleratorLabel(accelerator, platform)).toBe(expected);
  });
});

/** The recorder with its value kept as a parent keeps it; `changes` lists every onchange. */
function renderRecorder(options: { value?: string; platform?: DesktopInfo['platform']; problem?: QuickOpenShortcutProblem | null } = {}) {
  const changes: string[] = [];
  const props = { value: options.value ?? DEFAULT_QUICK_OPEN_SHORTCUT, platform: options.platform ?? 'linux', problem: options.problem ?? null };
  const onchange = vi.fn((value: string) => {
    changes.push(value);
    void view.rerender({ ...props, value, onchange });
  });
  const view = render(ShortcutRecorder, { ...props, onchange });
  const field = screen.getByRole('textbox', { name: 'Find a server shortcut' }) as HTMLInputElement;
  return { field, changes, user: userEvent.setup() };
}

describe('ShortcutRecorder', () => {
  it('takes the registered global shortcut, which the system keeps from the field, while recording only', async () => {
    const { field, changes, user } = renderRecorder();
    expect(giveToRecorder('CommandOrControl+Alt+P')).toBe(false);
    await user.click(field);
    await user.keyboard('{Control>}{Shift>}k{/Shift}{/Control}');
    // Ctrl+Alt+P pressed now is the global shortcut: main tells the window, not the field.
    expect(giveToRecorder('CommandOrControl+Alt+P')).toBe(true);
    expect(changes).toEqual(['CommandOrControl+Shift+K', 'CommandOrControl+Alt+P']);
    await waitFor(() => expect(field.value).toBe('Ctrl+Alt+P'));
    field.blur();
    expect(giveToRecorder('CommandOrControl+Alt+P')).toBe(false);
    expect(changes).toHaveLength(2);
  });

  it('shows the shortcut in the platform’s words', () => {
    const { field } = renderRecorder({ platform: 'darwin' });
    expect(field.value).toBe('⌥⌘P');
  });

  it('records the combination pressed, showing the modifiers held on the way', async () => {
    const { field, changes, user } = renderRecorder();
    await user.click(field);
    await user.keyboard('{Control>}{Shift>}');
    expect(field.value).toBe('Ctrl+Shift+…');
    await user.keyboard('k{/Shift}{/Control}');
    expect(changes).toEqual(['CommandOrControl+Shift+K']);
    expect(field.value).toBe('Ctrl+Shift+K');
    expect(document.activeElement).toBe(field);
  });

  it('refuses a plain key with a sentence, and changes nothing', async () => {
    const { field, changes, user } = renderRecorder();
    await user.click(field);
    await user.keyboard('p');
    expect(screen.getByRole('alert').textContent).toBe('Hold Ctrl, Alt or Super with the key: a shortcut of one key would take it from every application.');
    expect(changes).toEqual([]);
    expect(field.value).toBe('Ctrl+Alt+P');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // A real one after it clears the sentence.
    await user.keyboard('{Alt>}f{/Alt}');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(changes).toEqual(['Alt+F']);
  });

  it('says ⌘, ⌥ or ⌃ on macOS', async () => {
    const { field, user } = renderRecorder({ platform: 'darwin' });
    await user.click(field);
    await user.keyboard('{Shift>}p{/Shift}');
    expect(screen.getByRole('alert').textContent).toContain('Hold ⌘, ⌥ or ⌃ with the key');
  });

  it('Escape leaves the field as it was before recording began', async () => {
    const { field, changes, user } = renderRecorder();
    await user.click(field);
    await user.keyboard('{Control>}{Alt>}j{/Alt}{/Control}');
    expect(field.value).toBe('Ctrl+Alt+J');
    await user.keyboard('{Escape}');
    expect(changes).toEqual(['CommandOrControl+Alt+J', DEFAULT_QUICK_OPEN_SHORTCUT]);
    expect(field.value).toBe('Ctrl+Alt+P');
    expect(document.activeElement).not.toBe(field);
  });

  it('Escape right away changes nothing; Tab moves on without recording', async () => {
    const { field, changes, user } = renderRecorder();
    await user.click(field);
    await user.keyboard('{Escape}');
    await user.click(field);
    await user.tab();
    expect(changes).toEqual([]);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Turn off' }));
  });

  it('turns off and back to the default with its buttons', async () => {
    const { field, changes, user } = renderRecorder({ value: 'Alt+F' });
    await user.click(screen.getByRole('button', { name: 'Turn off' }));
    expect(field.value).toBe('Off');
    expect((screen.getByRole('button', { name: 'Turn off' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Default' }));
    expect(changes).toEqual(['', DEFAULT_QUICK_OPEN_SHORTCUT]);
    expect((screen.getByRole('button', { name: 'Default' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says when another application holds the saved shortcut, only for that shortcut', async () => {
    const { field, user } = renderRecorder({ problem: { accelerator: DEFAULT_QUICK_OPEN_SHORTCUT, reason: 'taken' } });
    expect(screen.getByRole('status').textContent).toBe('Another application uses Ctrl+Alt+P; choose another.');
    await user.click(field);
    await user.keyboard('{Alt>}{Shift>}f{/Shift}{/Alt}');
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('a shortcut the system cannot register', () => {
  it('says so in other words than a taken one', () => {
    renderRecorder({ value: 'Alt+F', problem: { accelerator: 'Alt+F', reason: 'unsupported' } });
    expect(screen.getByRole('status').textContent).toBe('This system cannot use Alt+F as a global shortcut; choose another.');
  });
});

describe('the shortcut in the General draft', () => {
  beforeEach(() => {
    mockApi.answer('appDesktop', { launchAtLogin: { isAvailable: true, reason: null }, hasTrayIcon: true, platform: 'linux', quickOpenShortcutProblem: null });
  });

  it('a recorded shortcut is an unsaved change of the page, in its one patch', async () => {
    const page = new SettingsPage();
    const settings = makeSettings({ quickOpenShortcut: DEFAULT_QUICK_OPEN_SHORTCUT });
    render(GeneralSection, { settings, page });
    const user = userEvent.setup();
    const field = screen.getByRole('textbox', { name: 'Find a server shortcut' });
    await user.click(field);
    await user.keyboard('{Control>}{Shift>}k{/Shift}{/Control}');
    expect(page.isDirty(settings)).toBe(true);
    expect(page.patch(settings)).toMatchObject({ quickOpenShortcut: 'CommandOrControl+Shift+K' });
    await user.click(screen.getByRole('button', { name: 'Default' }));
    expect(page.isDirty(settings)).toBe(false);
  });

  it('shows the sentence main’s answer carries for a taken shortcut', async () => {
    mockApi.answer('appDesktop', {
      launchAtLogin: { isAvailable: true, reason: null },
      hasTrayIcon: true,
      platform: 'darwin',
      quickOpenShortcutProblem: { accelerator: 'Alt+Space', reason: 'taken' },
    });
    render(GeneralSection, { settings: makeSettings({ quickOpenShortcut: 'Alt+Space' }), page: new SettingsPage() });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Another application uses ⌥Space; choose another.'));
  });
});
