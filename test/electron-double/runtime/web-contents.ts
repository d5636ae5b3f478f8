/**
 * A window's webContents. The page itself lives in the launcher's Chromium; this object keeps what
 * Electron's main process knows (URL, loading state, handlers) and turns launcher events into
 * Electron events: did-navigate, dom-ready, did-finish-load, did-fail-load, console-message, ….
 */
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebContents as ElectronWebContents } from 'electron';
import { ToLauncher, type WebContentsEventParams } from '../shared/protocol';
import { doubleContext } from './context';
import { createEvent } from './event';
import { IpcMain } from './ipc-main';
import { session, type Session } from './session';
import { WebFrameMain } from './web-frame-main';

let nextWebContentsId = 1;

/** What a webContents needs from its window. */
export interface WebContentsHost {
  readonly windowId: number;
  readonly appPath: string;
  /** Resolves once the launcher has a page for the window. */
  readonly pageReady: Promise<void>;
  focus(): void;
  isFocused(): boolean;
}

type WebContentsApi = Pick<
  ElectronWebContents,
  | 'getURL'
  | 'getTitle'
  | 'isDestroyed'
  | 'isLoading'
  | 'closeDevTools'
  | 'isDevToolsOpened'
  | 'getOSProcessId'
  | 'getProcessId'
  | 'focus'
  | 'isFocused'
  | 'reload'
  | 'isCrashed'
>;

/** The double's webContents. */
export class WebContents extends EventEmitter implements WebContentsApi {
  readonly id = nextWebContentsId++;
  readonly ipc = new IpcMain();
  readonly session: Session = session.defaultSession;
  readonly mainFrame: WebFrameMain;
  readonly frameState = { url: '' };
  /** Cross-document navigations so far; a sender frame from an older document reads as null. */
  navigation = 0;
  title = '';
  devToolsOpened = false;
  windowOpenHandler: ((details: object) => unknown) | undefined;
  private loading = false;
  private destroyed = false;
  private nextLoadId = 1;
  private readonly pendingLoads = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private crashed = false;

  constructor(readonly host: WebContentsHost) {
    super();
    this.mainFrame = new WebFrameMain(this, this.frameState, 1, null);
  }

  get processId(): number {
    return 1000 + this.id;
  }

  loadFile(filePath: string, options: { query?: Record<string, string>; search?: string; hash?: string } = {}): Promise<void> {
    const url = pathToFileURL(resolve(this.host.appPath, filePath));
    if (options.query) url.search = new URLSearchParams(options.query).toString();
    if (options.search) url.search = options.search;
    if (options.hash) url.hash = options.hash;
    return this.loadURL(url.href);
  }

  /** Resolves on did-finish-load and rejects on its own did-fail-load, as Electron's loadURL does. */
  loadURL(url: string): Promise<void> {
    this.checkAlive();
    this.loading = true;
    const loadId = this.nextLoadId++;
    const done = new Promise<void>((resolvePromise, reject) => this.pendingLoads.set(loadId, { resolve: resolvePromise, reject }));
    void this.host.pageReady
      .then(() => doubleContext().bridge.request(ToLauncher.loadURL, { windowId: this.host.windowId, url, loadId }))
      .catch((error: unknown) =>
        this.failLoad({ url, errorCode: -2, errorDescription: `ERR_FAILED: ${error instanceof Error ? error.message : String(error)}`, loadId }),
      );
    return done;
  }

  /** Fire-and-forget like Electron; arguments must survive structured clone. */
  send(channel: string, ...args: unknown[]): void {
    this.checkAlive();
    if (typeof channel !== 'string') throw new TypeError('Missing required channel argument');
    let cloned: unknown[];
    try {
      cloned = structuredClone(args);
    } catch {
      throw new Error('Failed to serialize arguments');
    }
    void this.host.pageReady
      .then(() => doubleContext().bridge.notify(ToLauncher.sendToPage, { windowId: this.host.windowId, channel, args: cloned }))
      .catch(() => {}); // No page (the launcher refused one): the message is lost, as with a crashed renderer.
  }

  executeJavaScript(code: string): Promise<unknown> {
    this.checkAlive();
    return this.host.pageReady.then(() => doubleContext().bridge.request(ToLauncher.executeJavaScript, { windowId: this.host.windowId, code }));
  }

  reload(): void {
    void this.host.pageReady.then(() => doubleContext().bridge.request(ToLauncher.reload, { windowId: this.host.windowId })).catch(() => {});
  }

  setWindowOpenHandler(handler: (details: object) => unknown): void {
    this.windowOpenHandler = handler;
    doubleContext().recorder.touch();
  }

  /** Recorded only: there are no DevTools to open. */
  openDevTools(): void {
    this.devToolsOpened = true;
    doubleContext().recorder.touch();
    this.emit('devtools-opened');
  }

  closeDevTools(): void {
    this.devToolsOpened = false;
    doubleContext().recorder.touch();
  }

  toggleDevTools(): void {
    if (this.devToolsOpened) this.closeDevTools();
    else this.openDevTools();
  }

  isDevToolsOpened(): boolean {
    return this.devToolsOpened;
  }

  getURL(): string {
    return this.frameState.url;
  }

  getTitle(): string {
    return this.title;
  }

  isLoading(): boolean {
    return this.loading;
  }

  isCrashed(): boolean {
    return this.crashed;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  focus(): void {
    this.host.focus();
  }

  isFocused(): boolean {
    return this.host.isFocused();
  }

  getOSProcessId(): number {
    return this.processId;
  }

  getProcessId(): number {
    return this.processId;
  }

  /** Called by the window when it goes away. */
  markDestroyed(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }

  /** Turns a launcher event into the Electron event. */
  handleLauncherEvent(params: WebContentsEventParams): void {
    const detail = params.detail ?? {};
    if (params.url !== undefined && (params.name === 'did-navigate' || params.name === 'did-navigate-in-page')) this.frameState.url = params.url;
    switch (params.name) {
      case 'did-navigate':
        this.navigation = params.navigation ?? this.navigation + 1;
        this.emit('did-navigate', createEvent(), params.url, detail.httpResponseCode ?? 200, detail.httpStatusText ?? 'OK');
        break;
      case 'did-navigate-in-page':
        this.emit('did-navigate-in-page', createEvent(), params.url, true, this.processId, 1);
        break;
      case 'dom-ready':
        this.emit('dom-ready', createEvent());
        break;
      case 'did-finish-load':
        this.finishLoad();
        break;
      case 'did-fail-load':
        this.failLoad({
          url: String(detail.validatedURL ?? params.url ?? ''),
          errorCode: Number(detail.errorCode ?? -2),
          errorDescription: String(detail.errorDescription ?? 'ERR_FAILED'),
          loadId: typeof detail.loadId === 'number' ? detail.loadId : undefined,
        });
        break;
      default:
        this.handleOtherEvent(params, detail);
    }
    doubleContext().recorder.touch();
  }

  private handleOtherEvent(params: WebContentsEventParams, detail: Record<string, unknown>): void {
    if (params.name === 'page-title-updated') {
      const event = createEvent();
      this.emit('page-title-updated', event, String(detail.title ?? ''), true);
      if (!event.defaultPrevented) this.title = String(detail.title ?? '');
    } else if (params.name === 'console-message') {
      const fields = { level: detail.level, message: detail.message, lineNumber: detail.lineNumber, sourceId: detail.sourceId, frame: this.mainFrame };
      this.emit('console-message', createEvent(fields), detail.levelNumber, detail.message, detail.lineNumber, detail.sourceId);
    } else if (params.name === 'render-process-gone') {
      this.crashed = true;
      this.emit('render-process-gone', createEvent(), { reason: 'crashed', exitCode: 1 });
    } else if (params.name === 'input-event') {
      // Real input from the person (Playwright's mouse and keyboard go through Chromium's input
      // pipeline, as the OS's do); a page script's dispatchEvent never gets here (isTrusted).
      this.emit('input-event', createEvent(), { type: String(detail.type ?? 'undefined'), modifiers: [] });
    } else if (params.name === 'preload-error') {
      this.emit('preload-error', createEvent(), String(detail.preloadPath ?? ''), new Error(String(detail.message ?? 'preload failed')));
    }
  }

  private finishLoad(): void {
    this.loading = false;
    this.emit('did-finish-load', createEvent());
    for (const pending of this.pendingLoads.values()) pending.resolve();
    this.pendingLoads.clear();
  }

  // A failure names the load it belongs to when the double knows it; otherwise every pending load fails.
  private failLoad(failure: { url: string; errorCode: number; errorDescription: string; loadId: number | undefined }): void {
    const { url, errorCode, errorDescription, loadId } = failure;
    this.loading = false;
    this.emit('did-fail-load', createEvent(), errorCode, errorDescription, url, true, this.processId, 1);
    const error = Object.assign(new Error(`${errorDescription} (${errorCode}) loading '${url.slice(0, 2048)}'`), {
      errno: errorCode,
      code: errorDescription,
      url,
    });
    for (const [id, pending] of this.pendingLoads) {
      if (loadId !== undefined && id !== loadId) continue;
      this.pendingLoads.delete(id);
      pending.reject(error);
    }
  }

  private checkAlive(): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
  }
}
