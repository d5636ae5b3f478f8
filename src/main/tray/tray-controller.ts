/**
 * Owns the one Tray. render(model) redraws icon, tooltip and menu from the model, and does
 * nothing when the model is the same as the last one drawn (house style rule 7).
 */
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { sameTrayModel, type TrayModel, type TrayStatus } from '../../core/tray/tray-model';
import { isPanelDark } from '../desktop/panel-colour';
import { trayMenuTemplate, type TrayActions } from './tray-menu';

export interface TrayControllerOptions {
  actions: TrayActions;
  /** The folder holding resources/tray. */
  resourcesDir: string;
  platform?: NodeJS.Platform;
  /** A left click on Linux, where the host shows the menu on a right click (the window opens). */
  onActivate?: () => void;
  /** The desktop's name list (XDG_CURRENT_DESKTOP), for the colour of the panel on Linux. */
  desktop?: string;
  /**
   * The menu opened (true) or closed (false): Menu's 'menu-will-show' and 'menu-will-close'. Not
   * emitted for a tray's menu on Linux, where the host draws it over D-Bus (electron#28837).
   */
  onMenuOpenChanged?: (isOpen: boolean) => void;
  /** Electron's Tray, Menu, nativeImage and nativeTheme (electron-tray-ports.ts); fakes in unit tests. */
  ports: TrayPorts;
}

/** What the controller uses of a Tray and a Menu. */
export type TrayLike = Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'popUpContextMenu' | 'destroy'> & {
  on(event: 'click', listener: () => void): unknown;
};
export type MenuLike = { on(event: 'menu-will-show' | 'menu-will-close', listener: () => void): unknown };

/** The Electron the controller draws with, as a factory (Signal's SystemTrayService takes one too). */
export interface TrayPorts {
  createTray(image: NativeImage): TrayLike;
  buildMenu(template: MenuItemConstructorOptions[]): MenuLike;
  /** A PNG from disk; a template image (macOS colours it) when asked. */
  image(path: string, isTemplate: boolean): NativeImage;
  /** nativeTheme's readings. */
  theme(): { themeSource: string; shouldUseDarkColors: boolean; shouldUseDarkColorsForSystemIntegratedUI: boolean };
}

/**
 * Picks the icon for a status: a template image on macOS (the system colours it), else the one
 * drawn for a dark or a light panel (`-dark` is a light glyph for a dark panel).
 */
export function trayIconPath(resourcesDir: string, status: TrayStatus, platform: NodeJS.Platform, isPanelDark: boolean): string {
  const name = platform === 'darwin' ? `tray-${status}Template.png` : `tray-${status}-${isPanelDark ? 'dark' : 'light'}.png`;
  return join(resourcesDir, 'tray', name);
}

export class TrayController {
  readonly #options: TrayControllerOptions;
  #tray: TrayLike | null = null;
  #drawn: TrayModel | null = null;
  #drawnIcon: string | null = null;
  /** The desktop's own light/dark, read while the app's theme follows the system. */
  #systemDark: boolean;
  /** How many times the menu was actually rebuilt (the unit tests read it). */
  renderCount = 0;

  /** The model last drawn (for the real-Electron specs' read-only test hook). */
  get drawnModel(): TrayModel | null {
    return this.#drawn;
  }

  constructor(options: TrayControllerOptions) {
    this.#options = options;
    this.#systemDark = options.ports.theme().shouldUseDarkColors;
  }

  render(model: TrayModel): void {
    const platform = this.#options.platform ?? process.platform;
    // With themeSource 'system' shouldUseDarkColors is the desktop's; otherwise keep what it was.
    const theme = this.#options.ports.theme();
    if (theme.themeSource === 'system') this.#systemDark = theme.shouldUseDarkColors;
    const isDark = isPanelDark({
      platform,
      desktop: this.#options.desktop,
      shouldUseDarkColorsForSystemIntegratedUI: theme.shouldUseDarkColorsForSystemIntegratedUI,
      systemDark: this.#systemDark,
    });
    const iconPath = trayIconPath(this.#options.resourcesDir, model.status, platform, isDark);
    const tray = this.#ensureTray(iconPath);
    if (iconPath !== this.#drawnIcon) {
      tray.setImage(this.#image(iconPath, platform));
      this.#drawnIcon = iconPath;
    }
    if (sameTrayModel(this.#drawn, model)) return;
    tray.setToolTip(model.tooltip);
    const menu = this.#options.ports.buildMenu(trayMenuTemplate(model, this.#options.actions));
    const onOpen = this.#options.onMenuOpenChanged;
    if (onOpen) {
      menu.on('menu-will-show', () => onOpen(true));
      menu.on('menu-will-close', () => onOpen(false));
    }
    tray.setContextMenu(menu as Menu);
    this.#drawn = model;
    this.renderCount++;
  }

  dispose(): void {
    this.#tray?.destroy();
    this.#tray = null;
    this.#drawn = null;
  }

  #ensureTray(iconPath: string): TrayLike {
    if (this.#tray) return this.#tray;
    const platform = this.#options.platform ?? process.platform;
    const image = this.#image(iconPath, platform);
    this.#tray = this.#options.ports.createTray(image);
    this.#drawnIcon = iconPath;
    this.#listenForClicks(this.#tray, platform);
    return this.#tray;
  }

  /**
   * One menu per click on every platform (docs/api/tray.md): macOS opens the context menu on a
   * click by itself (popping it up again from 'click' reopened it after every pick); Windows
   * opens it on a right click only, so a left click pops it up too; on Linux the host opens it on
   * a right click and popUpContextMenu does nothing, so a left click (an activation) opens the window.
   */
  #listenForClicks(tray: TrayLike, platform: NodeJS.Platform): void {
    if (platform === 'win32') tray.on('click', () => tray.popUpContextMenu());
    else if (platform === 'linux') tray.on('click', () => this.#options.onActivate?.());
  }

  #image(path: string, platform: NodeJS.Platform): NativeImage {
    return this.#options.ports.image(path, platform === 'darwin');
  }
}
