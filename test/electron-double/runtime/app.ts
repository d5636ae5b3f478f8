/**
 * `app`: ready, quitting (before-quit → windows close, any may refuse → will-quit → quit → exit),
 * window-all-closed (quits by default when nobody listens), the single-instance lock, paths under
 * the test's temp dir, and identity from the app's package.json.
 */
import { EventEmitter } from 'node:events';
import type { App as ElectronApp } from 'electron';
import { BrowserWindow } from './browser-window';
import { CommandLine } from './command-line';
import { setDefaultApplicationMenu } from './menu';
import { createEvent } from './event';
import type { AppPaths } from './app-paths';
import type { PackageInfo } from './package-info';
import { Dock } from './dock';
import { doublePlatform, isPackagedDouble } from './platform';
import { SingleInstanceLock, type SecondInstanceMessage } from './single-instance';

const RECORDED_EVENTS = new Set(['will-finish-launching', 'ready', 'before-quit', 'will-quit', 'quit', 'window-all-closed', 'second-instance', 'activate']);

type QuitState = 'running' | 'closing-windows' | 'exiting';

/** What the app needs from boot. */
export interface AppDeps {
  info: PackageInfo;
  paths: AppPaths;
  touch: () => void;
  warn: (message: string) => void;
  /** Ends the process after the launcher has the final state. */
  exitProcess: (code: number) => void;
}

type AppApi = Pick<
  ElectronApp,
  | 'getName'
  | 'setName'
  | 'getVersion'
  | 'getAppPath'
  | 'isReady'
  | 'whenReady'
  | 'getLocale'
  | 'getSystemLocale'
  | 'hasSingleInstanceLock'
  | 'releaseSingleInstanceLock'
  | 'isPackaged'
>;

/** The double's `app`. */
export class App extends EventEmitter implements AppApi {
  readonly commandLine = new CommandLine();
  /** macOS only, as in Electron (runtime/dock.ts). */
  readonly dock: Dock | undefined;
  readonly isPackaged = isPackagedDouble();
  readonly lifecycle: string[] = [];
  loginItemSettings: Record<string, unknown> = {};
  /** Every setLoginItemSettings call as given, in order (an app should write only on a change). */
  readonly loginItemCalls: Record<string, unknown>[] = [];
  appUserModelId: string | undefined;
  private appName: string;
  private ready = false;
  private readonly readyPromise: Promise<void>;
  private resolveReady: () => void = () => {};
  private quitState: QuitState = 'running';
  private readonly lock: SingleInstanceLock;
  private lockRequested = false;
  private readonly pendingSecondInstances: SecondInstanceMessage[] = [];
  readonly secondInstances: SecondInstanceMessage[] = [];

  constructor(private readonly deps: AppDeps) {
    super();
    this.appName = deps.info.name;
    this.dock = doublePlatform() === 'darwin' ? new Dock(this.isPackaged, () => deps.touch()) : undefined;
    this.readyPromise = new Promise<void>((resolve) => {
      this.resolveReady = resolve;
    });
    this.lock = new SingleInstanceLock((message) => this.secondInstance(message));
  }

  override emit(name: string | symbol, ...args: unknown[]): boolean {
    if (typeof name === 'string' && RECORDED_EVENTS.has(name)) {
      this.lifecycle.push(name);
      this.deps.touch();
    }
    return super.emit(name, ...args);
  }

  get name(): string {
    return this.appName;
  }

  set name(value: string) {
    this.appName = value;
  }

  get isQuitting(): boolean {
    return this.quitState !== 'running';
  }

  getName(): string {
    return this.appName;
  }

  setName(name: string): void {
    this.appName = name;
  }

  getVersion(): string {
    return this.deps.info.version;
  }

  getAppPath(): string {
    return this.deps.info.appPath;
  }

  getPath(name: string): string {
    return this.deps.paths.get(name);
  }

  setPath(name: string, path: string): void {
    this.deps.paths.set(name, path);
  }

  getLocale(): string {
    return 'en-US';
  }

  getSystemLocale(): string {
    return 'en-US';
  }

  getPreferredSystemLanguages(): string[] {
    return ['en-US'];
  }

  isReady(): boolean {
    return this.ready;
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  /** Boot calls this once the main script's synchronous part has run, as Electron does. */
  markReady(): void {
    if (this.ready) return;
    this.emit('will-finish-launching');
    // lib/browser/init.ts: app.once('will-finish-launching', setDefaultApplicationMenu).
    setDefaultApplicationMenu();
    this.ready = true;
    this.emit('ready', createEvent(), {});
    this.resolveReady();
    for (const message of this.pendingSecondInstances.splice(0)) this.emitSecondInstance(message);
  }

  quit(): void {
    if (this.quitState !== 'running') return;
    const beforeQuit = createEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitState = 'closing-windows';
    const windows = BrowserWindow.getAllWindows();
    for (const window of windows) window.close();
    // Pages run their beforeunload first; a page that refuses cancels the quit (OnWindowCloseCancelled).
    const pending = windows.map((window) => window.pendingClose).filter((closing) => closing !== undefined);
    if (pending.length > 0) {
      void Promise.all(pending).then(() => this.finishQuit());
      return;
    }
    this.finishQuit();
  }

  private finishQuit(): void {
    if (this.quitState !== 'closing-windows') return;
    if (BrowserWindow.getAllWindows().length > 0) {
      this.quitState = 'running'; // A window's 'close' listener refused, which cancels the quit.
      return;
    }
    const willQuit = createEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitState = 'running';
      return;
    }
    this.quitState = 'exiting';
    this.emit('quit', createEvent(), 0);
    this.deps.exitProcess(0);
  }

  /** No before-quit / will-quit, windows destroyed without 'close'. */
  exit(exitCode = 0): void {
    if (this.quitState === 'exiting') return;
    this.quitState = 'exiting';
    for (const window of BrowserWindow.getAllWindows()) window.destroy();
    this.deps.exitProcess(exitCode);
  }

  /** Recorded; the double cannot start the app again. */
  relaunch(): void {
    this.lifecycle.push('relaunch');
    this.deps.touch();
  }

  /** A window went away while running: window-all-closed if anyone listens, else quit. */
  windowDestroyed(): void {
    if (this.quitState !== 'running' || BrowserWindow.getAllWindows().length > 0) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    this.lockRequested = true;
    const held = this.lock.request(this.getPath('userData'), additionalData);
    this.deps.touch();
    return held;
  }

  hasSingleInstanceLock(): boolean {
    return this.lock.held;
  }

  releaseSingleInstanceLock(): void {
    this.lock.release();
    this.deps.touch();
  }

  singleInstanceState(): { requested: boolean; hasLock: boolean; secondInstances: SecondInstanceMessage[] } {
    return { requested: this.lockRequested, hasLock: this.lock.held, secondInstances: this.secondInstances };
  }

  /**
   * docs/api/app.md `setLoginItemSettings` _macOS_ _Windows_: on Windows the entry is the
   * executable `path` (default process.execPath) with `args` (default []); on macOS the app
   * bundle. On Linux Electron does nothing: recorded as called, with no effect.
   */
  setLoginItemSettings(settings: Record<string, unknown>): void {
    this.loginItemCalls.push({ ...settings });
    if (doublePlatform() === 'linux') {
      this.deps.warn('app.setLoginItemSettings has no effect on Linux (Electron: darwin, win32 only)');
    } else {
      const windows = doublePlatform() === 'win32' ? { path: settings.path ?? process.execPath, args: settings.args ?? [] } : {};
      this.loginItemSettings = { ...this.loginItemSettings, ...settings, ...windows };
    }
    this.deps.touch();
  }

  /** What Electron answers: on Windows `openAtLogin` only for the same path and args; on Linux always off. */
  getLoginItemSettings(options: { path?: string; args?: string[] } = {}): Record<string, unknown> {
    const set = this.loginItemSettings;
    const isOn = set.openAtLogin === true;
    if (doublePlatform() === 'linux') return { openAtLogin: false, wasOpenedAtLogin: false, executableWillLaunchAtLogin: false, launchItems: [] };
    if (doublePlatform() === 'darwin') return { openAtLogin: isOn, wasOpenedAtLogin: false, status: isOn ? 'enabled' : 'not-registered' };
    const path = options.path ?? process.execPath;
    const samePath = set.path === path;
    const sameArgs = JSON.stringify(set.args ?? []) === JSON.stringify(options.args ?? []);
    const launchItems = isOn ? [{ name: 'electron.app.' + this.appName, path: set.path, args: set.args, scope: 'user', enabled: true }] : [];
    return { openAtLogin: isOn && samePath && sameArgs, executableWillLaunchAtLogin: isOn && samePath, launchItems };
  }

  /**
   * macOS: the user re-opening the running app (Finder, the Dock): 'activate' with
   * hasVisibleWindows (docs/api/app.md "Event: 'activate' _macOS_").
   */
  userActivate(): void {
    if (doublePlatform() !== 'darwin') throw new Error(`'activate' is macOS only (docs/api/app.md); this launch plays ${doublePlatform()}`);
    const hasVisibleWindows = BrowserWindow.getAllWindows().some((window) => window.isVisible());
    this.emit('activate', createEvent(), hasVisibleWindows);
  }

  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
    this.deps.touch();
  }

  focus(): void {
    BrowserWindow.getAllWindows()[0]?.focus();
  }

  setBadgeCount(): boolean {
    return false;
  }

  getBadgeCount(): number {
    return 0;
  }

  disableHardwareAcceleration(): void {}

  enableSandbox(): void {}

  setAboutPanelOptions(): void {}

  setAsDefaultProtocolClient(): boolean {
    return true;
  }

  isDefaultProtocolClient(): boolean {
    return false;
  }

  getAppMetrics(): never[] {
    return [];
  }

  private secondInstance(message: SecondInstanceMessage): void {
    this.secondInstances.push(message);
    this.deps.touch();
    // Electron guarantees 'second-instance' comes after 'ready'.
    if (this.ready) this.emitSecondInstance(message);
    else this.pendingSecondInstances.push(message);
  }

  private emitSecondInstance(message: SecondInstanceMessage): void {
    this.emit('second-instance', createEvent(), message.argv, message.workingDirectory, message.additionalData);
  }
}
