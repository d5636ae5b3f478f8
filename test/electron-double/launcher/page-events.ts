/**
 * Turns a page's life into webContents events for the app. Navigation and load events come from
 * one CDP session so they stay in Chromium's order; console output also lands in the logs.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { WindowPage, WindowPageDeps } from './window-page';

const LEVELS: Record<string, { level: string; levelNumber: number }> = {
  debug: { level: 'debug', levelNumber: 0 },
  log: { level: 'info', levelNumber: 1 },
  info: { level: 'info', levelNumber: 1 },
  warning: { level: 'warning', levelNumber: 2 },
  error: { level: 'error', levelNumber: 3 },
};

interface NavigatedFrame {
  frame: { id: string; parentId?: string; url: string; urlFragment?: string };
}

function watchConsole(window: WindowPage, page: Page, deps: WindowPageDeps): void {
  page.on('console', (message) => {
    const level = LEVELS[message.type()] ?? LEVELS.log;
    const location = message.location();
    deps.log('renderer', `[window ${window.windowId}] ${message.type()}: ${message.text()}`);
    window.notify({
      windowId: window.windowId,
      name: 'console-message',
      detail: { ...level, message: message.text(), lineNumber: location.lineNumber, sourceId: window.appUrl(location.url) },
    });
  });
  page.on('pageerror', (error) => deps.log('renderer', `[window ${window.windowId}] uncaught: ${error.stack ?? error.message}`));
  page.on('crash', () => window.notify({ windowId: window.windowId, name: 'render-process-gone' }));
}

async function notifyTitle(window: WindowPage, page: Page, last: { title: string }): Promise<void> {
  const title = await page.title().catch(() => last.title);
  if (title === last.title) return;
  last.title = title;
  window.notify({ windowId: window.windowId, name: 'page-title-updated', detail: { title } });
}

/** Starts forwarding; returns the CDP session to detach on close. */
export async function watchPage(window: WindowPage, page: Page, deps: WindowPageDeps): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  const last = { title: '' };
  let mainFrameId = '';
  // A failed navigation commits Chromium's error page (chrome-error://chromewebdata/); Electron
  // reports it with did-fail-load only, never did-navigate (electron_api_web_contents.cc,
  // DidFinishNavigation: `if (!navigation_handle->IsErrorPage())`), so its load events are not
  // the app's either — they would settle the next loadURL too early.
  let onErrorPage = false;
  cdp.on('Page.frameNavigated', ({ frame }: NavigatedFrame) => {
    if (frame.parentId) return;
    mainFrameId = frame.id;
    window.navigation += 1;
    onErrorPage = frame.url.startsWith('chrome-error:');
    if (onErrorPage) return;
    const url = window.appUrl(frame.url + (frame.urlFragment ?? ''));
    window.notify({ windowId: window.windowId, name: 'did-navigate', url, navigation: window.navigation });
  });
  cdp.on('Page.navigatedWithinDocument', ({ frameId, url }: { frameId: string; url: string }) => {
    if (frameId === mainFrameId) window.notify({ windowId: window.windowId, name: 'did-navigate-in-page', url: window.appUrl(url) });
  });
  cdp.on('Page.domContentEventFired', () => {
    if (!onErrorPage) window.notify({ windowId: window.windowId, name: 'dom-ready' });
  });
  cdp.on('Page.loadEventFired', () => {
    if (onErrorPage) return;
    window.notify({ windowId: window.windowId, name: 'did-finish-load' });
    void notifyTitle(window, page, last);
  });
  await cdp.send('Page.enable');
  watchConsole(window, page, deps);
  page.context().on('page', (popup) => {
    if (popup === page) return;
    deps.log('renderer', `[window ${window.windowId}] closed a popup the double did not route through setWindowOpenHandler: ${popup.url()}`);
    void popup.close().catch(() => {});
  });
  return cdp;
}
