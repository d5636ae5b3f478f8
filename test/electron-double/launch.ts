/**
 * Runs a built Electron app on the double: the main bundle in a Node child process with
 * `electron` mapped to the double, its windows as pages of Debian's Chromium driven by Playwright.
 * Tests drive it like a user (tray menu, notifications, closing windows, dialog answers) and wait
 * on what the app records, pushed by the child whenever it changes.
 *
 *   const app = await launchApp({ main: 'out/main/index.js' });
 *   await app.clickMenu(['Account', 'Server', 'Start']);
 *   await app.waitFor((s) => s.notifications.length > 0);
 *   await app.close();
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { LaunchedApp, LaunchOptions, LogLine, Which } from './launch-api';
import { ToChild, type ClickMenuParams, type LabelMatcher } from './shared/protocol';
import type { AppSnapshot, DialogCall, DialogKind, NotificationRecord, ShellCall, TraySnapshot, WindowRecord } from './shared/snapshot';
import { AppProcess, type ExitInfo } from './launcher/app-process';
import { BrowserHost } from './launcher/browser-host';
import { serveChild } from './launcher/child-requests';
import { FileServer } from './launcher/file-server';
import { SchemeOrigins } from './launcher/scheme-origins';
import { createNodeCodec } from './launcher/init-script';
import type { IpcLogEntry } from './launcher/ipc-log';
import { SnapshotStore, type SnapshotPredicate, type WaitOptions } from './launcher/snapshot-store';

export type { LaunchedApp, LaunchOptions, LogLine, Which } from './launch-api';
export type { AppSnapshot, DialogCall, MenuNode, NotificationRecord, ShellCall, TraySnapshot, WindowRecord } from './shared/snapshot';
export type { ExitInfo } from './launcher/app-process';
export type { IpcLogEntry } from './launcher/ipc-log';
export type { LabelMatcher } from './shared/protocol';

function electronVersion(): string {
  try {
    return (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

function pick<T>(records: T[], which: Which<T> | undefined, what: string): T {
  const found = typeof which === 'number' ? records[which] : records.find(which ?? (() => true));
  if (!found) throw new Error(`no ${what} matches`);
  return found;
}

/**
 * The session a Linux desktop gives its apps: a StatusNotifier host is modelled as KDE Plasma,
 * no tray host as plain GNOME Shell (no AppIndicator extension under the XDG data dirs, which
 * point into the test's home). Electron cannot tell apps either way; this is what they can read.
 */
function desktopSession(options: LaunchOptions, home: string): Record<string, string> {
  if ((options.platform ?? 'linux') !== 'linux') return {};
  if (options.trayHost !== false) return { XDG_CURRENT_DESKTOP: 'KDE' };
  return { XDG_CURRENT_DESKTOP: 'GNOME', XDG_DATA_HOME: join(home, 'share'), XDG_DATA_DIRS: join(home, 'share-system') };
}

class Launched implements LaunchedApp {
  readonly exited: Promise<ExitInfo>;
  readonly dialog = {
    answerNext: (kind: DialogKind, answer: Record<string, unknown>) => this.ask(ToChild.answerDialog, { kind, answer }).then(() => undefined),
    calls: (): DialogCall[] => this.store.current.dialogs,
  };
  private readonly lines: LogLine[] = [];
  private readonly log: IpcLogEntry[] = [];
  private readonly files = new FileServer();
  private readonly store = new SnapshotStore(() => this.describe());
  private readonly process: AppProcess;
  private readonly host: BrowserHost;
  private activeResources: string[] | undefined;

  constructor(
    readonly home: string,
    private readonly ownsHome: boolean,
    private readonly options: LaunchOptions,
  ) {
    const echo = options.echo ?? process.env.PTEROTRAY_DOUBLE_ECHO === '1';
    const onLine = (stream: LogLine['stream'], text: string): void => {
      this.lines.push({ stream, text });
      if (echo) process.stderr.write(`[app ${stream}] ${text}\n`);
    };
    const env: Record<string, string> = {
      ...desktopSession(options, home),
      ...options.env,
      PTEROTRAY_DOUBLE_HOME: home,
      PTEROTRAY_DOUBLE_DARK: options.darkMode ? '1' : '0',
      PTEROTRAY_DOUBLE_FAIL_NOTIFICATIONS: options.failNotifications ? '1' : '0',
      PTEROTRAY_DOUBLE_SIGNED: options.signed ? '1' : '0',
      PTEROTRAY_DOUBLE_PLATFORM: options.platform ?? 'linux',
      PTEROTRAY_DOUBLE_TRAY_HOST: options.trayHost === false ? '0' : '1',
      PTEROTRAY_DOUBLE_PACKAGED: options.packaged ? '1' : '0',
    };
    const cwd = resolve(options.cwd ?? process.cwd());
    this.process = new AppProcess({ main: resolve(cwd, options.main), args: options.args ?? [], cwd, env, onLine });
    const deps = {
      peer: this.process.peer,
      files: this.files,
      schemes: new SchemeOrigins(),
      codec: createNodeCodec(),
      ipcLog: this.log,
      log: onLine,
      electronVersion: electronVersion(),
    };
    const headed = options.headed ?? process.env.PTEROTRAY_HEADED === '1';
    this.host = new BrowserHost({ executablePath: options.chromiumPath ?? process.env.PTEROTRAY_CHROMIUM ?? '/usr/bin/chromium', headed }, deps);
    serveChild(this.process.peer, this.host, {
      snapshot: (snapshot) => this.store.update(snapshot),
      exiting: (resources) => {
        this.activeResources = resources;
      },
    });
    this.exited = this.process.exited.then(async (info) => {
      this.store.end(`the app exited (code ${String(info.code)}, signal ${String(info.signal)})`);
      await this.host.close().catch(() => {});
      await this.files.close();
      return this.activeResources ? { ...info, activeResources: this.activeResources } : info;
    });
  }

  get pid(): number {
    return this.process.pid;
  }

  snapshot(): AppSnapshot {
    return this.store.current;
  }

  tray(index?: number): TraySnapshot | undefined {
    const trays = this.store.current.trays;
    return index === undefined ? [...trays].reverse().find((tray) => !tray.destroyed) : trays[index];
  }

  async clickTray(options: { trayIndex?: number; button?: 'left' | 'right' } = {}): Promise<void> {
    await this.ask(ToChild.clickTray, options);
  }

  async clickMenu(path: LabelMatcher[], options: Omit<ClickMenuParams, 'path'> = {}): Promise<void> {
    await this.ask(ToChild.clickMenu, { ...options, path });
  }

  waitFor<T>(predicate: SnapshotPredicate<T>, options: WaitOptions = {}): Promise<T> {
    return this.store.waitFor(predicate, options.timeoutMs ?? this.options.timeoutMs ?? 10_000, options.message);
  }

  notifications(): NotificationRecord[] {
    return this.store.current.notifications;
  }

  async clickNotification(which: Which<NotificationRecord>): Promise<void> {
    await this.ask(ToChild.clickNotification, { index: pick(this.notifications(), which, 'notification').index });
  }

  async dismissNotification(which: Which<NotificationRecord>): Promise<void> {
    await this.ask(ToChild.dismissNotification, { index: pick(this.notifications(), which, 'notification').index });
  }

  async expireNotification(which: Which<NotificationRecord>): Promise<void> {
    await this.ask(ToChild.expireNotification, { index: pick(this.notifications(), which, 'notification').index });
  }

  async window(which?: Which<WindowRecord>, options: WaitOptions = {}): Promise<Page> {
    const record = await this.waitFor((snapshot) => this.findWindow(snapshot, which), { message: 'a matching open window', ...options });
    return this.host.page(record.id);
  }

  windows(): WindowRecord[] {
    return this.store.current.windows;
  }

  async closeWindow(which?: Which<WindowRecord>): Promise<void> {
    await this.ask(ToChild.userCloseWindow, { windowId: this.openWindow(which).id });
  }

  async dragWindow(bounds: Partial<WindowRecord['bounds']>, which?: Which<WindowRecord>): Promise<void> {
    await this.ask(ToChild.userSetWindowBounds, { windowId: this.openWindow(which).id, bounds });
  }

  async activate(): Promise<void> {
    await this.ask(ToChild.activateApp);
  }

  pressAccelerator(accelerator: string): Promise<string | null> {
    return this.ask<string | null>(ToChild.pressAccelerator, { accelerator });
  }

  pressGlobalShortcut(accelerator: string): Promise<boolean> {
    return this.ask<boolean>(ToChild.pressGlobalShortcut, { accelerator });
  }

  releaseTakenShortcut(accelerator: string): Promise<void> {
    return this.ask<void>(ToChild.releaseTakenShortcut, { accelerator });
  }

  async setSystemTrayDark(dark: boolean): Promise<void> {
    await this.ask(ToChild.setSystemTrayDark, { dark });
  }

  shellCalls(): ShellCall[] {
    return this.store.current.shell;
  }

  clipboard(): { text: string; writes: string[] } {
    return this.store.current.clipboard;
  }

  ipcLog(): IpcLogEntry[] {
    return this.log;
  }

  logs(): LogLine[] {
    return this.lines;
  }

  async emitPowerMonitor(event: string): Promise<void> {
    await this.ask(ToChild.emitPowerMonitor, { event });
  }

  async setOnline(online: boolean): Promise<void> {
    await this.ask(ToChild.setOnline, { online });
  }

  async setSystemDarkMode(dark: boolean): Promise<void> {
    await this.ask(ToChild.setSystemDarkMode, { dark });
  }

  async requestPermission(permission: string, which?: Which<WindowRecord>): Promise<boolean> {
    const windowId = this.store.current.windows.length > 0 ? this.openWindow(which).id : undefined;
    return this.ask<boolean>(ToChild.requestPermission, { permission, windowId });
  }

  async setInputFiles(selector: string, paths: string[], which?: Which<WindowRecord>): Promise<void> {
    const page = await this.window(which);
    const files = paths.map((path) => ({ name: basename(path), size: statSync(path).size, path: resolve(path) }));
    await page.evaluate((entries) => {
      const control = (globalThis as unknown as { __electronDoubleControl?: { registerFilePath(n: string, s: number, p: string): void } })
        .__electronDoubleControl;
      for (const entry of entries) control?.registerFilePath(entry.name, entry.size, entry.path);
    }, files);
    await page.setInputFiles(selector, paths);
  }

  chromiumPids(): number[] {
    return this.host.chromiumPids();
  }

  async close(options: { timeoutMs?: number } = {}): Promise<ExitInfo> {
    await this.ask(ToChild.quit).catch(() => {}); // Already gone is fine.
    const deadline = new Promise<'timeout'>((resolveDeadline) => {
      const timer = setTimeout(() => resolveDeadline('timeout'), options.timeoutMs ?? 10_000);
      void this.process.exited.then(() => clearTimeout(timer));
    });
    if ((await Promise.race([this.process.exited, deadline])) === 'timeout') this.process.kill();
    const info = await this.exited;
    if (this.ownsHome) rmSync(this.home, { recursive: true, force: true });
    return info;
  }

  /** Resolves once the child process is running. */
  spawned(): Promise<void> {
    const child = this.process.child;
    return new Promise<void>((resolveSpawn, reject) => {
      child.once('spawn', () => resolveSpawn());
      child.once('error', reject);
    });
  }

  private ask<T = unknown>(method: string, params: unknown = null): Promise<T> {
    return this.process.peer.request<T>(method, params);
  }

  private findWindow(snapshot: AppSnapshot, which: Which<WindowRecord> | undefined): WindowRecord | undefined {
    const open = snapshot.windows.filter((window) => !window.destroyed);
    return typeof which === 'number' ? snapshot.windows.find((window) => window.id === which && !window.destroyed) : open.find(which ?? (() => true));
  }

  private openWindow(which: Which<WindowRecord> | undefined): WindowRecord {
    const found = this.findWindow(this.store.current, which);
    if (!found) throw new Error('no open window matches');
    return found;
  }

  private describe(): string {
    const { trays, windows, notifications, lifecycle } = this.store.current;
    const tail = this.lines
      .slice(-15)
      .map((line) => `  [${line.stream}] ${line.text}`)
      .join('\n');
    return `app state: lifecycle=${lifecycle.join(',')} trays=${trays.length} windows=${windows.length} notifications=${notifications.length}\nlast output:\n${tail}`;
  }
}

/** Starts the app; resolves once its process runs (not once it is ready: waitFor that). */
export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'pterotray-double-'));
  const app = new Launched(home, options.home === undefined, options);
  await app.spawned();
  return app;
}
