/**
 * One BrowserWindow's page: its own BrowserContext (so permissions, storage and bindings are per
 * window), the bindings the page shim uses, navigation events read from CDP (ordered like
 * Electron's: did-navigate, dom-ready, did-finish-load), and the will-navigate guard.
 */
import type { Browser, BrowserContext, CDPSession, Dialog, Frame, Page, Request, Route } from 'playwright-core';
import { ToChild, type CreateWindowParams, type FrameInfo, type InvokeReply, type WebContentsEventParams } from '../shared/protocol';
import type { RpcPeer } from '../shared/rpc';
import type { FileServer } from './file-server';
import { buildInitScript, type CloneCodec } from './init-script';
import type { IpcLogEntry } from './ipc-log';
import { loadFailure } from './load-errors';
import { watchPage } from './page-events';
import { SchemeOrigins } from './scheme-origins';

type ProtocolAnswer =
  { ok: true; status: number; headers: Record<string, string>; body: Uint8Array } | { ok: false; errorCode: number; errorDescription: string };

/** What a window page shares with the rest of the launcher. */
export interface WindowPageDeps {
  peer: RpcPeer;
  files: FileServer;
  schemes: SchemeOrigins;
  codec: CloneCodec;
  ipcLog: IpcLogEntry[];
  log(stream: string, text: string): void;
  electronVersion: string;
}

/** The page behind one BrowserWindow. */
export class WindowPage {
  navigation = 0;
  private readonly frameKeys = new WeakMap<Frame, number>();
  private nextFrameKey = 1;
  private readonly programmatic = new Set<string>();
  /** The net error of an app-scheme request the handler failed, by page URL, for did-fail-load. */
  private readonly schemeFailures = new Map<string, { errorCode: number; errorDescription: string }>();
  private sendQueue: Promise<unknown> = Promise.resolve();
  private page: Page | undefined;
  private cdp: CDPSession | undefined;
  private refusedUnload: Dialog | undefined;

  private constructor(
    readonly windowId: number,
    readonly context: BrowserContext,
    private readonly deps: WindowPageDeps,
  ) {}

  /** Opens the window's context and page, with the shim and preload installed. */
  static async open(browser: Browser, params: CreateWindowParams, deps: WindowPageDeps): Promise<WindowPage> {
    const context = await browser.newContext({
      viewport: { width: params.width, height: params.height },
      colorScheme: params.colorScheme,
      serviceWorkers: 'block',
    });
    const window = new WindowPage(params.windowId, context, deps);
    await window.install(params);
    return window;
  }

  get currentPage(): Page {
    if (!this.page) throw new Error(`window ${this.windowId} has no page yet`);
    return this.page;
  }

  /**
   * Starts loading `appUrl` (file:// is served over http, the app's own schemes through its
   * protocol.handle handler); events report how it went.
   */
  async load(appUrl: string, loadId: number): Promise<void> {
    let target = appUrl;
    if (appUrl.startsWith('file:')) {
      const failure = await loadFailure(appUrl);
      if (failure) return this.notify({ windowId: this.windowId, name: 'did-fail-load', url: appUrl, detail: { ...failure, loadId } });
      target = await this.deps.files.serve(appUrl);
    } else if (SchemeOrigins.isAppScheme(appUrl)) {
      target = this.deps.schemes.pageUrl(appUrl);
    }
    this.programmatic.add(new URL(target).href);
    const page = this.currentPage;
    page.goto(target, { waitUntil: 'commit' }).catch(async (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const code = /net::(ERR_[A-Z_]+)/.exec(message)?.[1] ?? (/interrupted/.test(message) ? 'ERR_ABORTED' : 'ERR_FAILED');
      const schemeFailure = this.schemeFailures.get(new URL(target).href);
      this.schemeFailures.delete(new URL(target).href);
      // A failed (not aborted) navigation still commits Chromium's error page after goto gives up;
      // waiting for it keeps its load events from landing on the app's next load.
      if (code !== 'ERR_ABORTED')
        await page
          .waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() && frame.url().startsWith('chrome-error:'), timeout: 5_000 })
          .catch(() => {});
      const detail = { errorDescription: code, errorCode: code === 'ERR_ABORTED' ? -3 : -2, ...schemeFailure, validatedURL: appUrl, loadId };
      this.notify({ windowId: this.windowId, name: 'did-fail-load', url: appUrl, detail });
    });
  }

  /** A page URL as the app sees it: served files as file://, app-scheme pages as their scheme's URL. */
  appUrl(pageUrl: string): string {
    return this.deps.schemes.appUrl(pageUrl) ?? this.deps.files.toAppUrl(pageUrl);
  }

  async reload(): Promise<void> {
    this.programmatic.add(new URL(this.currentPage.url()).href);
    await this.currentPage.reload({ waitUntil: 'commit' });
  }

  /** webContents.send: queued so pushes reach the page in order. */
  send(channel: string, args: unknown[]): void {
    this.deps.ipcLog.push({ kind: 'push', windowId: this.windowId, channel, args });
    const encoded = this.deps.codec.encode(args);
    const page = this.currentPage;
    this.sendQueue = this.sendQueue
      .then(() =>
        page.evaluate(
          ([name, payload]) =>
            (globalThis as unknown as { __electronDoubleControl?: { dispatch(c: unknown, a: unknown): void } }).__electronDoubleControl?.dispatch(
              name,
              payload,
            ),
          [channel, encoded] as const,
        ),
      )
      .catch(() => {}); // A page that is navigating or gone loses the message, as in Electron.
  }

  /**
   * Closes the page the way Electron's window close does: beforeunload runs, with the user
   * activation Electron grants first ("Required to make beforeunload handler work"), so a page
   * may refuse. Resolves 'unloaded' once the page is gone, 'prevented' when it refused (the
   * refusal is held until settleBeforeUnload).
   */
  async runBeforeUnload(): Promise<'unloaded' | 'prevented'> {
    const page = this.page;
    if (!page || page.isClosed()) return 'unloaded';
    await this.cdp?.send('Runtime.evaluate', { expression: 'void 0', userGesture: true }).catch(() => {});
    return new Promise((resolve) => {
      const onClose = (): void => {
        page.off('dialog', onDialog);
        resolve('unloaded');
      };
      const onDialog = (dialog: Dialog): void => {
        if (dialog.type() !== 'beforeunload') return;
        page.off('dialog', onDialog);
        page.off('close', onClose);
        this.refusedUnload = dialog;
        resolve('prevented');
      };
      page.on('dialog', onDialog);
      page.once('close', onClose);
      page.close({ runBeforeUnload: true }).catch(onClose);
    });
  }

  /** After a refusal: unload anyway (the app prevented will-prevent-unload), or keep the page. */
  async settleBeforeUnload(proceed: boolean): Promise<void> {
    const dialog = this.refusedUnload;
    this.refusedUnload = undefined;
    await (proceed ? dialog?.accept() : dialog?.dismiss())?.catch(() => {});
  }

  async close(): Promise<void> {
    await this.cdp?.detach().catch(() => {});
    await this.context.close().catch(() => {});
  }

  notify(params: WebContentsEventParams): void {
    this.deps.peer.notify(ToChild.webContentsEvent, params);
  }

  /** Where a call from `frame` (at `href`) comes from. */
  frameInfo(frame: Frame, href: string): FrameInfo {
    const isMainFrame = frame === this.page?.mainFrame();
    let frameKey = 0;
    if (!isMainFrame) {
      frameKey = this.frameKeys.get(frame) ?? this.nextFrameKey++;
      this.frameKeys.set(frame, frameKey);
    }
    return { url: this.appUrl(href), isMainFrame, navigation: this.navigation, frameKey };
  }

  private async install(params: CreateWindowParams): Promise<void> {
    const options = {
      contextIsolation: params.contextIsolation,
      electronVersion: this.deps.electronVersion,
      ...(params.preloadPath ? { preloadPath: params.preloadPath } : {}),
    };
    const { script, preloadError } = buildInitScript(options);
    // The page passes its own location.href: the frame's URL at call time, whatever events are in flight.
    await this.context.exposeBinding('__electronDoubleInvoke', ({ frame }, channel: string, args: unknown, href: string) =>
      this.relay({ frame, href, kind: 'invoke', channel, args }),
    );
    await this.context.exposeBinding('__electronDoubleSend', ({ frame }, channel: string, args: unknown, href: string) =>
      this.relay({ frame, href, kind: 'send', channel, args }),
    );
    await this.context.exposeBinding('__electronDoubleWindowOpen', (_source, request: object) =>
      this.deps.peer.request(ToChild.windowOpen, { ...request, windowId: this.windowId }).catch(() => 'deny'),
    );
    await this.context.exposeBinding('__electronDoubleReport', (_source, name: 'preload-error' | 'input-event', detail: Record<string, unknown>) =>
      this.notify({ windowId: this.windowId, name, detail }),
    );
    await this.context.addInitScript({ content: script });
    await this.context.route('**/*', (route, request) => this.route(route, request));
    this.page = await this.context.newPage();
    this.cdp = await watchPage(this, this.page, this.deps);
    if (preloadError) {
      this.deps.log('renderer', `[window ${this.windowId}] ${preloadError}`);
      this.notify({ windowId: this.windowId, name: 'preload-error', detail: { preloadPath: params.preloadPath, message: preloadError } });
    }
  }

  private async relay(call: { frame: Frame; href: string; kind: 'invoke' | 'send'; channel: string; args: unknown }): Promise<unknown> {
    const { kind, channel } = call;
    const args = this.deps.codec.decode(call.args) as unknown[];
    const info = this.frameInfo(call.frame, call.href);
    const entry: IpcLogEntry = { kind, windowId: this.windowId, channel, args, frameUrl: info.url };
    this.deps.ipcLog.push(entry);
    const params = { windowId: this.windowId, channel, args, frame: info };
    if (kind === 'send') return void this.deps.peer.request(ToChild.send, params).catch(() => {});
    const reply = await this.deps.peer.request<InvokeReply>(ToChild.invoke, params).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    entry.reply = reply;
    return reply.ok ? { ok: true, value: this.deps.codec.encode(reply.value) } : reply;
  }

  // Every request: page-initiated navigations of the main frame ask the app's will-navigate
  // listeners first; requests to an app scheme's page origin are answered by its handler.
  private async route(route: Route, request: Request): Promise<void> {
    if (await this.navigationPrevented(request)) return route.abort('aborted');
    const appUrl = this.deps.schemes.appUrl(request.url());
    if (appUrl === undefined) return route.fallback();
    return this.serveScheme(route, request, appUrl);
  }

  private async navigationPrevented(request: Request): Promise<boolean> {
    let frame: Frame | undefined;
    try {
      frame = request.isNavigationRequest() ? request.frame() : undefined;
    } catch {
      frame = undefined; // Service-worker requests have no frame.
    }
    if (!frame || frame !== this.page?.mainFrame() || request.redirectedFrom()) return false;
    if (this.programmatic.delete(new URL(request.url()).href)) return false;
    const url = this.appUrl(request.url());
    return this.deps.peer.request<boolean>(ToChild.willNavigate, { windowId: this.windowId, url }).catch(() => false);
  }

  // The request crosses to the child, the app's protocol.handle handler answers, the body comes back.
  private async serveScheme(route: Route, request: Request, appUrl: string): Promise<void> {
    try {
      await this.answerScheme(route, request, appUrl);
    } catch {
      await route.abort('failed').catch(() => {}); // The page or the app went away meanwhile.
    }
  }

  private async answerScheme(route: Route, request: Request, appUrl: string): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(await request.allHeaders())) {
      // The page's own origin in these is the http stand-in; the handler sees the scheme's.
      if (name === 'referer') headers[name] = this.appUrl(value);
      else if (name === 'origin') headers[name] = this.appUrl(`${value}/`).replace(/\/$/, '');
      else headers[name] = value;
    }
    const params = { windowId: this.windowId, url: appUrl, method: request.method(), headers, body: request.postDataBuffer() };
    const answer = await this.deps.peer
      .request<ProtocolAnswer>(ToChild.protocolRequest, params)
      .catch((error: unknown): ProtocolAnswer => ({ ok: false, errorCode: -2, errorDescription: `ERR_FAILED: ${String(error)}` }));
    if (!answer.ok) {
      if (request.isNavigationRequest()) this.schemeFailures.set(request.url(), { errorCode: answer.errorCode, errorDescription: answer.errorDescription });
      this.deps.log('renderer', `[window ${this.windowId}] ${appUrl} failed: ${answer.errorDescription} (${answer.errorCode})`);
      return route.abort('failed').catch(() => {});
    }
    return route.fulfill({ status: answer.status, headers: answer.headers, body: Buffer.from(answer.body) }).catch(() => {});
  }
}
