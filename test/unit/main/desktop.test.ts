/**
 * The desktop adapters without Electron: launch at login per platform (the XDG autostart entry on
 * Linux, written only on a change), the tray-host guess, the panel colour and the app menu.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../../src/main/desktop/app-menu';
import { LoginItem, autostartEntry, type LoginItemApp } from '../../../src/main/desktop/login-item';
import { isPanelDark } from '../../../src/main/desktop/panel-colour';
import { hasTrayHost } from '../../../src/main/desktop/tray-host';

function fakeApp(isPackaged: boolean): LoginItemApp & { calls: unknown[]; isOn: boolean } {
  const fake = {
    isPackaged,
    calls: [] as unknown[],
    isOn: false,
    getAppPath: () => '/src/pterotray',
    setLoginItemSettings(settings: { openAtLogin: boolean }) {
      fake.calls.push(settings);
      fake.isOn = settings.openAtLogin;
    },
    getLoginItemSettings: () => ({ openAtLogin: fake.isOn }),
  };
  return fake;
}

describe('LoginItem', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pterotray-login-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const linux = (env: NodeJS.ProcessEnv, isPackaged = true) =>
    new LoginItem({
      app: fakeApp(isPackaged),
      platform: 'linux',
      env: { XDG_CONFIG_HOME: join(dir, 'cfg'), ...env },
      execPath: '/opt/Pterotray/pterotray',
      isDefaultApp: !isPackaged,
      appName: 'Pterotray',
    });

  it('writes an XDG autostart entry under $XDG_CONFIG_HOME for the AppImage, and removes it', () => {
    const item = linux({ APPIMAGE: '/home/me/Apps/Ptero "tray" $1.AppImage' }, false);
    expect(item.support()).toEqual({ isAvailable: true, reason: null });
    item.apply(true);
    const path = join(dir, 'cfg', 'autostart', 'pterotray.desktop');
    expect(item.autostartPath()).toBe(path);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\nType=Application\nName=Pterotray\n/);
    expect(text).toContain('Exec="/home/me/Apps/Ptero \\"tray\\" \\$1.AppImage"\n');
    item.apply(false);
    expect(existsSync(path)).toBe(false);
  });

  it('touches the entry only when the wanted state differs from what is there', () => {
    const item = linux({});
    const path = item.autostartPath();
    item.apply(false);
    expect(existsSync(path)).toBe(false);
    item.apply(true);
    expect(readFileSync(path, 'utf8')).toBe(autostartEntry('Pterotray', '/opt/Pterotray/pterotray'));
    writeFileSync(path, 'edited by the user');
    item.apply(true); // Unchanged wish: not rewritten.
    expect(readFileSync(path, 'utf8')).toBe('edited by the user');
  });

  it('is unavailable from an unpackaged Linux or macOS run, and writes nothing', () => {
    const item = linux({}, false);
    expect(item.support()).toEqual({ isAvailable: false, reason: 'unpackaged' });
    item.apply(true);
    expect(existsSync(join(dir, 'cfg'))).toBe(false);
    const app = fakeApp(false);
    const mac = new LoginItem({ app, platform: 'darwin', env: {}, execPath: '/x', isDefaultApp: true, appName: 'Pterotray' });
    mac.apply(true);
    expect(app.calls).toEqual([]);
  });

  it('on Windows passes the app path when run as `electron .`, and calls only on a change', () => {
    const app = fakeApp(false);
    const item = new LoginItem({ app, platform: 'win32', env: {}, execPath: 'C:\\e\\electron.exe', isDefaultApp: true, appName: 'Pterotray' });
    item.apply(false);
    item.apply(true);
    item.apply(true);
    expect(app.calls).toEqual([{ openAtLogin: true, path: 'C:\\e\\electron.exe', args: ['/src/pterotray'] }]);
  });
});

describe('hasTrayHost', () => {
  const none = (): boolean => false;
  it.each([
    ['KDE', true],
    ['ubuntu:GNOME', true],
    ['X-Cinnamon', true],
    ['', true],
    ['GNOME', false],
  ])('XDG_CURRENT_DESKTOP=%j → %s', (desktop, expected) => {
    expect(hasTrayHost('linux', { XDG_CURRENT_DESKTOP: desktop, XDG_DATA_HOME: '/d', XDG_DATA_DIRS: '/s' }, none)).toBe(expected);
  });

  it('finds the AppIndicator extension on GNOME, and never doubts macOS or Windows', () => {
    const exists = (path: string): boolean => path === '/d/gnome-shell/extensions/appindicatorsupport@rgcjonas.gmail.com';
    expect(hasTrayHost('linux', { XDG_CURRENT_DESKTOP: 'GNOME', XDG_DATA_HOME: '/d', XDG_DATA_DIRS: '/s' }, exists)).toBe(true);
    expect(hasTrayHost('darwin', {}, none)).toBe(true);
    expect(hasTrayHost('win32', {}, none)).toBe(true);
  });
});

describe('isPanelDark', () => {
  it('follows the taskbar on Windows, GNOME’s always-dark bar, else the desktop', () => {
    expect(isPanelDark({ platform: 'win32', desktop: undefined, shouldUseDarkColorsForSystemIntegratedUI: true, systemDark: false })).toBe(true);
    expect(isPanelDark({ platform: 'win32', desktop: undefined, shouldUseDarkColorsForSystemIntegratedUI: false, systemDark: true })).toBe(false);
    expect(isPanelDark({ platform: 'linux', desktop: 'ubuntu:GNOME', shouldUseDarkColorsForSystemIntegratedUI: false, systemDark: false })).toBe(true);
    expect(isPanelDark({ platform: 'linux', desktop: 'KDE', shouldUseDarkColorsForSystemIntegratedUI: true, systemDark: false })).toBe(false);
  });
});

describe('applicationMenuTemplate', () => {
  it('keeps macOS Edit roles, drops the menu bar elsewhere, and adds developer tools only unpackaged', () => {
    expect(applicationMenuTemplate('darwin', true)).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]);
    expect(applicationMenuTemplate('linux', true)).toBeNull();
    expect(applicationMenuTemplate('win32', true)).toBeNull();
    expect(JSON.stringify(applicationMenuTemplate('linux', false))).toContain('toggleDevTools');
  });
});
