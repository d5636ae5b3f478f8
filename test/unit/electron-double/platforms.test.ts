/**
 * The double's per-platform behaviour, in-process: tray clicks and when the context menu opens,
 * popUpContextMenu, a desktop with no tray host, login items, 'activate', the default
 * application menu with its role submenus and accelerators, and the system tray's colour.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../electron-double/runtime/app';
import { AppPaths } from '../../electron-double/runtime/app-paths';
import { Menu, pressAccelerator, setDefaultApplicationMenu } from '../../electron-double/runtime/menu';
import { nativeTheme, setSystemDark, setSystemTrayDark } from '../../electron-double/runtime/system';
import { Tray } from '../../electron-double/runtime/tray';
import type { WindowHandle } from '../../electron-double/runtime/context';
import { installFakeContext, type FakeContextLog } from './fake-context';

type Platform = 'linux' | 'darwin' | 'win32';

let context: FakeContextLog;

function play(platform: Platform, trayHost = true): void {
  process.env.PTEROTRAY_DOUBLE_PLATFORM = platform;
  process.env.PTEROTRAY_DOUBLE_TRAY_HOST = trayHost ? '1' : '0';
}

beforeEach(() => {
  context = installFakeContext();
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(() => {
  delete process.env.PTEROTRAY_DOUBLE_PLATFORM;
  delete process.env.PTEROTRAY_DOUBLE_TRAY_HOST;
  vi.restoreAllMocks();
});

function trayWithMenu(): { tray: Tray; events: string[]; opens: () => number } {
  const tray = new Tray('');
  tray.setContextMenu(Menu.buildFromTemplate([{ label: 'Open' }]));
  const events: string[] = [];
  for (const name of ['click', 'right-click']) tray.on(name, () => events.push(name));
  return { tray, events, opens: () => tray.toSnapshot().menuOpens };
}

describe('Tray clicks', () => {
  it.each<[Platform, 'left' | 'right', string[], number]>([
    ['darwin', 'left', ['click'], 1],
    ['darwin', 'right', ['right-click'], 1],
    ['win32', 'left', ['click'], 0],
    ['win32', 'right', [], 1],
    ['linux', 'left', ['click'], 0],
    ['linux', 'right', [], 1],
  ])('on %s a %s click emits %j and opens the menu %i time(s)', (platform, button, events, opens) => {
    play(platform);
    const made = trayWithMenu();
    made.tray.userActivate(button);
    expect(made.events).toEqual(events);
    expect(made.opens()).toBe(opens);
  });

  it('on Windows a right click with no menu is a right-click event', () => {
    play('win32');
    const tray = new Tray('');
    const seen: string[] = [];
    tray.on('right-click', () => seen.push('right-click'));
    tray.userActivate('right');
    expect(seen).toEqual(['right-click']);
  });

  it('on macOS popping the menu up from click opens it twice (the bug tray apps make)', () => {
    play('darwin');
    const made = trayWithMenu();
    made.tray.on('click', () => made.tray.popUpContextMenu());
    made.tray.userActivate('left');
    expect(made.opens()).toBe(2);
  });

  it('popUpContextMenu opens the menu on Windows and does nothing on Linux', () => {
    play('win32');
    const windows = trayWithMenu();
    windows.tray.popUpContextMenu();
    expect(windows.opens()).toBe(1);
    play('linux');
    const linux = trayWithMenu();
    linux.tray.popUpContextMenu();
    expect(linux.opens()).toBe(0);
  });

  it('with no tray host nobody can click the icon', () => {
    play('linux', false);
    const made = trayWithMenu();
    expect(() => made.tray.userActivate('left')).toThrow(/no tray host/);
    expect(made.events).toEqual([]);
  });
});

describe('app: login items and activate', () => {
  let home: string;
  let app: App;

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'electron-double-platform-'));
    app = new App({
      info: { appPath: home, name: 'Plat', version: '1.0.0' },
      paths: new AppPaths(home, 'Plat'),
      touch: () => {},
      warn: () => {},
      exitProcess: () => {},
    });
  });

  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('keeps nothing on Linux but records the call', () => {
    play('linux');
    app.setLoginItemSettings({ openAtLogin: true });
    expect(app.getLoginItemSettings().openAtLogin).toBe(false);
    expect(app.loginItemCalls).toEqual([{ openAtLogin: true }]);
  });

  it('on Windows registers process.execPath by default, and answers openAtLogin for the same path and args only', () => {
    play('win32');
    app.setLoginItemSettings({ openAtLogin: true });
    expect(app.loginItemSettings).toMatchObject({ openAtLogin: true, path: process.execPath, args: [] });
    expect(app.getLoginItemSettings().openAtLogin).toBe(true);
    expect(app.getLoginItemSettings({ args: ['/some/app'] })).toMatchObject({ openAtLogin: false, executableWillLaunchAtLogin: true });
  });

  it("emits 'activate' with hasVisibleWindows on macOS only", () => {
    play('darwin');
    const seen: unknown[] = [];
    app.on('activate', (_event, hasVisibleWindows) => seen.push(hasVisibleWindows));
    app.userActivate();
    expect(seen).toEqual([false]);
    play('linux');
    expect(() => app.userActivate()).toThrow(/macOS only/);
  });
});

describe('the application menu', () => {
  it("installs Electron's default menu, with Reload and DevTools on their accelerators, unless the app set one", () => {
    play('linux');
    setDefaultApplicationMenu();
    const menu = Menu.getApplicationMenu();
    expect(menu?.items.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window']);
    const view = menu?.items[2]?.submenu?.items.map((item) => `${item.label}|${item.accelerator ?? ''}`);
    expect(view).toContain('Toggle Developer Tools|Ctrl+Shift+I');
    expect(view).toContain('Reload|CmdOrCtrl+R');
    const toggled = vi.fn();
    context.focused = {
      close: () => {},
      minimize: () => {},
      hide: () => {},
      webContents: { reload: () => {}, toggleDevTools: toggled },
    } as unknown as WindowHandle;
    expect(pressAccelerator('Control+Shift+I')).toBe('Toggle Developer Tools');
    expect(toggled).toHaveBeenCalledOnce();
    Menu.setApplicationMenu(null);
    setDefaultApplicationMenu();
    expect(Menu.getApplicationMenu()).toBeNull();
    expect(pressAccelerator('Control+Shift+I')).toBeNull();
  });

  it('gives macOS menu roles their submenus and Command accelerators', () => {
    play('darwin');
    const menu = Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]);
    expect(menu.items[0]?.label).toBe('Fake App');
    expect(menu.items[1]?.submenu?.items.map((item) => item.role)).toEqual(expect.arrayContaining(['copy', 'paste', 'selectAll']));
    expect(menu.items[1]?.submenu?.items.find((item) => item.role === 'toggleDevTools')).toBeUndefined();
  });
});

describe('nativeTheme.shouldUseDarkColorsForSystemIntegratedUI', () => {
  afterEach(() => {
    nativeTheme.themeSource = 'system';
    setSystemDark(false);
  });

  it('is the taskbar’s own mode on Windows, whatever the app’s theme', () => {
    play('win32');
    nativeTheme.themeSource = 'light';
    setSystemTrayDark(true);
    expect(nativeTheme.shouldUseDarkColors).toBe(false);
    expect(nativeTheme.shouldUseDarkColorsForSystemIntegratedUI).toBe(true);
  });

  it('is shouldUseDarkColors elsewhere, and the tray mode cannot be set apart', () => {
    play('linux');
    nativeTheme.themeSource = 'dark';
    expect(nativeTheme.shouldUseDarkColorsForSystemIntegratedUI).toBe(true);
    expect(() => setSystemTrayDark(false)).toThrow(/only on Windows/);
  });
});
