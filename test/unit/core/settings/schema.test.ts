import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, defaultDocument, sanitizeDocument } from '../../../../src/core/settings/schema';

const account = { id: 'a1', name: 'Home', url: 'https://panel.example.com/', username: 'alex', keyStorage: 'keychain', isDemo: false, allowsPlainHttp: false };

describe('sanitizeDocument', () => {
  it('fills defaults for a missing file and reports nothing', () => {
    expect(sanitizeDocument(undefined)).toEqual({ document: defaultDocument(), repaired: [] });
  });

  it('keeps a valid document as it is', () => {
    const doc = { ...defaultDocument(), accounts: [{ ...account, url: 'https://panel.example.com' }] };
    expect(sanitizeDocument(structuredClone(doc))).toEqual({ document: doc, repaired: [] });
  });

  it('repairs wrong values field by field and says which', () => {
    const { document, repaired } = sanitizeDocument({
      version: 2,
      accounts: [account, { id: 7 }, { ...account, id: 'a1', name: 'dup' }],
      settings: {
        theme: 'purple',
        launchAtLogin: 'yes',
        monitor: { budgetShare: 5, pollIntervalS: 5 },
        notifications: { global: { onCrash: false, onStateChange: 1 }, servers: { 'a1/x': { onCrash: false }, __proto__: { onCrash: true } } },
      },
      windowBounds: { x: 0, y: 0, width: -5, height: 100 },
    });
    expect(document.accounts.map((a) => a.id)).toEqual(['a1']);
    expect(document.accounts[0]?.url).toBe('https://panel.example.com');
    expect(document.settings.theme).toBe('system');
    expect(document.settings.launchAtLogin).toBe(false);
    expect(document.settings.monitor).toEqual(DEFAULT_SETTINGS.monitor);
    expect(document.settings.notifications.global.onCrash).toBe(false);
    expect(document.settings.notifications.global.onStateChange).toBe(true);
    expect(document.settings.notifications.servers).toEqual({ 'a1/x': { onCrash: false } });
    expect(document.windowBounds).toBeNull();
    expect(repaired).toEqual(
      expect.arrayContaining([
        'accounts.1',
        'settings.theme',
        'settings.launchAtLogin',
        'settings.monitor.budgetShare',
        'settings.monitor.pollIntervalS',
        'settings.notifications.global.onStateChange',
        'windowBounds',
      ]),
    );
  });

  it('drops anything that looks like a key from saved accounts', () => {
    const { document, repaired } = sanitizeDocument({ version: 2, accounts: [{ ...account, apiKey: 'ptlc_secret' }] });
    expect(JSON.stringify(document)).not.toContain('ptlc_secret');
    expect(repaired).toContain('accounts.0.<secret field dropped>');
  });

  it('never saves session or demo accounts as such', () => {
    const { document } = sanitizeDocument({ version: 2, accounts: [{ ...account, keyStorage: 'session', isDemo: true }] });
    expect(document.accounts[0]).toMatchObject({ keyStorage: 'keychain', isDemo: false, allowsPlainHttp: false });
  });

  it('migrates a version 1 file (flat settings, accounts under panels)', () => {
    const { document } = sanitizeDocument({ panels: [account], theme: 'dark', launchAtLogin: true, windowBounds: { x: 10, y: 20, width: 800, height: 600 } });
    expect(document.version).toBe(SETTINGS_VERSION);
    expect(document.accounts.map((a) => a.name)).toEqual(['Home']);
    expect(document.settings.theme).toBe('dark');
    expect(document.settings.launchAtLogin).toBe(true);
    expect(document.windowBounds).toEqual({ x: 10, y: 20, width: 800, height: 600 });
  });

  it('replaces a root that is not an object', () => {
    expect(sanitizeDocument([1, 2]).repaired).toEqual(['<root>']);
    expect(sanitizeDocument('x').document).toEqual(defaultDocument());
  });
});
