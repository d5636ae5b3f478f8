/**
 * Owns the Chromium of one launched app: started on the first BrowserWindow (tray-only runs never
 * start a browser), one BrowserContext + page per window, closed with the app. Debian's Chromium
 * is used as installed; no browser is ever downloaded.
 */
import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { CreateWindowParams } from '../shared/protocol';
import { descendantsOf, pidsWithArgument } from './process-tree';
import { WindowPage, type WindowPageDeps } from './window-page';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** How the browser is started. */
export interface BrowserOptions {
  executablePath: string;
  headed: boolean;
}

/** The windows' pages of one app. */
export class BrowserHost {
  private browser: Promise<Browser> | undefined;
  private readonly windows = new Map<number, Promise<WindowPage>>();
  private readonly marker = `--electron-double-run=${randomBytes(6).toString('hex')}`;
  private closed = false;

  constructor(
    private readonly options: BrowserOptions,
    private readonly deps: WindowPageDeps,
  ) {}

  createWindow(params: CreateWindowParams): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the app is closing'));
    const opening = this.launch().then((browser) => WindowPage.open(browser, params, this.deps));
    this.windows.set(params.windowId, opening);
    return opening.then(() => undefined);
  }

  /** The window's page once it exists. */
  async page(windowId: number): Promise<Page> {
    const window = this.windows.get(windowId);
    if (!window) throw new Error(`window ${windowId} has no page`);
    return (await window).currentPage;
  }

  async window(windowId: number): Promise<WindowPage> {
    const window = this.windows.get(windowId);
    if (!window) throw new Error(`window ${windowId} has no page`);
    return window;
  }

  async destroyWindow(windowId: number): Promise<void> {
    const window = this.windows.get(windowId);
    this.windows.delete(windowId);
    await (await window?.catch(() => undefined))?.close();
  }

  async setColorScheme(dark: boolean): Promise<void> {
    for (const window of this.windows.values()) {
      const page = (await window.catch(() => undefined))?.currentPage;
      await page?.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    }
  }

  /** The browser's process and all its children (renderers, zygote, utility), by /proc. */
  chromiumPids(): number[] {
    const roots = pidsWithArgument(this.marker);
    return [...roots, ...roots.flatMap((pid) => descendantsOf(pid))];
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = undefined;
    this.windows.clear();
    await (await browser?.catch(() => undefined))?.close();
  }

  private launch(): Promise<Browser> {
    this.browser ??= chromium.launch({
      executablePath: this.options.executablePath,
      headless: !this.options.headed,
      args: [...CHROMIUM_ARGS, this.marker],
    });
    return this.browser;
  }
}
