/**
 * BrowserWindow: the window's state lives here (bounds, visibility, focus, close/closed); its page
 * is a real Chromium page the launcher owns. 'close' is preventable, as tray apps hide instead of
 * closing; then the page's `beforeunload` runs (in Chromium, with the user activation Electron
 * grants), and a page that refuses emits webContents 'will-prevent-unload', whose preventDefault()
 * unloads anyway; otherwise the close is cancelled (BrowserWindow::OnCloseButtonClicked,
 * WebContents::RunBeforeUnloadDialog, BeforeUnloadDialogCancelled → WindowCloseCancelled, which
 * also cancels a quit). `destroy()` skips all of it. A page opened by window.open that the handler allows becomes a
 * new BrowserWindow loading that URL (the page's window.open itself returns null).
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindow as ElectronBrowserWindow, Rectangle } from 'electron';
import { ToLauncher } from '../shared/protocol';
import type { WindowRecord } from '../shared/snapshot';
import { assertReady, doubleContext } from './context';
import { createEvent } from './event';
import { recordOptions } from './recordable';
import { WebContents } from './web-contents';
import { doublePlatform } from './platform';
import { effectiveWebPreferences, unsupportedPreferences } from './web-preferences';
import { requestPage, windowState, type WindowState } from './window-state';

const windows: BrowserWindow[] = [];
let nextWindowId = 1;
let focusedId: number | undefined;

type WindowApi = Pick<
  ElectronBrowserWindow,
  | 'isVisible'
  | 'isFocused'
  | 'isMinimized'
  | 'isDestroyed'
  | 'getBounds'
  | 'getSize'
  | 'getTitle'
  | 'setTitle'
  | 'isMaximized'
  | 'isFullScreen'
  | 'isAlwaysOnTop'
>;

/** The double's BrowserWindow. */
export class BrowserWindow extends EventEmitter implements WindowApi {
  readonly id = nextWindowId++;
  readonly webContents: WebContents;
  private readonly options: Record<string, unknown>;
  private readonly state: WindowState;
  private readonly pageReady: Promise<void>;
  private destroyed = false;
  private closing: Promise<void> | undefined;

  static getAllWindows(): BrowserWindow[] {
    return windows.filter((window) => !window.destroyed);
  }

  static getFocusedWindow(): BrowserWindow | null {
    return windows.find((window) => window.id === focusedId && !window.destroyed) ?? null;
  }

  static fromWebContents(contents: WebContents): BrowserWindow | null {
    return windows.find((window) => window.webContents === contents) ?? null;
  }

  static fromId(id: number): BrowserWindow | null {
    return windows.find((window) => window.id === id && !window.destroyed) ?? null;
  }

  constructor(options: Record<string, unknown> = {}) {
    super();
    assertReady('BrowserWindow');
    const context = doubleContext();
    this.options = recordOptions(options);
    const webPreferences = effectiveWebPreferences(options.webPreferences as Record<string, unknown> | undefined);
    for (const note of unsupportedPreferences(webPreferences)) context.warn(`BrowserWindow ${this.id}: ${note}`);
    this.state = windowState(options, webPreferences, context.appName());
    this.pageReady = requestPage(this.id, this.state, webPreferences);
    this.webContents = new WebContents({
      windowId: this.id,
      appPath: context.appPath(),
      pageReady: this.pageReady,
      focus: () => this.focus(),
      isFocused: () => this.isFocused(),
    });
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show', createEvent()));
    this.webContents.on('page-title-updated', (event: { defaultPrevented: boolean }, title: string) => {
      if (!event.defaultPrevented) this.state.title = title;
    });
    windows.push(this);
    if (this.state.visible) this.focus();
    context.emitAppEvent('browser-window-created', createEvent(), this);
    context.emitAppEvent('web-contents-created', createEvent(), this.webContents);
    context.recorder.touch();
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  loadFile(filePath: string, options?: { query?: Record<string, string>; search?: string; hash?: string }): Promise<void> {
    return this.webContents.loadFile(filePath, options);
  }

  /** Like the title bar's close button: 'close' first, which the app may prevent, then beforeunload. */
  close(): void {
    if (this.destroyed || this.closing) return;
    const event = createEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    // In-process (no launcher, no page): nothing can refuse the unload.
    if (!doubleContext().bridge.connected) return this.destroy();
    this.closing = this.unloadPage().finally(() => {
      this.closing = undefined;
    });
  }

  /** Settles when a close in progress (the page's beforeunload) has closed the window or been refused. */
  get pendingClose(): Promise<void> | undefined {
    return this.closing;
  }

  private async unloadPage(): Promise<void> {
    const { bridge } = doubleContext();
    await this.pageReady.catch(() => {});
    const verdict = await bridge.request<'unloaded' | 'prevented'>(ToLauncher.runBeforeUnload, { windowId: this.id }).catch(() => 'unloaded' as const);
    if (this.destroyed) return;
    if (verdict === 'prevented') {
      const event = createEvent();
      this.webContents.emit('will-prevent-unload', event);
      const proceed = event.defaultPrevented;
      await bridge.request(ToLauncher.settleBeforeUnload, { windowId: this.id, proceed }).catch(() => {});
      if (!proceed) return;
    }
    this.destroy();
  }

  /** Goes away without 'close'; 'closed' is guaranteed. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (focusedId === this.id) focusedId = undefined;
    this.webContents.markDestroyed();
    void doubleContext()
      .bridge.request(ToLauncher.destroyWindow, { windowId: this.id })
      .catch(() => {});
    this.emit('closed');
    doubleContext().recorder.touch();
    doubleContext().windowDestroyed();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  show(): void {
    this.checkAlive();
    const wasVisible = this.state.visible;
    this.state.visible = true;
    this.state.minimized = false;
    if (!wasVisible) this.emit('show');
    this.focus();
  }

  showInactive(): void {
    this.checkAlive();
    if (!this.state.visible) this.emit('show');
    this.state.visible = true;
    doubleContext().recorder.touch();
  }

  hide(): void {
    this.checkAlive();
    if (!this.state.visible) return;
    this.state.visible = false;
    this.blur();
    this.emit('hide');
    doubleContext().recorder.touch();
  }

  focus(): void {
    this.checkAlive();
    if (focusedId === this.id) return;
    BrowserWindow.getFocusedWindow()?.blur();
    focusedId = this.id;
    this.emit('focus');
    doubleContext().emitAppEvent('browser-window-focus', createEvent(), this);
    doubleContext().recorder.touch();
  }

  blur(): void {
    this.checkAlive();
    if (focusedId !== this.id) return;
    focusedId = undefined;
    this.emit('blur');
    doubleContext().emitAppEvent('browser-window-blur', createEvent(), this);
    doubleContext().recorder.touch();
  }

  minimize(): void {
    this.checkAlive();
    this.state.minimized = true;
    this.blur();
    this.emit('minimize');
    doubleContext().recorder.touch();
  }

  restore(): void {
    this.checkAlive();
    const wasMinimized = this.state.minimized;
    this.state.minimized = false;
    this.state.visible = true;
    if (wasMinimized) this.emit('restore');
    this.focus();
  }

  isVisible(): boolean {
    this.checkAlive();
    return this.state.visible && !this.state.minimized;
  }

  isFocused(): boolean {
    return !this.destroyed && focusedId === this.id;
  }

  isMinimized(): boolean {
    this.checkAlive();
    return this.state.minimized;
  }

  getBounds(): Rectangle {
    this.checkAlive();
    return { ...this.state.bounds };
  }

  getContentBounds(): Rectangle {
    return this.getBounds();
  }

  setBounds(bounds: Partial<Rectangle>): void {
    this.checkAlive();
    const before = this.state.bounds;
    this.state.bounds = { ...before, ...bounds };
    if (before.width !== this.state.bounds.width || before.height !== this.state.bounds.height) {
      const size = { windowId: this.id, width: this.state.bounds.width, height: this.state.bounds.height };
      void this.pageReady.then(() => doubleContext().bridge.request(ToLauncher.setWindowSize, size)).catch(() => {});
      this.emit('resize');
    }
    if (before.x !== this.state.bounds.x || before.y !== this.state.bounds.y) this.emit('move');
    doubleContext().recorder.touch();
  }

  /**
   * A user dragging the window's frame: 'resize'/'move' as it goes, then (macOS and Windows only)
   * 'resized'/'moved' once it ends (docs/api/base-window.md: "'resized' _macOS_ _Windows_ Emitted
   * once when the window has finished being resized", likewise 'moved'). Linux has neither.
   */
  userSetBounds(bounds: Partial<Rectangle>): void {
    const before = this.getBounds();
    this.setBounds(bounds);
    if (doublePlatform() === 'linux') return;
    const after = this.state.bounds;
    if (before.width !== after.width || before.height !== after.height) this.emit('resized');
    if (before.x !== after.x || before.y !== after.y) this.emit('moved');
  }

  getSize(): number[] {
    const { width, height } = this.getBounds();
    return [width, height];
  }

  setSize(width: number, height: number): void {
    this.setBounds({ width, height });
  }

  getTitle(): string {
    this.checkAlive();
    return this.state.title;
  }

  setTitle(title: string): void {
    this.checkAlive();
    this.state.title = title;
    doubleContext().recorder.touch();
  }

  isMaximized(): boolean {
    return false;
  }

  isFullScreen(): boolean {
    return false;
  }

  isAlwaysOnTop(): boolean {
    return this.options.alwaysOnTop === true;
  }

  /** Window-manager details with nothing to observe in a test: accepted and ignored. */
  setMenu(): void {}
  removeMenu(): void {}
  setMenuBarVisibility(): void {}
  setAutoHideMenuBar(): void {}
  setSkipTaskbar(): void {}
  setAlwaysOnTop(): void {}
  setIcon(): void {}
  setProgressBar(): void {}
  flashFrame(): void {}
  center(): void {}
  moveTop(): void {}

  /** The record the snapshot carries. */
  toRecord(): WindowRecord {
    return {
      id: this.id,
      webContentsId: this.webContents.id,
      options: this.options,
      webPreferences: this.state.webPreferences,
      url: this.webContents.getURL(),
      title: this.state.title,
      visible: this.state.visible && !this.state.minimized,
      focused: this.isFocused(),
      minimized: this.state.minimized,
      destroyed: this.destroyed,
      bounds: { ...this.state.bounds },
      devToolsOpened: this.webContents.isDevToolsOpened(),
      hasWindowOpenHandler: this.webContents.windowOpenHandler !== undefined,
      windowOpenRequests: this.state.windowOpenRequests,
      navigationRequests: this.state.navigationRequests,
    };
  }

  /** Where the launcher-side hooks note what the page asked for. */
  get requests(): Pick<WindowState, 'windowOpenRequests' | 'navigationRequests'> {
    return this.state;
  }

  private checkAlive(): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }
}

/** Every window ever made (destroyed ones too), for the snapshot. */
export function windowRecords(): WindowRecord[] {
  return windows.map((window) => window.toRecord());
}
