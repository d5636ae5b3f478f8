import { describe, expect, it } from 'vitest';
import { DEFAULT_QUICK_OPEN_SHORTCUT, isQuickOpenShortcut } from '../../../src/shared/accelerator';
import { sanitizeDocument } from '../../../src/core/settings/schema';

describe('isQuickOpenShortcut', () => {
  it.each([
    ['CommandOrControl+Alt+P', true],
    ['Super+Space', true],
    ['Ctrl+Shift+F12', true],
    ['', true],
    ['P', false], // no modifier: it would swallow a letter in every application
    ['Ctrl+Ctrl+P', false],
    ['Ctrl+', false],
    ['Ctrl+Alt+PP', false],
    ['Hyper+P', false],
  ])('%j → %s', (value, ok) => {
    expect(isQuickOpenShortcut(value)).toBe(ok);
  });
  it('is the default of a settings file from before it, and a bad one falls back with a repair', () => {
    const old = sanitizeDocument({ version: 2, accounts: [], settings: { theme: 'dark' } });
    expect(old.document.settings.quickOpenShortcut).toBe(DEFAULT_QUICK_OPEN_SHORTCUT);
    expect(old.repaired).not.toContain('settings.quickOpenShortcut');
    const bad = sanitizeDocument({ version: 2, accounts: [], settings: { quickOpenShortcut: 'Q' } });
    expect(bad.document.settings.quickOpenShortcut).toBe(DEFAULT_QUICK_OPEN_SHORTCUT);
    expect(bad.repaired).toContain('settings.quickOpenShortcut');
    const off = sanitizeDocument({ version: 2, accounts: [], settings: { quickOpenShortcut: '' } });
    expect(off.document.settings.quickOpenShortcut).toBe('');
  });
});
