/**
 * TrayController on a fake tray factory (its TrayPorts): it draws only when the model changed,
 * picks the icon per platform and panel colour, wires one click per platform, reports its
 * menu opening and closing, and destroys the tray on dispose.
 */
import type { MenuItemConstructorOptions, NativeImage } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildTrayModel, type TrayModel } from '../../../src/core/tray/tray-model';
import { TrayController, trayIconPath, type TrayPorts } from '../../../src/main/tray/tray-controller';

const actions = new Proxy({}, { get: () => () => undefined }) as never;

function model(over: Partial<TrayModel> = {}): TrayModel {
  return {
    ...buildTrayModel({
      accounts: [
        {
          id: 'a1',
          name: 'Home',
          url: 'https://panel.example.com',
          username: 'alex',
          status: 'ok',
          statusMessage: null,
          keyStorage: 'keychain',
          isDemo: false,
          allowsPlainHttp: false,
        },
      ],
      servers: [],
      flags: { crashed: new Set(), shouldRun: new Set() },
      isPaused: false,
    }),
    ...over,
  };
}

/** A fake Electron: records what the controller asks of it. */
function fakePorts(theme = { themeSource: 'system', shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: false }) {
  const log: string[] = [];
  const clicks: Array<() => void> = [];
  const menus: Array<{ template: MenuItemConstructorOptions[]; listeners: Map<string, () => void> }> = [];
  const ports: TrayPorts = {
    createTray: (image) => {
      log.push(`create:${(image as unknown as { path: string }).path}`);
      return {
        setImage: (i: NativeImage) => void log.push(`image:${(i as unknown as { path: string }).path}`),
        setToolTip: (t: string) => void log.push(`tooltip:${t}`),
        setContextMenu: () => void log.push('menu'),
        popUpContextMenu: () => void log.push('popup'),
        destroy: () => void log.push('destroy'),
        on: (_event: 'click', listener: () => void) => clicks.push(listener),
      };
    },
    buildMenu: (template) => {
      const listeners = new Map<string, () => void>();
      menus.push({ template, listeners });
      return { on: (event, listener) => listeners.set(event, listener) };
    },
    image: (path, isTemplate) => ({ path, isTemplate }) as unknown as NativeImage,
    theme: () => theme,
  };
  return { ports, log, clicks, menus, theme };
}

describe('TrayController', () => {
  it('draws the tooltip and menu once per different model, and the icon once per status', () => {
    const fake = fakePorts();
    const controller = new TrayController({ ports: fake.ports, resourcesDir: '/res', actions, platform: 'win32' });
    controller.render(model());
    controller.render(model());
    expect(controller.renderCount).toBe(1);
    controller.render(model({ tooltip: 'changed' }));
    controller.render(model({ tooltip: 'changed', status: 'problem' }));
    expect(controller.renderCount).toBe(3);
    expect(fake.log).toEqual([
      'create:/res/tray/tray-ok-light.png',
      `tooltip:${model().tooltip}`,
      'menu',
      'tooltip:changed',
      'menu',
      'image:/res/tray/tray-problem-light.png',
      'tooltip:changed',
      'menu',
    ]);
    controller.dispose();
    expect(fake.log.at(-1)).toBe('destroy');
  });

  it('uses template images on macOS and the dark-panel glyph where the panel is dark', () => {
    expect(trayIconPath('/r', 'ok', 'darwin', true)).toBe('/r/tray/tray-okTemplate.png');
    expect(trayIconPath('/r', 'paused', 'linux', true)).toBe('/r/tray/tray-paused-dark.png');
    const fake = fakePorts({ themeSource: 'system', shouldUseDarkColors: true, shouldUseDarkColorsForSystemIntegratedUI: true });
    new TrayController({ ports: fake.ports, resourcesDir: '/res', actions, platform: 'win32' }).render(model());
    expect(fake.log[0]).toBe('create:/res/tray/tray-ok-dark.png');
  });

  it('pops the menu up on a Windows click, opens the window on a Linux click, and leaves macOS to the system', () => {
    for (const [platform, expected] of [
      ['win32', ['popup']],
      ['linux', ['activate']],
      ['darwin', []],
    ] as const) {
      const fake = fakePorts();
      const seen: string[] = [];
      new TrayController({ ports: fake.ports, resourcesDir: '/res', actions, platform, onActivate: () => seen.push('activate') }).render(model());
      for (const click of fake.clicks) click();
      expect([...fake.log.filter((l) => l === 'popup'), ...seen]).toEqual(expected);
    }
  });

  it('reports the menu opening and closing, for each menu it builds', () => {
    const fake = fakePorts();
    const seen: boolean[] = [];
    const controller = new TrayController({
      ports: fake.ports,
      resourcesDir: '/res',
      actions,
      platform: 'win32',
      onMenuOpenChanged: (isOpen) => seen.push(isOpen),
    });
    controller.render(model());
    controller.render(model({ tooltip: 'changed' }));
    for (const menu of fake.menus) {
      menu.listeners.get('menu-will-show')?.();
      menu.listeners.get('menu-will-close')?.();
    }
    expect(seen).toEqual([true, false, true, false]);
    expect(fake.menus[1]?.template.length).toBeGreaterThan(0);
  });
});
