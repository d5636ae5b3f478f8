/**
 * Menu, MenuItem and clicking by label path, in-process: template rules, separators, radio groups,
 * checkbox flipping, roles, and the user-like refusals.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Menu, type MenuItem, type MenuItemOptions } from '../../electron-double/runtime/menu';
import { captureMenu, clickMenuPath, menuNodes } from '../../electron-double/runtime/menu-view';
import { Tray } from '../../electron-double/runtime/tray';
import { installFakeContext, type FakeContextLog } from './fake-context';

let context: FakeContextLog;

beforeEach(() => {
  context = installFakeContext();
});

function labels(menu: Menu): string[] {
  return menu.items.map((item) => `${item.type}:${item.label}`);
}

describe('Menu.buildFromTemplate', () => {
  it('rejects templates the way Electron does', () => {
    expect(() => Menu.buildFromTemplate({} as unknown as MenuItemOptions[])).toThrow('Invalid template for Menu: Menu template must be an array');
    expect(() => Menu.buildFromTemplate([{ type: 'checkbox' }])).toThrow('Invalid template for MenuItem: must have at least one of label, role or type');
    expect(() => Menu.buildFromTemplate([{ label: 'x', type: 'bogus' as 'normal' }])).toThrow('Unknown menu item type: bogus');
    expect(() => Menu.buildFromTemplate([{ label: 'x', type: 'submenu' }])).toThrow('Invalid submenu');
  });

  it('folds doubled separators, drops edge ones and infers submenus', () => {
    const menu = Menu.buildFromTemplate([
      { type: 'separator' },
      { label: 'A' },
      { type: 'separator' },
      { type: 'separator' },
      { label: 'B', submenu: [{ label: 'B1' }] },
      { type: 'separator' },
    ]);
    expect(labels(menu)).toEqual(['normal:A', 'separator:', 'submenu:B']);
    expect(menu.items[2]?.submenu?.items[0]?.label).toBe('B1');
    expect(menu.getMenuItemById('missing')).toBeNull();
  });

  it('gives roles their default labels and runs the quit role instead of the click handler', () => {
    const click = vi.fn();
    const menu = Menu.buildFromTemplate([{ role: 'quit', click }]);
    expect(menu.items[0]?.label).toBe('Quit');
    clickMenuPath(captureMenu(menu), { path: ['Quit'] });
    expect(context.quits).toBe(1);
    expect(click).not.toHaveBeenCalled();
  });
});

describe('checkbox and radio items', () => {
  it('flips a checkbox before calling the handler with (item, window, event)', () => {
    const click = vi.fn((item: MenuItem, _window?: unknown, _event?: unknown) => item.checked);
    const menu = Menu.buildFromTemplate([{ label: 'Notify me', type: 'checkbox', click }]);
    clickMenuPath(captureMenu(menu), { path: ['Notify me'], modifiers: { shiftKey: true } });
    expect(click).toHaveReturnedWith(true);
    expect(click.mock.calls[0]?.[1]).toBeUndefined();
    expect(click.mock.calls[0]?.[2]).toEqual({ triggeredByAccelerator: false, shiftKey: true });
  });

  it('keeps one checked radio per group; groups end at separators; assigning false still checks', () => {
    const menu = Menu.buildFromTemplate([
      { label: 'Fast', type: 'radio', checked: true },
      { label: 'Slow', type: 'radio' },
      { type: 'separator' },
      { label: 'Dark', type: 'radio' },
    ]);
    const [fast, slow, , dark] = menu.items;
    expect(dark?.checked).toBe(false);
    // Opening the menu checks the first item of a group with none checked ("Dark").
    clickMenuPath(captureMenu(menu), { path: ['Slow'] });
    expect([fast?.checked, slow?.checked, dark?.checked]).toEqual([false, true, true]);
    if (fast) fast.checked = false;
    expect([fast?.checked, slow?.checked, dark?.checked]).toEqual([true, false, true]);
  });
});

describe('clicking by label path', () => {
  const template: MenuItemOptions[] = [
    { label: 'Panel', submenu: [{ label: 'Survival ●', submenu: [{ label: 'Start' }, { label: 'Stop', enabled: false }] }] },
    { label: 'Hidden', visible: false },
    { label: 'Twin' },
    { label: 'Twin' },
  ];

  it('opens each menu on the way and accepts patterns for labels with live data', () => {
    const start = vi.fn();
    const menu = Menu.buildFromTemplate(template);
    const startItem = menu.items[0]?.submenu?.items[0]?.submenu?.items[0];
    const shown = vi.fn();
    menu.on('menu-will-show', shown);
    const view = captureMenu(menu);
    (startItem as unknown as { click: (...args: unknown[]) => void }).click = start;
    clickMenuPath(view, { path: ['Panel', /^Survival/, 'Start'] });
    expect(start).toHaveBeenCalledOnce();
    expect(shown).toHaveBeenCalledOnce();
  });

  it('refuses disabled, hidden, missing, ambiguous and submenu targets with a useful message', () => {
    const view = captureMenu(Menu.buildFromTemplate(template));
    expect(() => clickMenuPath(view, { path: ['Panel', 'Survival ●', 'Stop'] })).toThrow(
      'menu item "Stop" under "Panel › Survival ●" is disabled; a user cannot click it',
    );
    expect(() => clickMenuPath(view, { path: ['Hidden'] })).toThrow('is hidden (visible: false)');
    expect(() => clickMenuPath(view, { path: ['Panel', 'Creative'] })).toThrow('no menu item Creative under "Panel"; the menu has "Survival ●"');
    expect(() => clickMenuPath(view, { path: ['Twin'] })).toThrow('ambiguous (2 items match)');
    expect(() => clickMenuPath(view, { path: ['Panel'] })).toThrow('"Panel" is a submenu');
    expect(() => clickMenuPath(view, { path: ['Twin', 'x'] })).toThrow();
  });
});

describe('Tray', () => {
  it('cannot be made before ready, and refuses calls once destroyed (Electron messages)', () => {
    context.ready = false;
    expect(() => new Tray('/nowhere.png')).toThrow('Cannot create Tray before app is ready');
    context.ready = true;
    const tray = new Tray('/nowhere.png');
    expect(context.warnings[0]).toMatch(/Tray image is empty/);
    tray.destroy();
    expect(() => tray.setToolTip('x')).toThrow('Tray is destroyed');
  });

  it('shows a changed MenuItem only after setContextMenu is called again (the Linux rule)', () => {
    const tray = new Tray('/nowhere.png');
    const menu = Menu.buildFromTemplate([{ label: 'Start' }]);
    tray.setContextMenu(menu);
    const item = menu.items[0] as MenuItem;
    item.label = 'Stop';
    expect(tray.toSnapshot().menu?.[0]?.label).toBe('Start');
    tray.setContextMenu(menu);
    expect(tray.toSnapshot().menu?.[0]?.label).toBe('Stop');
    expect(menuNodes(null)).toBeNull();
  });
});
