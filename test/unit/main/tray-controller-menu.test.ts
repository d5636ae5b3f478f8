/**
 * The tray controller tells when its menu opens and closes (so the servers seen in it come first),
 * on the Electron double's Tray and Menu, in-process.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installFakeContext } from '../electron-double/fake-context';

vi.mock('electron', async () => {
  const menu = await import('../../electron-double/runtime/menu');
  const image = await import('../../electron-double/runtime/native-image');
  const system = await import('../../electron-double/runtime/system');
  const tray = await import('../../electron-double/runtime/tray');
  return { Menu: menu.Menu, MenuItem: menu.MenuItem, nativeImage: image.nativeImage, nativeTheme: system.nativeTheme, Tray: tray.Tray };
});

const { TrayController } = await import('../../../src/main/tray/tray-controller');
const { findTray } = await import('../../electron-double/runtime/tray');
const { buildTrayModel } = await import('../../../src/core/tray/tray-model');

const model = () =>
  buildTrayModel({
    accounts: [{ id: 'a1', name: 'Home', url: 'https://panel.example.com', username: 'alex', status: 'ok', statusMessage: null, keyStorage: 'keychain', isDemo: false, allowsPlainHttp: false }],
    servers: [],
    flags: { crashed: new Set(), shouldRun: new Set() },
    isPaused: false,
  });

const actions = new Proxy({}, { get: () => () => undefined }) as never;

beforeEach(() => {
  installFakeContext();
  process.env.PTEROTRAY_DOUBLE_PLATFORM = 'win32';
});

describe('TrayController: the menu opening', () => {
  it('reports the menu opening and closing, for each menu it builds', () => {
    const seen: boolean[] = [];
    const controller = new TrayController({ resourcesDir: '/nowhere', actions, platform: 'win32', onMenuOpenChanged: (isOpen) => seen.push(isOpen) });
    controller.render(model());
    const tray = findTray();
    tray.popUpContextMenu();
    expect(seen).toEqual([true, false]);
    controller.render({ ...model(), tooltip: 'changed' });
    tray.popUpContextMenu();
    expect(seen).toEqual([true, false, true, false]);
    controller.dispose();
  });
});
