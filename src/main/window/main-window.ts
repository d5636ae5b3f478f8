/**
 * The one app window, built to the security checklist: sandboxed, context-isolated, no Node, the
 * preload as the only bridge, navigation and new windows refused, permissions denied. Closing it
 * hides it: the app lives in the tray.
 */
import { BrowserWindow, dialog, type Session } from 'electron';
import type { WindowBounds } from '../../core/settings/schema';
import type { Logger } from '../../core/util/deps';
import type { Navigation } from '../../shared/types';
import { UserActivation } from './user-activation';
import { pushMethods, type PushMethods } from '../../shared/ipc-contract';

export interface MainWindowOptions {
  preloadPath: string;
  /** The page: app://pterotray/index.html (packaged and preview builds) or the dev server's URL. */
  pageUrl: string;
  iconPath: string;
  bounds: WindowBounds | null;
  onBoundsChanged(bounds: WindowBounds): void;
  /** True while the app is quitting: then close really closes. */
  isQuitting(): boolean;
  /**
   * False when no tray icon can be seen (a desktop with no tray host): closing then minimises,
   * so the app stays in the taskbar and can be found again, instead of hiding where nobody looks.
   */
  hasTrayIcon: boolean;
  /** The person chose to keep editing rather than quit: Electron has cancelled the quit. */
  onQuitCancelled(): void;
  /** The window was shown, hidden or closed (the Dock icon follows it on macOS). */
  onVisibilityChanged?(isVisible: boolean): void;
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

/** How long the bounds must stay still before they are saved (a drag emits many resize/move events). */
export const BOUNDS_SAVE_DELAY_MS = 500;

export class MainWindow {
  readonly #options: MainWindowOptions;
  /** The person's presses and keys in this window: links the page asks for need one. */
  readonly activation = new UserActivation();
  #window: BrowserWindow | null = null;
  #pending: Navigation | null = null;
  #loaded = false;
  #bounds: { saveNow(): void; cancel(): void } | null = null;

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
    if (this.#window && this.#loaded) this.#navigateNow(navigation);
    else this.#pending = navigation;
  }

  /** The window while it exists and is not destroyed: the parent of main's own dialogs. */
  browserWindow(): BrowserWindow | null {
    return this.#window && !this.#window.isDestroyed() ? this.#window : null;
  }

  /** Push events, typed by the contract; sent if the window exists (a hidden window still gets them). */
  // Navigation goes through navigate(), which waits for the page to load.
  readonly push: Omit<PushMethods, 'appNavigate'> = pushMethods((event, payload) => {
    if (this.#window && this.#loaded && !this.#window.isDestroyed()) this.#window.webContents.send(event, payload);
  });

  /** Sends a navigation now (the page has loaded). */
  #navigateNow(navigation: Navigation): void {
    this.#now.appNavigate(navigation);
  }

  readonly #now: PushMethods = pushMethods((event, payload) => this.#window?.webContents.send(event, payload));

  dispose(): void {
    this.#bounds?.saveNow(); // A move that had not settled yet when the app quit.
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
    const boundsSaver = this.#watchBounds(window);
    this.#bounds = boundsSaver;
    window.on('close', (event) => {
      boundsSaver.saveNow();
      if (this.#options.isQuitting()) return;
      event.preventDefault();
      if (this.#options.hasTrayIcon) window.hide();
      else window.minimize();
    });
    window.on('show', () => this.#options.onVisibilityChanged?.(true));
    window.on('hide', () => this.#options.onVisibilityChanged?.(false));
    window.on('closed', () => {
      this.#options.onVisibilityChanged?.(false);
      boundsSaver.cancel();
      this.#window = null;
      this.#loaded = false;
    });
    window.webContents.on('did-finish-load', () => {
      this.#loaded = true;
      if (this.#pending) {
        this.#navigateNow(this.#pending);
        this.#pending = null;
      }
    });
    // A failed load is reported by did-fail-load; the window stays, as Electron leaves it.
    window.loadURL(this.#options.pageUrl).catch((error: unknown) => this.#options.logger.warn('window: the page did not load', { error: String(error) }));
    this.#window = window;
    return window;
  }

  /**
   * Saves the bounds once a move or resize has settled. 'resize' and 'move' exist on every
   * platform; 'resized'/'moved' only on macOS and Windows (docs/api/base-window.md), which left
   * Linux with bounds never saved. Debounced, as 'resize'/'move' fire all through a drag.
   */
  #watchBounds(window: BrowserWindow): { saveNow(): void; cancel(): void } {
    let timer: NodeJS.Timeout | null = null;
    const cancel = (): void => {
      if (timer) clearTimeout(timer);
      timer = null;
    };
    const saveNow = (): void => {
      const wasPending = timer !== null;
      cancel();
      if (wasPending && !window.isDestroyed() && !window.isMinimized()) this.#options.onBoundsChanged(window.getBounds());
    };
    const schedule = (): void => {
      cancel();
      timer = setTimeout(saveNow, BOUNDS_SAVE_DELAY_MS);
    };
    window.on('resize', schedule);
    window.on('move', schedule);
    return { saveNow, cancel };
  }

  #guard(window: BrowserWindow): void {
    // The page refuses to unload while an edit is unsaved; Electron would then cancel a close or
    // a quit silently, so ask the person instead. A quit (tray Quit, Cmd+Q, app.quit()) closes
    // the window first, which runs the page's beforeunload (docs/api/app.md, app.quit()).
    window.webContents.on('will-prevent-unload', (event) => {
      const isQuitting = this.#options.isQuitting();
      if (isQuitting) {
        // The window may be hidden in the tray: show what would be lost.
        if (window.isMinimized()) window.restore();
        window.show();
        window.focus();
      }
      const choice = dialog.showMessageBoxSync(window, {
        type: 'question',
        buttons: isQuitting ? ['Keep editing', 'Quit and discard'] : ['Keep editing', 'Discard changes'],
        defaultId: 0,
        cancelId: 0,
        message: isQuitting ? 'Quit and discard unsaved changes?' : 'Discard unsaved changes?',
        detail: 'A file you are editing has changes that are not saved.',
      });
      if (choice === 1) event.preventDefault();
      // Not prevented: Electron keeps the page and cancels the quit (BeforeUnloadDialogCancelled).
      else if (isQuitting) this.#options.onQuitCancelled();
    });
    window.webContents.on('will-navigate', (event, url) => {
      if (this.#options.isAppUrl(url)) return;
      event.preventDefault();
      this.#options.logger.warn('window: blocked a navigation away from the app');
    });
    window.webContents.on('input-event', (_event, input) => this.activation.observe(input.type));
    window.webContents.setWindowOpenHandler(({ url }) => {
      // No window is ever opened; a link to a configured panel goes to the browser instead, when
      // the person clicked it (a script's window.open without a press opens nothing).
      if (this.activation.consume()) this.#options.openExternal(url);
      else this.#options.logger.warn('links: refused a link the person did not click');
      return { action: 'deny' };
    });
  }
}
