/**
 * The one app window, built to the security checklist: sandboxed, context-isolated, no Node, the
 * preload as the only bridge, navigation and new windows refused, permissions denied. Closing it
 * hides it: the app lives in the tray.
 */
import { BrowserWindow, dialog, type Session } from 'electron';
import type { WindowBounds } from '../../core/settings/schema';
import type { Logger } from '../../core/util/deps';
import type { Navigation } from '../../shared/types';

export interface MainWindowOptions {
  preloadPath: string;
  /** The page: app://pterotray/index.html (packaged and preview builds) or the dev server's URL. */
  pageUrl: string;
  iconPath: string;
  bounds: WindowBounds | null;
  onBoundsChanged(bounds: WindowBounds): void;
  /** True while the app is quitting: then close really closes. */
  isQuitting(): boolean;
  isAppUrl(url: string): boolean;
  /** Opens a link in the browser if it is on a configured panel's origin; refuses otherwise. */
  openExternal(url: string): void;
  logger: Logger;
}

/** The web preferences every window gets; the security tests read them back. */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    safeDialogs: true,
  };
}

/** Denies every permission (camera, notifications from the page, geolocation, …). */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export class MainWindow {
  readonly #options: MainWindowOptions;
  #window: BrowserWindow | null = null;
  #pending: Navigation | null = null;
  #loaded = false;

  constructor(options: MainWindowOptions) {
    this.#options = options;
  }

  /** Shows the window (creating it on first use) and goes to `navigation` when given. */
  show(navigation: Navigation | null = null): void {
    const window = this.#window ?? this.#create();
    if (navigation) this.navigate(navigation);
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  navigate(navigation: Navigation): void {
    if (this.#window && this.#loaded) this.#window.webContents.send('app:navigate', navigation);
    else this.#pending = navigation;
  }

  /** Sends a push event if the window exists; a hidden window still gets updates. */
  send(channel: string, payload: unknown): void {
    if (this.#window && this.#loaded && !this.#window.isDestroyed()) this.#window.webContents.send(channel, payload);
  }

  dispose(): void {
    this.#window?.destroy();
    this.#window = null;
  }

  #create(): BrowserWindow {
    const { bounds } = this.#options;
    const window = new BrowserWindow({
      ...(bounds ?? { width: 1100, height: 720 }),
      minWidth: 720,
      minHeight: 480,
      show: false,
      title: 'Pterotray',
      icon: this.#options.iconPath,
      backgroundColor: '#1e1f22',
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences(this.#options.preloadPath),
    });
    lockDownSession(window.webContents.session);
    this.#guard(window);
    window.on('close', (event) => {
      if (this.#options.isQuitting()) return;
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      this.#window = null;
      this.#loaded = false;
    });
    const saveBounds = (): void => {
      if (!window.isDestroyed() && !window.isMinimized()) this.#options.onBoundsChanged(window.getBounds());
    };
    window.on('resized', saveBounds);
    window.on('moved', saveBounds);
    window.webContents.on('did-finish-load', () => {
      this.#loaded = true;
      if (this.#pending) {
        window.webContents.send('app:navigate', this.#pending);
        this.#pending = null;
      }
    });
    // A failed load is reported by did-fail-load; the window stays, as Electron leaves it.
    window.loadURL(this.#options.pageUrl).catch((error: unknown) => this.#options.logger.warn('window: the page did not load', { error: String(error) }));
    this.#window = window;
    return window;
  }

  #guard(window: BrowserWindow): void {
    // The page refuses to unload while an edit is unsaved; Electron would then cancel a quit
    // silently, so ask the person instead.
    window.webContents.on('will-prevent-unload', (event) => {
      const choice = dialog.showMessageBoxSync(window, {
        type: 'question',
        buttons: ['Keep editing', 'Discard changes'],
        defaultId: 0,
        cancelId: 0,
        message: 'Discard unsaved changes?',
        detail: 'A file you are editing has changes that are not saved.',
      });
      if (choice === 1) event.preventDefault();
    });
    window.webContents.on('will-navigate', (event, url) => {
      if (this.#options.isAppUrl(url)) return;
      event.preventDefault();
      this.#options.logger.warn('window: blocked a navigation away from the app');
    });
    window.webContents.setWindowOpenHandler(({ url }) => {
      // No window is ever opened; a link to a configured panel goes to the browser instead.
      this.#options.openExternal(url);
      return { action: 'deny' };
    });
  }
}
