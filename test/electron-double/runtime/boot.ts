/**
 * Starts the double in the app's process: identity (`process.type`, `process.versions.electron`),
 * paths, the pipe to the launcher, the snapshot sections, and 'ready'. Like Electron, the process
 * then stays alive until the app quits or exits, whatever else is pending.
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ToLauncher } from '../shared/protocol';
import { App } from './app';
import { AppPaths } from './app-paths';
import { connectBridge, type Bridge } from './bridge';
import { BrowserWindow, windowRecords } from './browser-window';
import { clipboardState } from './clipboard';
import { globalShortcutState } from './global-shortcut';
import { setDoubleContext } from './context';
import { dialogCalls } from './dialog';
import { registerLauncherHandlers } from './launcher-handlers';
import { Menu } from './menu';
import { captureMenu, menuNodes } from './menu-view';
import { notificationRecords } from './notification';
import { readPackageInfo } from './package-info';
import { Recorder } from './recorder';
import { sessionState } from './session';
import { shellCalls } from './shell';
import { applyPlatform, doublePlatform, hasTrayHost, isPackagedDouble } from './platform';
import { onDarkModeChange, themeState } from './system';
import { allTrays } from './tray';
import { protocolState } from './url-protocol';

/** Set by the loader hook at the top of the app's entry module: its imports have run. */
export const ENTRY_HOOK = Symbol.for('electron-double.entry-evaluating');

function electronPackageDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

function setProcessIdentity(): void {
  const dir = electronPackageDir();
  const version = dir ? (createRequire(import.meta.url)(join(dir, 'package.json')) as { version: string }).version : '0.0.0';
  Object.defineProperty(process.versions, 'electron', { value: version, enumerable: true });
  Object.assign(process, { type: 'browser', resourcesPath: join(dir ?? process.cwd(), 'dist', 'resources') });
  // Electron sets `process.defaultApp` only when run as `electron <app>` (npm start), not in an installed build.
  if (!isPackagedDouble()) Object.assign(process, { defaultApp: true });
}

function warn(message: string): void {
  process.stderr.write(`[electron-double] ${message}\n`);
}

function addSections(recorder: Recorder, app: App): void {
  recorder.section(() => ({
    platform: doublePlatform(),
    trayHost: hasTrayHost(),
    versions: { node: process.versions.node, electron: process.versions.electron ?? '' },
    name: app.getName(),
    version: app.getVersion(),
    ready: app.isReady(),
    quitting: app.isQuitting,
    lifecycle: [...app.lifecycle],
    loginItemSettings: { ...app.loginItemSettings },
    loginItemCalls: app.loginItemCalls.map((call) => ({ ...call })),
    dock: app.dock?.record() ?? null,
    singleInstance: app.singleInstanceState(),
    commandLine: { switches: { ...app.commandLine.switches }, arguments: [...app.commandLine.arguments] },
  }));
  recorder.section(() => (app.appUserModelId === undefined ? {} : { appUserModelId: app.appUserModelId }));
  recorder.section(() => ({
    trays: allTrays().map((tray) => tray.toSnapshot()),
    applicationMenu: ((menu) => (menu ? menuNodes(captureMenu(menu)) : null))(Menu.getApplicationMenu()),
    notifications: notificationRecords(),
    windows: windowRecords(),
    dialogs: dialogCalls(),
    shell: shellCalls(),
    clipboard: clipboardState(),
    globalShortcuts: globalShortcutState(),
    nativeTheme: themeState(),
    session: sessionState(),
    protocol: protocolState(),
  }));
}

function exiter(bridge: Bridge, recorder: Recorder, keepAlive: NodeJS.Timeout): (code: number) => void {
  let exiting = false;
  return (code) => {
    if (exiting) return;
    exiting = true;
    recorder.touch();
    recorder.flush();
    clearInterval(keepAlive);
    const activeResources = process.getActiveResourcesInfo();
    void bridge.notifyAndFlush(ToLauncher.exiting, { code, activeResources }).then(() => process.exit(code));
  };
}

/** Boots the double once per process and returns the app. */
export function boot(): App {
  applyPlatform();
  setProcessIdentity();
  // Electron's main process lives until quit; nothing else may be keeping Node's loop alive.
  const keepAlive = setInterval(() => {}, 2 ** 30);
  const bridge = connectBridge(() => process.exit(0));
  const recorder = new Recorder((snapshot) => bridge.notify(ToLauncher.snapshot, snapshot));
  bridge.setBeforeRespond(() => recorder.flush());
  const info = readPackageInfo(process.argv[1] ?? join(process.cwd(), 'index.js'));
  // An installed build finds its extraResources (electron-builder.yml) in resourcesPath; the
  // project's resources/ folder has the same layout.
  if (isPackagedDouble()) Object.assign(process, { resourcesPath: join(info.appPath, 'resources') });
  const paths = new AppPaths(process.env.PTEROTRAY_DOUBLE_HOME ?? mkdtempSync(join(tmpdir(), 'electron-double-')), info.name);
  const app = new App({ info, paths, touch: () => recorder.touch(), warn, exitProcess: exiter(bridge, recorder, keepAlive) });
  setDoubleContext({
    recorder,
    bridge,
    warn,
    isReady: () => app.isReady(),
    quit: () => app.quit(),
    appName: () => app.getName(),
    appPath: () => app.getAppPath(),
    focusedWindow: () => BrowserWindow.getFocusedWindow() ?? undefined,
    emitAppEvent: (name, ...args) => app.emit(name, ...args),
    windowDestroyed: () => app.windowDestroyed(),
  });
  addSections(recorder, app);
  registerLauncherHandlers(bridge, app, () => recorder.touch());
  onDarkModeChange((dark) => void bridge.request(ToLauncher.setColorScheme, { dark }).catch(() => {}));
  // 'ready' comes once the entry module's own code has run up to its first await, as in Electron.
  Object.assign(globalThis, { [ENTRY_HOOK]: () => setImmediate(() => app.markReady()) });
  recorder.touch();
  return app;
}
