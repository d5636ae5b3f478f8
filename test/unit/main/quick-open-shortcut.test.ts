/**
 * The quick-open shortcut's owner against a globalShortcut that behaves as Electron's: false for
 * one another application holds, a TypeError ("conversion failure") for a key it cannot parse.
 * Each refusal is kept with its reason for Settings, and none throws into the settings' listeners.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const held = new Set<string>();
const taken = new Set(['Alt+Space']);
const globalShortcut = {
  register: vi.fn((accelerator: string, _callback: () => void) => {
    if (accelerator.endsWith('+Pause')) throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    if (taken.has(accelerator) || held.has(accelerator)) return false;
    held.add(accelerator);
    return true;
  }),
  unregister: vi.fn((accelerator: string) => held.delete(accelerator)),
};
vi.mock('electron', () => ({ globalShortcut }));

const { QuickOpenShortcut } = await import('../../../src/main/tray/quick-open-shortcut');
const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe('QuickOpenShortcut', () => {
  beforeEach(() => {
    held.clear();
    vi.clearAllMocks();
  });

  it('registers, swaps and turns off, with no problem', () => {
    const shortcut = new QuickOpenShortcut({ onPress: () => {}, logger });
    shortcut.apply('CommandOrControl+Alt+P');
    expect([shortcut.registered, shortcut.problem]).toEqual(['CommandOrControl+Alt+P', null]);
    shortcut.apply('Super+F');
    expect([...held]).toEqual(['Super+F']);
    shortcut.apply('');
    expect([shortcut.registered, shortcut.problem, held.size]).toEqual([null, null, 0]);
  });

  it('keeps one another application holds as taken, and forgets it once another is chosen', () => {
    const shortcut = new QuickOpenShortcut({ onPress: () => {}, logger });
    shortcut.apply('Alt+Space');
    expect([shortcut.registered, shortcut.problem]).toEqual([null, { accelerator: 'Alt+Space', reason: 'taken' }]);
    expect(logger.warn).toHaveBeenCalledWith('quick-open: the global shortcut is taken by another application', { accelerator: 'Alt+Space' });
    shortcut.apply('Alt+F');
    expect([shortcut.registered, shortcut.problem]).toEqual(['Alt+F', null]);
  });

  it('does not throw for a key Electron cannot parse: it is unsupported, and nothing stays registered', () => {
    const shortcut = new QuickOpenShortcut({ onPress: () => {}, logger });
    shortcut.apply('Alt+F');
    expect(() => shortcut.apply('CommandOrControl+Pause')).not.toThrow();
    expect([shortcut.registered, shortcut.problem, held.size]).toEqual([null, { accelerator: 'CommandOrControl+Pause', reason: 'unsupported' }, 0]);
    shortcut.dispose();
    expect(shortcut.problem).toBeNull();
  });

  it('tells its listener which shortcut was pressed, so a recorder that is recording can take it', () => {
    const pressed: string[] = [];
    const shortcut = new QuickOpenShortcut({ onPress: (accelerator) => pressed.push(accelerator), logger });
    shortcut.apply('CommandOrControl+Shift+K');
    const callback = globalShortcut.register.mock.calls.at(-1)?.[1];
    callback?.();
    expect(pressed).toEqual(['CommandOrControl+Shift+K']);
  });

  it('tries a taken shortcut again when asked, and registers it once the other application let go', () => {
    const shortcut = new QuickOpenShortcut({ onPress: () => {}, logger });
    shortcut.apply('Alt+Space');
    expect(shortcut.retry()).toBe(false);
    expect(shortcut.problem).toEqual({ accelerator: 'Alt+Space', reason: 'taken' });
    taken.delete('Alt+Space');
    try {
      expect(shortcut.retry()).toBe(true);
      expect([shortcut.registered, shortcut.problem, [...held]]).toEqual(['Alt+Space', null, ['Alt+Space']]);
      // Registered now: nothing to try again, and applying the same one changes nothing.
      expect(shortcut.retry()).toBe(false);
      shortcut.apply('Alt+Space');
      expect(shortcut.registered).toBe('Alt+Space');
    } finally {
      taken.add('Alt+Space');
    }
  });

  it('does not try again a key the system cannot register', () => {
    const shortcut = new QuickOpenShortcut({ onPress: () => {}, logger });
    shortcut.apply('CommandOrControl+Pause');
    const calls = globalShortcut.register.mock.calls.length;
    expect(shortcut.retry()).toBe(false);
    expect(globalShortcut.register.mock.calls.length).toBe(calls);
  });
});
