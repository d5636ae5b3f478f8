/** globalShortcut in-process: one holder per accelerator, spelled any way Electron accepts, pressed from anywhere. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { globalShortcut, globalShortcutState, pressGlobalShortcut } from '../../electron-double/runtime/global-shortcut';
import { installFakeContext, type FakeContextLog } from './fake-context';

let context: FakeContextLog;

beforeEach(() => {
  context = installFakeContext();
  globalShortcut.unregisterAll();
});

describe('globalShortcut', () => {
  it('registers once, refuses a second holder, and a press runs the callback with no window focused', () => {
    const pressed = vi.fn();
    expect(globalShortcut.register('CommandOrControl+Alt+P', pressed)).toBe(true);
    expect(globalShortcut.register('CmdOrCtrl+Alt+P', () => {})).toBe(false);
    expect(globalShortcut.isRegistered('CmdOrCtrl+Alt+P')).toBe(true);
    expect(globalShortcutState()).toEqual(['CommandOrControl+Alt+P']);
    expect(context.focused).toBeUndefined();
    expect(pressGlobalShortcut('CmdOrCtrl+Alt+P')).toBe(true);
    expect(pressed).toHaveBeenCalledOnce();
    expect(context.touches).toBeGreaterThan(0);
  });

  it('forgets an unregistered shortcut: a press does nothing', () => {
    const pressed = vi.fn();
    globalShortcut.register('Super+Shift+F', pressed);
    globalShortcut.unregister('Super+Shift+F');
    expect(pressGlobalShortcut('Super+Shift+F')).toBe(false);
    expect(pressed).not.toHaveBeenCalled();
    expect(globalShortcutState()).toEqual([]);
  });
});
