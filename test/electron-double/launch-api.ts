/**
 * The public shape of the launcher (test/electron-double/launch.ts): what `launchApp` accepts and
 * what a running app on the double offers a test.
 */
import type { Page } from 'playwright-core';
import type { ExitInfo } from './launcher/app-process';
import type { IpcLogEntry } from './launcher/ipc-log';
import type { SnapshotPredicate, WaitOptions } from './launcher/snapshot-store';
import type { ClickMenuParams, LabelMatcher } from './shared/protocol';
import type { AppSnapshot, DialogCall, DialogKind, NotificationRecord, ShellCall, TraySnapshot, WindowRecord } from './shared/snapshot';

export interface LaunchOptions {
  /** The app's main script (e.g. 'out/main/index.js'), relative to `cwd`. */
  main: string;
  env?: Record<string, string>;
  /** Temp dir for every app path (userData, logs, …). Made, and removed on close, when not given. */
  home?: string;
  /** Extra argv for the app. */
  args?: string[];
  cwd?: string;
  /** Headed Chromium (needs a display, e.g. Xvfb). Default: PTEROTRAY_HEADED=1. */
  headed?: boolean;
  /** The desktop's dark-mode preference (nativeTheme 'system'). */
  darkMode?: boolean;
  /** Default: PTEROTRAY_CHROMIUM or /usr/bin/chromium. */
  chromiumPath?: string;
  /** Default deadline of waitFor / window(). */
  timeoutMs?: number;
  /** Make every Notification.show() fail ('failed' event), like a desktop without a notification daemon. */
  failNotifications?: boolean;
  /**
   * macOS: whether the app is code-signed. Default false, like a dev build: since Electron 42 an
   * unsigned app gets 'failed' for every notification (docs/breaking-changes.md).
   */
  signed?: boolean;
  /**
   * The desktop to play (default linux): Electron's per-platform behaviour for tray, window
   * events, login items, activate, notifications and the default menu. The app sees it as
   * `process.platform`.
   */
  platform?: 'linux' | 'darwin' | 'win32';
  /** Linux only: false for a desktop with no tray host (plain GNOME). Default true. */
  trayHost?: boolean;
  /** Play an installed build: `app.isPackaged` true, no `process.defaultApp`. Default false (npm start). */
  packaged?: boolean;
  /** Echo the app's output to stderr as it comes (default: PTEROTRAY_DOUBLE_ECHO=1). */
  echo?: boolean;
}

export interface LogLine {
  stream: 'stdout' | 'stderr' | 'renderer';
  text: string;
}

/** Picks a record by index or predicate. */
export type Which<T> = number | ((record: T) => boolean);

/** A running app on the double. */
export interface LaunchedApp {
  readonly home: string;
  readonly pid: number;
  /** Resolves when the app's process has exited (for any reason). */
  readonly exited: Promise<ExitInfo>;
  snapshot(): AppSnapshot;
  /** The newest live tray (or tray #index): icon, tooltip, title and menu tree. */
  tray(index?: number): TraySnapshot | undefined;
  /**
   * A user clicking the tray icon (left button by default), handled as on the launch's platform:
   * 'click', 'right-click' and the context menu opening (counted in the tray's `menuOpens`).
   * Fails when the desktop has no tray host (the icon is not shown).
   */
  clickTray(options?: { trayIndex?: number; button?: 'left' | 'right' }): Promise<void>;
  /** A user picking a menu item by its label path; refuses disabled or hidden items. */
  clickMenu(path: LabelMatcher[], options?: Omit<ClickMenuParams, 'path'>): Promise<void>;
  waitFor<T>(predicate: SnapshotPredicate<T>, options?: WaitOptions): Promise<T>;
  notifications(): NotificationRecord[];
  clickNotification(which: Which<NotificationRecord>): Promise<void>;
  /** A user dismissing the notification (on Windows, also clearing it from Action Center). */
  dismissNotification(which: Which<NotificationRecord>): Promise<void>;
  /** The desktop timing the notification out (Windows: 'close' timedOut, and it waits in Action Center). */
  expireNotification(which: Which<NotificationRecord>): Promise<void>;
  /** The Playwright page of the first open window (or the one picked), once it has one. */
  window(which?: Which<WindowRecord>, options?: WaitOptions): Promise<Page>;
  windows(): WindowRecord[];
  /** A user closing the window (emits 'close', which the app may prevent). */
  closeWindow(which?: Which<WindowRecord>): Promise<void>;
  /** A user moving or resizing the window by its frame ('resized'/'moved' follow on macOS and Windows). */
  dragWindow(bounds: Partial<WindowRecord['bounds']>, which?: Which<WindowRecord>): Promise<void>;
  /**
   * macOS: the user re-opening the running app (Finder, Spotlight, the Dock icon): 'activate'
   * with `hasVisibleWindows`, as Electron emits it. Refused on other platforms, where it does not exist.
   */
  activate(): Promise<void>;
  /**
   * A key press the application menu may own, in Electron's accelerator syntax ('Ctrl+Shift+I',
   * 'CmdOrCtrl+R', 'Alt+Command+I'): the matching item of the application menu is clicked for the
   * focused window, as the menu bar's accelerators are. Resolves with the label clicked, or null.
   */
  pressAccelerator(accelerator: string): Promise<string | null>;
  /**
   * A system-wide key press (globalShortcut): the registered callback runs whether or not a window
   * has focus. Resolves with whether the accelerator was registered.
   */
  pressGlobalShortcut(accelerator: string): Promise<boolean>;
  /** Another application lets go of a shortcut it held (PTEROTRAY_DOUBLE_TAKEN_SHORTCUTS): free to register from now on. */
  releaseTakenShortcut(accelerator: string): Promise<void>;
  /** Windows: the taskbar's own light/dark (shouldUseDarkColorsForSystemIntegratedUI). */
  setSystemTrayDark(dark: boolean): Promise<void>;
  readonly dialog: { answerNext(kind: DialogKind, answer: Record<string, unknown>): Promise<void>; calls(): DialogCall[] };
  shellCalls(): ShellCall[];
  clipboard(): { text: string; writes: string[] };
  ipcLog(): IpcLogEntry[];
  logs(): LogLine[];
  emitPowerMonitor(event: string): Promise<void>;
  setOnline(online: boolean): Promise<void>;
  setSystemDarkMode(dark: boolean): Promise<void>;
  /** A page asking for a permission; resolves with what the app's handler granted. */
  requestPermission(permission: string, which?: Which<WindowRecord>): Promise<boolean>;
  /** Sets files on an <input type=file> so webUtils.getPathForFile knows their paths. */
  setInputFiles(selector: string, paths: string[], which?: Which<WindowRecord>): Promise<void>;
  /** Pids of the app's Chromium (browser and children); empty before the first window. */
  chromiumPids(): number[];
  /** Asks the app to quit like a user would (app.quit()), waits for exit, kills after the deadline. */
  close(options?: { timeoutMs?: number }): Promise<ExitInfo>;
}
