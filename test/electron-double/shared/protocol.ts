/**
 * The messages between the app's child process and the launcher, by direction. Method names are
 * written once here; both sides use these constants and parameter types.
 */

/** A label path segment: the exact label, or a pattern for labels that carry live data. */
export type LabelMatcher = string | RegExp;

/** Where a call from a page came from, as the launcher saw it at call time. */
export interface FrameInfo {
  /** The frame's URL as the app sees it (served pages are mapped back to file:// or the app's scheme). */
  url: string;
  isMainFrame: boolean;
  /** Increases with every cross-document navigation of the main frame. */
  navigation: number;
  /** A launcher-side id for sub frames; 0 for the main frame. */
  frameKey: number;
}

export interface WebContentsEventParams {
  windowId: number;
  name:
    | 'dom-ready'
    | 'did-finish-load'
    | 'did-fail-load'
    | 'did-navigate'
    | 'did-navigate-in-page'
    | 'page-title-updated'
    | 'console-message'
    | 'render-process-gone'
    | 'preload-error'
    | 'input-event';
  url?: string;
  navigation?: number;
  detail?: Record<string, unknown>;
}

/** Launcher → child requests (the child answers). */
export const ToChild = {
  clickMenu: 'menu.click',
  clickTray: 'tray.click',
  clickNotification: 'notification.click',
  dismissNotification: 'notification.dismiss',
  expireNotification: 'notification.expire',
  userCloseWindow: 'window.userClose',
  userSetWindowBounds: 'window.userSetBounds',
  activateApp: 'app.activate',
  pressAccelerator: 'menu.pressAccelerator',
  pressGlobalShortcut: 'globalShortcut.press',
  releaseTakenShortcut: 'globalShortcut.releaseTaken',
  setSystemTrayDark: 'nativeTheme.setSystemTrayDark',
  answerDialog: 'dialog.answer',
  emitPowerMonitor: 'powerMonitor.emit',
  setOnline: 'net.setOnline',
  setSystemDarkMode: 'nativeTheme.setSystemDark',
  requestPermission: 'permission.request',
  quit: 'app.quit',
  invoke: 'ipc.invoke',
  send: 'ipc.send',
  willNavigate: 'wc.willNavigate',
  windowOpen: 'wc.windowOpen',
  /** A page's request to a scheme the app handles with protocol.handle. */
  protocolRequest: 'protocol.request',
  /** A notification, not a request. */
  webContentsEvent: 'wc.event',
} as const;

/** Child → launcher requests and notifications. */
export const ToLauncher = {
  createWindow: 'window.create',
  loadURL: 'window.load',
  destroyWindow: 'window.destroy',
  setWindowSize: 'window.setSize',
  executeJavaScript: 'window.executeJavaScript',
  reload: 'window.reload',
  setColorScheme: 'window.setColorScheme',
  /** Runs the page's beforeunload: 'unloaded' (the page closed) or 'prevented' (it refused). */
  runBeforeUnload: 'window.runBeforeUnload',
  /** After 'prevented': unload anyway (will-prevent-unload was prevented) or keep the page. */
  settleBeforeUnload: 'window.settleBeforeUnload',
  /** Notifications: */
  sendToPage: 'window.send',
  snapshot: 'snapshot',
  exiting: 'exiting',
} as const;

export interface ClickMenuParams {
  path: LabelMatcher[];
  /** 'tray' (default) or 'application'. */
  menu?: 'tray' | 'application';
  trayIndex?: number;
  modifiers?: { shiftKey?: boolean; ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean };
}

export interface InvokeParams {
  windowId: number;
  channel: string;
  args: unknown[];
  frame: FrameInfo;
}

export type InvokeReply = { ok: true; value: unknown } | { ok: false; error: string };

export interface CreateWindowParams {
  windowId: number;
  width: number;
  height: number;
  show: boolean;
  title: string;
  colorScheme: 'dark' | 'light';
  contextIsolation: boolean;
  preloadPath?: string;
}

export interface WindowOpenParams {
  windowId: number;
  url: string;
  frameName: string;
  features: string;
  disposition: 'new-window' | 'foreground-tab' | 'background-tab' | 'default' | 'other';
}

export interface ExitingParams {
  code: number;
  /** What was still open in the child when it exited, from process.getActiveResourcesInfo(). */
  activeResources: string[];
}
