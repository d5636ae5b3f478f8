/**
 * Menu and MenuItem, following Electron's lib/browser/api/menu.ts and menu-item.ts: template
 * validation, separator folding, radio groups (setting `checked` on a radio item always checks it
 * and unchecks its group), checkbox/radio flipping on click, roles, and `click(item, window, event)`.
 * Template positioning (`before`/`after`) is not implemented: items keep template order.
 */
import { EventEmitter } from 'node:events';
import type { KeyboardEvent, Menu as ElectronMenu, MenuItem as ElectronMenuItem } from 'electron';
import type { MenuItemKind } from '../shared/snapshot';
import { doubleContext } from './context';
import { createEvent } from './event';
import { removeExtraSeparators, validateTemplate } from './menu-template';
import type { NativeImage } from './native-image';
import { defaultRoleAccelerator, defaultRoleLabel, defaultRoleSubmenu, executeRole, normalizeAccelerator } from './roles';

const ITEM_TYPES: readonly MenuItemKind[] = ['normal', 'separator', 'submenu', 'checkbox', 'radio', 'header', 'palette'];

/** What `new MenuItem(options)` and templates accept. */
export interface MenuItemOptions {
  click?: (menuItem: MenuItem, window: unknown, event: KeyboardEvent) => void;
  role?: string;
  type?: MenuItemKind;
  label?: string;
  sublabel?: string;
  toolTip?: string;
  accelerator?: string | null;
  icon?: NativeImage | string;
  enabled?: boolean;
  visible?: boolean;
  checked?: boolean;
  registerAccelerator?: boolean;
  acceleratorWorksWhenHidden?: boolean;
  submenu?: Menu | Array<MenuItemOptions | MenuItem>;
  id?: string;
}

let nextCommandId = 0;
let applicationMenu: Menu | null = null;
/** lib/browser/default-menu.ts: any setApplicationMenu call (null too) keeps Electron's default away. */
let applicationMenuWasSet = false;

type ItemApi = Pick<ElectronMenuItem, 'label' | 'sublabel' | 'toolTip' | 'enabled' | 'visible' | 'id' | 'commandId' | 'registerAccelerator'>;

/** One item; build them through templates or `new MenuItem(options)`. */
export class MenuItem implements ItemApi {
  readonly type: MenuItemKind;
  readonly role: string | undefined;
  readonly submenu: Menu | undefined;
  readonly accelerator: string | null;
  readonly icon: NativeImage | string | undefined;
  readonly commandId = ++nextCommandId;
  readonly userAccelerator = null;
  label: string;
  sublabel: string;
  toolTip: string;
  enabled: boolean;
  visible: boolean;
  id: string;
  registerAccelerator: boolean;
  acceleratorWorksWhenHidden: boolean;
  menu: Menu | undefined;
  /** Set by the owning Menu for radio items: the items that uncheck each other. */
  radioGroup: MenuItem[] | undefined;
  readonly click: (event: KeyboardEvent, focusedWindow: unknown) => void;
  private isChecked: boolean;

  constructor(options: MenuItemOptions) {
    // menu-item.ts: a menu role without a submenu gets its default one (File, Edit, View, …).
    const submenu = options.submenu ?? defaultRoleSubmenu(options.role);
    this.submenu = submenu === undefined || submenu instanceof Menu ? submenu : Menu.buildFromTemplate(submenu);
    const type = options.type ?? (this.submenu ? 'submenu' : 'normal');
    if (!ITEM_TYPES.includes(type)) throw new Error(`Unknown menu item type: ${String(type)}`);
    if (type === 'submenu' && !this.submenu) throw new Error('Invalid submenu');
    this.type = type;
    this.role = options.role;
    this.accelerator = options.accelerator ?? defaultRoleAccelerator(options.role) ?? null;
    this.icon = options.icon;
    this.label = options.label ?? defaultRoleLabel(options.role);
    this.sublabel = options.sublabel ?? '';
    this.toolTip = options.toolTip ?? '';
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.id = options.id ?? '';
    this.registerAccelerator = options.registerAccelerator ?? true;
    this.acceleratorWorksWhenHidden = options.acceleratorWorksWhenHidden ?? true;
    this.isChecked = options.checked ?? false;
    const userClick = options.click;
    this.click = (event, focusedWindow) => {
      // Electron flips checkbox/radio state itself before calling the app's handler.
      if (this.type === 'checkbox' || this.type === 'radio') this.checked = !this.checked;
      if (!executeRole(this.role)) userClick?.(this, focusedWindow, event);
    };
  }

  get checked(): boolean {
    return this.isChecked;
  }

  /** On a radio item any assignment checks it and unchecks the rest of its group (as Electron does). */
  set checked(value: boolean) {
    if (!this.radioGroup) {
      this.isChecked = value;
      return;
    }
    for (const other of this.radioGroup) other.isChecked = other === this;
  }

  /** Sets the state without the radio rule (menus use it when a group has nothing checked). */
  setCheckedQuietly(value: boolean): void {
    this.isChecked = value;
  }
}

type MenuApi = Pick<ElectronMenu, 'closePopup'>;

/** A menu: the tray's context menu, a submenu or the application menu. */
export class Menu extends EventEmitter implements MenuApi {
  readonly items: MenuItem[] = [];

  static buildFromTemplate(template: Array<MenuItemOptions | MenuItem>): Menu {
    validateTemplate(template);
    const menu = new Menu();
    for (const entry of removeExtraSeparators(template)) menu.append(entry instanceof MenuItem ? entry : new MenuItem(entry));
    return menu;
  }

  static setApplicationMenu(menu: Menu | null): void {
    applicationMenuWasSet = true;
    applicationMenu = menu;
    doubleContext().recorder.touch();
  }

  static getApplicationMenu(): Menu | null {
    return applicationMenu;
  }

  static sendActionToFirstResponder(): void {
    // macOS only.
  }

  static setHighlightColors(): void {
    // macOS only.
  }

  append(item: MenuItem): void {
    this.insert(this.items.length, item);
  }

  insert(position: number, item: MenuItem): void {
    if (!(item instanceof MenuItem)) throw new TypeError('Invalid item');
    this.items.splice(position, 0, item);
    item.menu = this;
    if (item.type === 'radio') this.joinRadioGroup(position, item);
  }

  getMenuItemById(id: string): MenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item;
      const found = item.submenu?.getMenuItemById(id);
      if (found) return found;
    }
    return null;
  }

  /** Records nothing: a popup has no user to click it. Emits the open/close events like a dismissed menu. */
  popup(): void {
    this.willShow();
    this.emit('menu-will-close', createEvent());
  }

  closePopup(): void {}

  /** What Electron does as a menu opens: every radio group gets a checked item. */
  willShow(): void {
    const groups = new Set(this.items.map((item) => item.radioGroup).filter((group) => group !== undefined));
    for (const group of groups) {
      const first = group[0];
      if (first && !group.some((item) => item.checked)) first.setCheckedQuietly(true);
    }
    this.emit('menu-will-show', createEvent());
  }

  private joinRadioGroup(position: number, item: MenuItem): void {
    const group = this.neighbourRadioGroup(position) ?? [];
    group.push(item);
    item.radioGroup = group;
  }

  // Electron's generateGroupId: the nearest radio item before (else after) the position, stopping at separators.
  private neighbourRadioGroup(position: number): MenuItem[] | undefined {
    const scan = position > 0 ? this.items.slice(0, position).reverse() : this.items.slice(position + 1);
    for (const other of scan) {
      if (other.type === 'radio') return other.radioGroup;
      if (other.type === 'separator') break;
    }
    return undefined;
  }
}

/**
 * lib/browser/default-menu.ts, run at 'will-finish-launching': unless the app set its own menu
 * (or null) first, Electron installs App (macOS), File, Edit, View (Reload, Force Reload, Toggle
 * Developer Tools, …) and Window. On Linux and Windows it is every window's menu bar (shown by Alt
 * when autoHideMenuBar), and its accelerators work while a window has focus.
 */
export function setDefaultApplicationMenu(): void {
  if (applicationMenuWasSet) return;
  const template: MenuItemOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  applicationMenu = Menu.buildFromTemplate(template);
  doubleContext().recorder.touch();
}

function findAccelerated(menu: Menu, keys: string): MenuItem | undefined {
  for (const item of menu.items) {
    if (!item.enabled || item.type === 'separator') continue;
    if (item.submenu) {
      const found = findAccelerated(item.submenu, keys);
      if (found) return found;
    } else if (
      item.accelerator &&
      item.registerAccelerator &&
      (item.visible || item.acceleratorWorksWhenHidden) &&
      normalizeAccelerator(item.accelerator) === keys
    ) {
      return item;
    }
  }
  return undefined;
}

/**
 * A key press in the focused window: the application menu's item with that accelerator is
 * clicked (with `triggeredByAccelerator`). Null when no window has focus or no item matches
 * (the key then goes to the page, which the double does not model).
 */
export function pressAccelerator(accelerator: string): string | null {
  const window = doubleContext().focusedWindow();
  if (!window || !applicationMenu) return null;
  const item = findAccelerated(applicationMenu, normalizeAccelerator(accelerator));
  if (!item) return null;
  item.click({ triggeredByAccelerator: true }, window);
  return item.label;
}
