// One sim version is enough: no panel; it tests the Electron double with its fixture app.
/**
 * The double end to end with the fixture app (test/electron-double/fixtures/main.mjs): tray and
 * menu, notifications, dialogs, clipboard/shell, a real Chromium window with a preload and IPC,
 * close prevention, window.open / will-navigate / permissions, power events, and a clean quit
 * that leaves no Chromium behind. The tests share one app and run in order.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../../electron-double/launch';
import { isRunning } from '../../electron-double/launcher/process-tree';

const FIXTURES = resolve('test/electron-double/fixtures');

/** What page.evaluate callbacks see (the project compiles without the DOM lib). */
interface PageWorld {
  fixture: {
    ping(value: unknown): Promise<unknown>;
    fail(): Promise<unknown>;
    checkSender(): Promise<string>;
    requestPush(count: number): Promise<string>;
    onPushed(callback: (payload: unknown) => void): () => void;
    leakedIpc: object;
  };
  document: { getElementById(id: string): { textContent: string | null } | null; body: { dataset: Record<string, string | undefined> } };
  history: { pushState(state: unknown, title: string, url: string): void };
  location: { href: string };
  open(url: string): unknown;
}
const PAGE_URL = pathToFileURL(join(FIXTURES, 'index.html')).href;

describe('electron-double running the fixture app', { timeout: 60_000 }, () => {
  let app: LaunchedApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp({ main: join(FIXTURES, 'main.mjs') });
    await app.waitFor((s) => s.trays[0]?.menu, { message: 'the tray menu', timeoutMs: 30_000 });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  it('records the tray: icon read from the PNG file, tooltip and the menu tree', () => {
    const tray = app.tray();
    expect(tray?.image).toMatchObject({ source: 'path', path: join(FIXTURES, 'icon.png'), width: 32, height: 32, isEmpty: false });
    expect(tray?.tooltip).toBe('Fixture: idle');
    expect(tray?.menu?.map((item) => item.label)).toEqual([
      'Open window',
      'Server',
      'Notify',
      'Load missing page',
      'Confirm…',
      'Copy',
      'Open site',
      '',
      'Quit',
    ]);
    const server = tray?.menu?.[1]?.submenu ?? [];
    expect(server.map((item) => [item.label, item.type, item.enabled, item.visible, item.checked])).toEqual([
      ['Start', 'normal', true, true, false],
      ['Stop', 'normal', false, true, false],
      ['Secret', 'normal', true, false, false],
      ['', 'separator', true, true, false],
      // Electron checks the first radio item of a group that has none checked when the menu shows.
      ['Fast', 'radio', true, true, true],
      ['Slow', 'radio', true, true, false],
    ]);
  });

  it('clicks menu items by label path and refuses what a user could not click', async () => {
    await app.clickMenu(['Server', 'Start']);
    expect(app.tray()?.tooltip).toBe('started');
    await expect(app.clickMenu(['Server', 'Stop'])).rejects.toThrow(/"Stop" under "Server" is disabled/);
    await expect(app.clickMenu(['Server', 'Secret'])).rejects.toThrow(/hidden/);
    await expect(app.clickMenu(['Server', 'Restart'])).rejects.toThrow(
      /no menu item Restart under "Server"; the menu has "Start", "Stop", "Secret", "Fast", "Slow"/,
    );
    await expect(app.clickMenu(['Server'])).rejects.toThrow(/is a submenu/);
    await app.clickMenu([/^Confirm/]);
    await app.waitFor((s) => s.trays[0]?.tooltip === 'confirm: 0');
    expect(app.tray()?.tooltip).not.toBe('stopped');
  });

  it('records a shown notification and delivers a user click to it', async () => {
    await app.clickMenu(['Notify']);
    const [shown] = await app.waitFor((s) => s.notifications.length === 1 && s.notifications[0]?.events.includes('show') && s.notifications);
    expect(shown).toMatchObject({ title: 'Server started', body: 'Survival is online', urgency: 'normal', state: 'shown' });
    await app.clickNotification(0);
    await app.waitFor((s) => s.trays[0]?.tooltip === 'notification clicked');
    expect(app.notifications()[0]).toMatchObject({ state: 'clicked', events: ['show', 'click'] });
    await expect(app.clickNotification(0)).rejects.toThrow(/is clicked; a user cannot click it/);
  });

  it('answers dialogs from the scripted queue; an unanswered one is cancelled', async () => {
    await app.dialog.answerNext('showMessageBox', { response: 1 });
    await app.clickMenu(['Confirm…']);
    await app.waitFor((s) => s.trays[0]?.tooltip === 'confirm: 1');
    const calls = app.dialog.calls();
    expect(calls.map((call) => [call.kind, call.scripted, call.result])).toEqual([
      ['showMessageBox', false, { response: 0, checkboxChecked: false }],
      ['showMessageBox', true, { response: 1, checkboxChecked: false }],
    ]);
    expect(calls[1]?.options).toMatchObject({ message: 'Delete it?', buttons: ['Cancel', 'Delete'] });
  });

  it('records clipboard writes and shell calls instead of touching the desktop', async () => {
    await app.clickMenu(['Copy']);
    await app.clickMenu(['Open site']);
    await app.waitFor((s) => s.shell.length === 1);
    expect(app.clipboard()).toEqual({ text: 'copied text', writes: ['copied text'] });
    expect(app.shellCalls()).toEqual([{ method: 'openExternal', target: 'https://example.com/' }]);
  });

  it('opens a real Chromium window whose preload runs before the page scripts, under the strict CSP', async () => {
    await app.clickTray();
    page = await app.window();
    await page.waitForFunction(() => (globalThis as unknown as PageWorld).document.getElementById('preload')?.textContent?.startsWith('preload: ran first'));
    expect(await page.textContent('#preload')).toBe('preload: ran first (document was loading)');
    expect(await page.evaluate(() => (globalThis as unknown as PageWorld).document.body.dataset.apiAtFirstScript)).toBe('object');
    // The title follows the page's <title> once Chromium reports it (page-title-updated).
    await expect.poll(() => app.windows()[0]?.title).toBe('Fixture page');
    const [record] = app.windows();
    expect(record).toMatchObject({ url: PAGE_URL, title: 'Fixture page', visible: true, focused: true, bounds: { width: 640, height: 420 } });
    expect(record?.webPreferences).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      preload: join(FIXTURES, 'preload.cjs'),
    });
    // The exposed API is a frozen copy, and ipcRenderer itself cannot cross the bridge.
    const bridged = await page.evaluate(() => {
      const { fixture } = globalThis as unknown as PageWorld;
      return [Object.isFrozen(fixture), JSON.stringify(fixture.leakedIpc)];
    });
    expect(bridged).toEqual([true, '{}']);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/electron-double-fixture.png' });
  });

  it('round-trips invoke with the real sender frame, rejects like Electron, and pushes with webContents.send', async () => {
    await page.click('#ping');
    await page.waitForFunction(() => (globalThis as unknown as PageWorld).document.getElementById('reply')?.textContent === 'reply: hello from index.html');
    const ping = await page.evaluate(() => (globalThis as unknown as PageWorld).fixture.ping({ n: 1 }));
    expect(ping).toEqual({ pong: { n: 1 }, senderUrl: PAGE_URL, origin: 'file://', isTopFrame: true, windowId: app.windows()[0]?.id });
    expect(await page.evaluate(() => (globalThis as unknown as PageWorld).fixture.checkSender())).toBe('trusted');
    const failure = await page.evaluate(() => (globalThis as unknown as PageWorld).fixture.fail().catch((error: Error) => error.message));
    expect(failure).toBe("Error invoking remote method 'fixture:fail': Error: nope");
    const pushed = await page.evaluate(async () => {
      const api = (globalThis as unknown as PageWorld).fixture;
      const received: unknown[] = [];
      const both = new Promise<void>((resolveBoth) => {
        const stop = api.onPushed((payload) => {
          if (received.push(payload) < 2) return;
          stop();
          resolveBoth();
        });
      });
      await api.requestPush(2);
      await both;
      return received.map((payload) => {
        const { n, at, tags } = payload as { n: number; at: Date; tags: Set<string> };
        return [n, at instanceof Date && at.getTime(), tags instanceof Set && [...tags]];
      });
    });
    expect(pushed).toEqual([
      [1, 0, ['a']],
      [2, 0, ['a']],
    ]);
    expect(
      app
        .ipcLog()
        .filter((entry) => entry.kind === 'push')
        .map((entry) => entry.channel),
    ).toEqual(['fixture:pushed', 'fixture:pushed']);
    expect(app.ipcLog().find((entry) => entry.channel === 'fixture:fail')?.reply).toEqual({ ok: false, error: 'Error: nope' });
  });

  it("reports another document's URL as the sender, so the app's sender check refuses it", async () => {
    const page2Reply = await page.evaluate(async () => {
      const world = globalThis as unknown as PageWorld;
      world.history.pushState({}, '', '/elsewhere.html');
      return world.fixture.checkSender().catch((error: Error) => error.message);
    });
    expect(page2Reply).toMatch(/untrusted sender file:\/\/\/elsewhere\.html/);
  });

  it("rejects loadFile of a missing file with Electron's error, leaving the page as it was", async () => {
    await app.clickMenu(['Load missing page']);
    const tooltip = await app.waitFor((s) => s.trays[0]?.tooltip.startsWith('ERR_') && s.trays[0].tooltip);
    expect(tooltip).toBe(`ERR_FILE_NOT_FOUND (-6) loading '${pathToFileURL(join(FIXTURES, 'missing.html')).href}'`);
    expect(await page.textContent('h1')).toBe('Electron double fixture');
  });

  it("makes 'close' preventable: the fixture hides its window instead of closing", async () => {
    await app.closeWindow();
    const [record] = await app.waitFor((s) => s.windows[0]?.visible === false && s.windows);
    expect(record).toMatchObject({ destroyed: false, visible: false });
    await app.clickMenu(['Open window']);
    await app.waitFor((s) => s.windows[0]?.visible === true);
    expect(app.windows()).toHaveLength(1);
  });

  it('routes window.open through setWindowOpenHandler and page navigations through will-navigate', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as PageWorld).open('https://example.com/popup'))).toBeNull();
    await page.click('#external');
    await app.waitFor((s) => s.windows[0]?.windowOpenRequests.length === 2);
    expect(app.windows()[0]?.windowOpenRequests).toEqual([
      { url: 'https://example.com/popup', action: 'deny' },
      { url: 'https://example.com/', action: 'deny' },
    ]);
    await page.evaluate(() => {
      (globalThis as unknown as PageWorld).location.href = 'https://example.com/away';
    });
    await app.waitFor((s) => s.windows[0]?.navigationRequests.length === 1);
    expect(app.windows()[0]?.navigationRequests).toEqual([{ url: 'https://example.com/away', prevented: true }]);
    expect(await page.textContent('h1')).toBe('Electron double fixture');
  });

  it('asks the permission handler and delivers power events', async () => {
    expect(await app.requestPermission('media')).toBe(false);
    expect(app.snapshot().session.permissionRequests).toEqual([{ permission: 'media', windowId: app.windows()[0]?.id, granted: false, handled: true }]);
    await app.emitPowerMonitor('resume');
    await app.waitFor((s) => s.trays[0]?.tooltip === 'resumed');
  });

  it('quits through the tray menu: windows close, the process exits 0, no Chromium is left', async () => {
    const pids = app.chromiumPids();
    expect(pids.length).toBeGreaterThan(1);
    await app.clickMenu(['Quit']);
    const exit = await app.exited;
    expect(exit).toMatchObject({ code: 0, killed: false });
    expect(app.snapshot().lifecycle.slice(-3)).toEqual(['before-quit', 'will-quit', 'quit']);
    expect(app.snapshot().windows[0]?.destroyed).toBe(true);
    expect(pids.filter((pid) => isRunning(pid))).toEqual([]);
    expect(app.chromiumPids()).toEqual([]);
  });
});
