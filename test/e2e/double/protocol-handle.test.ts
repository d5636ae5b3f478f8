// One sim version is enough: no panel; it tests the Electron double's protocol.handle.
/**
 * The double runs the app's `protocol.handle` handler for pages of its own scheme, with the
 * fixture app test/electron-double/fixtures/scheme-main.mjs (fixture://page/… served from the
 * fixtures folder by its handler). What the app sees follows Electron 45: the handler gets a
 * fetch Request with the scheme's URL; getURL(), senderFrame.url and will-navigate carry the
 * scheme's URL; the origin of a standard scheme is scheme://host; a handler that throws fails the
 * load with ERR_UNEXPECTED, Response.error() with ERR_FAILED, a scheme nobody handles with
 * ERR_UNKNOWN_URL_SCHEME (lib/browser/api/protocol.ts). The tests share one app and run in order.
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../../electron-double/launch';

const FIXTURES = resolve('test/electron-double/fixtures');
const PAGE_URL = 'fixture://page/index.html';

interface Ping {
  pong: unknown;
  senderUrl: string;
  origin: string;
  url: string;
  handled: boolean;
  secondHandle: string;
  requests: Array<{ url: string; method: string; referer: string | null }>;
}

interface PageWorld {
  fixture: { ping(value: unknown): Promise<Ping> };
  document: { getElementById(id: string): { textContent: string | null } | null; querySelector(s: string): { naturalWidth: number } | null };
  getComputedStyle(element: unknown): { fontFamily: string };
  location: { href: string; origin: string; protocol: string };
  isSecureContext: boolean;
}

describe('electron-double: protocol.handle', { timeout: 60_000 }, () => {
  let app: LaunchedApp;
  let page: Page;

  beforeAll(async () => {
    app = await launchApp({ main: join(FIXTURES, 'scheme-main.mjs') });
    await app.waitFor((s) => s.trays[0]?.tooltip === `loaded ${PAGE_URL}`, { message: 'the scheme page loaded', timeoutMs: 30_000 });
    page = await app.window();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 30_000);

  it('loads the page, its module script, stylesheet and image through the app handler', async () => {
    await page.waitForFunction(() => (globalThis as unknown as PageWorld).document.getElementById('preload')?.textContent?.startsWith('preload: ran first'));
    const rendered = await page.evaluate(() => {
      const world = globalThis as unknown as PageWorld;
      return { imageWidth: world.document.querySelector('img')?.naturalWidth ?? 0, secure: world.isSecureContext, protocol: world.location.protocol };
    });
    // The page itself runs on the double's http stand-in origin, a secure context like the scheme.
    expect(rendered).toEqual({ imageWidth: 32, secure: true, protocol: 'http:' });
    expect(app.windows()[0]).toMatchObject({ url: PAGE_URL, title: 'Fixture page' });
    expect(app.snapshot().protocol).toEqual({ handled: ['fixture'], privilegedSchemes: ['fixture'] });
  });

  it('hands the handler fetch Requests with the scheme URL, and the app sees the scheme URL and origin', async () => {
    const ping = await page.evaluate(() => (globalThis as unknown as PageWorld).fixture.ping('hello'));
    expect(ping).toMatchObject({
      pong: 'hello',
      senderUrl: PAGE_URL,
      origin: 'fixture://page',
      url: PAGE_URL,
      handled: true,
      secondHandle: 'Failed to register protocol: fixture',
    });
    const byUrl = new Map(ping.requests.map((request) => [request.url, request]));
    expect([...byUrl.keys()].sort()).toEqual(['fixture://page/icon.png', 'fixture://page/index.html', 'fixture://page/page.js', 'fixture://page/style.css']);
    expect(byUrl.get(PAGE_URL)?.method).toBe('GET');
    // Subresources name the page as referrer in the scheme's terms, never the stand-in origin.
    expect(byUrl.get('fixture://page/page.js')?.referer).toBe(PAGE_URL);
    await page.click('#ping');
    await page.waitForFunction(() => (globalThis as unknown as PageWorld).document.getElementById('reply')?.textContent === 'reply: hello from index.html');
  });

  it('answers the page’s own fetches through the handler, status included', async () => {
    const statuses = await page.evaluate(async () => {
      const f = (globalThis as unknown as { fetch(url: string): Promise<{ status: number; text(): Promise<string> }> }).fetch;
      const missing = await f('/missing.txt');
      return [missing.status, await missing.text()];
    });
    expect(statuses).toEqual([404, 'not found']);
  });

  it('reports page-started navigations to will-navigate with the scheme URL', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as PageWorld).location.href = '/other.html';
    });
    await app.waitFor((s) => s.windows[0]?.navigationRequests.length === 1);
    expect(app.windows()[0]?.navigationRequests).toEqual([{ url: 'fixture://page/other.html', prevented: true }]);
  });

  it.each([
    ['Load throwing', "ERR_UNEXPECTED (-9) loading 'fixture://page/throws.html'"],
    ['Load error', "ERR_FAILED (-2) loading 'fixture://page/error.html'"],
    ['Load unknown scheme', "ERR_UNKNOWN_URL_SCHEME (-302) loading 'nobody://page/index.html'"],
  ])('fails loadURL like Electron: %s', async (item, message) => {
    await app.clickMenu([item]);
    const tooltip = await app.waitFor((s) => s.trays[0]?.tooltip.startsWith('ERR_') && s.trays[0].tooltip);
    expect(tooltip).toBe(message);
    await app.clickMenu(['Load page']);
    await app.waitFor((s) => s.trays[0]?.tooltip === `loaded ${PAGE_URL}`);
  });

  it('logs what a throwing handler threw, as Electron does with console.error', () => {
    expect(app.logs().some((line) => line.stream === 'stderr' && line.text.includes('the handler failed'))).toBe(true);
  });
});
