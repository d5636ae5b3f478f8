/**
 * Owns the one Tray. render(model) redraws icon, tooltip and menu from the model, and does
 * nothing when the model is the same as the last one drawn (house style rule 7).
 */
import { join } from 'node:path';
import { Menu, Tray, nativeImage, nativeTheme, type NativeImage } from 'electron';
import { sameTrayModel, type TrayModel, type TrayStatus } from '../../core/tray/tray-model';
import { trayMenuTemplate, type TrayActions } from './tray-menu';

export interface TrayControllerOptions {
  actions: TrayActions;
  /** The folder holding resources/tray. */
  resourcesDir: string;
  platform?: NodeJS.Platform;
  /** For tests of the controller itself; the app uses Electron's Tray. */
  createTray?: (image: NativeImage) => Tray;
}

/** Picks the icon for a status: a template image on macOS, else light or dark for the theme. */
export function trayIconPath(resourcesDir: string, status: TrayStatus, platform: NodeJS.Platform, isDark: boolean): string {
  const name = platform === 'darwin' ? `tray-${status}Template.png` : `tray-${status}-${isDark ? 'dark' : 'light'}.png`;
  return join(resourcesDir, 'tray', name);
}

export class TrayController {
  readonly #options: TrayControllerOptions;
  #tray: Tray | null = null;
  #drawn: TrayModel | null = null;
  #drawnIcon: string | null = null;
  /** How many times the menu was actually rebuilt (tests and benchmarks read it). */
  renderCount = 0;

  /** The model last drawn (for the real-Electron specs' read-only test hook). */
  get drawnModel(): TrayModel | null {
    return this.#drawn;
  }

  constructor(options: TrayControllerOptions) {
    this.#options = options;
  }

  render(model: TrayModel): void {
    const platform = this.#options.platform ?? process.platform;
    const iconPath = trayIconPath(this.#options.resourcesDir, model.status, platform, nativeTheme.shouldUseDarkColors);
    const tray = this.#ensureTray(iconPath);
    if (iconPath !== this.#drawnIcon) {
      tray.setImage(this.#image(iconPath, platform));
      this.#drawnIcon = iconPath;
    }
    if (sameTrayModel(this.#drawn, model)) return;
    tray.setToolTip(model.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(model, this.#options.actions)));
    this.#drawn = model;
    this.renderCount++;
  }

  dispose(): void {
    this.#tray?.destroy();
    this.#tray = null;
    this.#drawn = null;
  }

  #ensureTray(iconPath: string): Tray {
    if (this.#tray) return this.#tray;
    const platform = this.#options.platform ?? process.platform;
    const image = this.#image(iconPath, platform);
    this.#tray = this.#options.createTray ? this.#options.createTray(image) : new Tray(image);
    this.#drawnIcon = iconPath;
    // Linux trays show the menu on click anyway; elsewhere a left click opens it too.
    this.#tray.on('click', () => this.#tray?.popUpContextMenu());
    return this.#tray;
  }

  #image(path: string, platform: NodeJS.Platform): NativeImage {
    const image = nativeImage.createFromPath(path);
    if (platform === 'darwin') image.setTemplateImage(true);
    return image;
  }
}
