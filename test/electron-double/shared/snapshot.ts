/**
 * What the double records about the app, as plain data: the child pushes a whole AppSnapshot to
 * the launcher whenever something changes, and tests read and wait on it.
 */

/** A NativeImage as the tray, a menu or a notification was given it. */
export interface ImageRef {
  /** Stable per NativeImage object in the child. */
  id: number;
  source: 'empty' | 'path' | 'buffer' | 'dataURL' | 'resize' | 'crop';
  /** Absolute path for images made from a file. */
  path?: string;
  isEmpty: boolean;
  width: number;
  height: number;
  isTemplate: boolean;
}

export type MenuItemKind = 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio' | 'header' | 'palette';

/** One menu item as the user would see it when the menu opens. */
export interface MenuNode {
  label: string;
  type: MenuItemKind;
  role?: string;
  id?: string;
  enabled: boolean;
  visible: boolean;
  checked: boolean;
  sublabel?: string;
  toolTip?: string;
  accelerator?: string;
  icon?: ImageRef;
  submenu?: MenuNode[];
}

export interface TraySnapshot {
  /** Creation order among all trays of the app, from 0. */
  index: number;
  destroyed: boolean;
  /** The icon; a path string is recorded as the NativeImage Electron would make from it. */
  image: ImageRef;
  pressedImage?: ImageRef;
  tooltip: string;
  title: string;
  /**
   * The context menu as of the last `setContextMenu` call. On Linux changes to MenuItems only show
   * after `setContextMenu` is called again, so the double records it at that moment.
   */
  menu: MenuNode[] | null;
  /** How many times the user saw the context menu open (by a click, or the app's popUpContextMenu). */
  menuOpens: number;
}

/**
 * `in-action-center`: a Windows toast that timed out ('close', reason timedOut) and waits in
 * Action Center, where the user can still click it.
 */
export type NotificationState = 'shown' | 'in-action-center' | 'clicked' | 'closed' | 'replaced' | 'failed';

/** One `show()` of a Notification (showing the same object twice records two entries). */
export interface NotificationRecord {
  index: number;
  title: string;
  subtitle: string;
  body: string;
  silent: boolean;
  urgency: string;
  timeoutType: string;
  icon?: ImageRef | string;
  actions: { type: string; text?: string }[];
  hasReply: boolean;
  state: NotificationState;
  /**
   * Events emitted on the Notification object, in order ('show', 'click', 'close', …), and
   * 'activation' when Windows delivered a click to `Notification.handleActivation`'s callback.
   */
  events: string[];
  /** Windows: the custom toast XML, when one was given. */
  toastXml?: string;
  /** Windows: the toast's `launch` arguments (what an activation hands the app); '' for Electron's default toast. */
  launchArguments?: string;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A BrowserWindow: its options as given, the effective webPreferences, and its live state. */
export interface WindowRecord {
  id: number;
  webContentsId: number;
  /** The constructor options, with images as ImageRefs and functions dropped. */
  options: Record<string, unknown>;
  /** webPreferences with Electron's defaults applied, for security assertions. */
  webPreferences: Record<string, unknown>;
  /** The URL as the app sees it (file:// for loadFile, even though the double serves it over http). */
  url: string;
  title: string;
  visible: boolean;
  focused: boolean;
  minimized: boolean;
  destroyed: boolean;
  bounds: Bounds;
  devToolsOpened: boolean;
  hasWindowOpenHandler: boolean;
  windowOpenRequests: { url: string; action: string }[];
  /** Navigations the page started and what the app's will-navigate listeners decided. */
  navigationRequests: { url: string; prevented: boolean }[];
}

export type DialogKind = 'showMessageBox' | 'showOpenDialog' | 'showSaveDialog' | 'showErrorBox';

export interface DialogCall {
  kind: DialogKind;
  sync: boolean;
  windowId?: number;
  options: Record<string, unknown>;
  /** What the app got back. */
  result: unknown;
  /** True when the test scripted the answer, false when the double answered "cancel". */
  scripted: boolean;
}

export interface ShellCall {
  method: 'openExternal' | 'openPath' | 'showItemInFolder' | 'trashItem' | 'beep';
  target?: string;
}

export interface PermissionRequestRecord {
  permission: string;
  windowId?: number;
  granted: boolean;
  /** False when no handler was set (Electron then grants). */
  handled: boolean;
}

export interface SingleInstanceState {
  requested: boolean;
  hasLock: boolean;
  secondInstances: { argv: string[]; workingDirectory: string; additionalData: unknown }[];
}

export interface AppSnapshot {
  /** Increases with every push. */
  seq: number;
  pid: number;
  /** The desktop the double plays (LaunchOptions.platform). */
  platform: 'linux' | 'darwin' | 'win32';
  /** False when no tray host shows the icon (LaunchOptions.trayHost). */
  trayHost: boolean;
  /** The app process's Node and (claimed) Electron versions. */
  versions: { node: string; electron: string };
  name: string;
  version: string;
  ready: boolean;
  quitting: boolean;
  /** App events in the order they were emitted ('ready', 'before-quit', 'will-quit', 'quit', …). */
  lifecycle: string[];
  trays: TraySnapshot[];
  applicationMenu: MenuNode[] | null;
  notifications: NotificationRecord[];
  windows: WindowRecord[];
  dialogs: DialogCall[];
  shell: ShellCall[];
  clipboard: { text: string; writes: string[] };
  /** The accelerators registered with globalShortcut now, as the app spelled them. */
  globalShortcuts: string[];
  /** The login item as the OS holds it (macOS, Windows; on Linux Electron keeps nothing). */
  loginItemSettings: Record<string, unknown>;
  /** Every app.setLoginItemSettings call, in order, on every platform. */
  loginItemCalls: Record<string, unknown>[];
  /** macOS: the Dock icon's visibility and the calls made (runtime/dock.ts); null elsewhere. */
  dock: { visible: boolean; calls: string[] } | null;
  appUserModelId?: string;
  singleInstance: SingleInstanceState;
  nativeTheme: { themeSource: string; shouldUseDarkColors: boolean };
  session: {
    hasPermissionRequestHandler: boolean;
    hasPermissionCheckHandler: boolean;
    /** webRequest listeners registered (onHeadersReceived, onBeforeRequest, …); they are not applied. */
    webRequestListeners: number;
    permissionRequests: PermissionRequestRecord[];
  };
  protocol: { handled: string[]; privilegedSchemes: string[] };
  commandLine: { switches: Record<string, string>; arguments: string[] };
}
