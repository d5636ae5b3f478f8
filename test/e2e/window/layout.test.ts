// One sim version (default, or SIM_VERSION's): the window's layout, not the panel's shapes.
/**
 * The dashboard and a server's header from the window's minimum size (720×480) to a 4K screen
 * (issue 15): every power button of every row and of the header wholly on screen and clickable,
 * nothing scrolling sideways; the column headers sorting, the grouping, both kept across a restart;
 * the tray's crash mark in the row.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { LaunchedApp } from '../../electron-double/launch-api';
import { hasSecretService, launchBuilt, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { openServer, serverRow, serverRows, shot, waitForVisibleStates } from '../helpers/window-kit';

const SERVERS = 120;
const SIZES = [
  { width: 720, height: 480 },
  { width: 1280, height: 800 },
  { width: 3840, height: 2160 },
] as const;

/** Buttons in `scope` (a CSS selector) that are not wholly on screen and on top where they are drawn; and sideways scrolling. */
async function clippedButtons(page: Page, scope: string): Promise<{ clipped: string[]; checked: number; labels: string[]; sideways: string[] }> {
  // Through the page's <body>: the specs compile without the DOM's globals (tsconfig: lib ES2023).
  return page.locator('body').evaluate(async (body, selector) => {
    const doc = body.ownerDocument;
    const win = doc.defaultView!;
    const frame = (): Promise<void> => new Promise((resolve) => win.requestAnimationFrame(() => resolve()));
    const clipped: string[] = [];
    let checked = 0;
    const labels: string[] = [];
    for (const group of doc.querySelectorAll(selector)) {
      // Rows off screen are not laid out (content-visibility): bring each into view first.
      group.scrollIntoView({ block: 'center', inline: 'nearest' });
      await frame();
      for (const button of group.querySelectorAll('button')) {
        // A column that gave way (display: none) takes its header with it: not an action cut off.
        if (!button.checkVisibility()) continue;
        checked++;
        labels.push(button.getAttribute('aria-label') ?? button.textContent ?? '');
        const r = button.getBoundingClientRect();
        const inside = r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= win.innerWidth && r.bottom <= win.innerHeight;
        // Drawn on top near each corner (inside the rounded border) and at the centre: not cut by an
        // ancestor's overflow, not under another element.
        const [dx, dy] = [r.width * 0.2, r.height * 0.2];
        const points = [
          [r.left + dx, r.top + dy],
          [r.right - dx, r.top + dy],
          [r.left + dx, r.bottom - dy],
          [r.right - dx, r.bottom - dy],
          [r.left + r.width / 2, r.top + r.height / 2],
        ] as const;
        const hit = points.map(([x, y]) => doc.elementFromPoint(x, y)).find((el) => el === null || !button.contains(el));
        if (!inside || hit !== undefined) {
          const where = `${Math.round(r.left)}..${Math.round(r.right)} × ${Math.round(r.top)}..${Math.round(r.bottom)} of ${win.innerWidth}×${win.innerHeight}`;
          clipped.push(`${button.getAttribute('aria-label')} at ${where}, ${inside ? `under ${hit?.tagName}.${hit?.className}` : 'outside'}`);
        }
      }
    }
    const sideways = [doc.documentElement, doc.body, ...doc.querySelectorAll('main, main *')]
      .filter((el) => {
        const scrolls = el === doc.documentElement || el === doc.body || /(auto|scroll)/.test(win.getComputedStyle(el).overflowX);
        return scrolls && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`);
    return { clipped, checked, labels, sideways };
  }, scope);
}

async function resize(env: AppOnSim, size: { width: number; height: number }): Promise<void> {
  await env.app.dragWindow(size);
  await expect
    .poll(() => env.page.locator('body').evaluate((body) => [body.ownerDocument.defaultView!.innerWidth, body.ownerDocument.defaultView!.innerHeight]))
    .toEqual([size.width, size.height]);
}

describe.skipIf(!hasSecretService)('the layout from 720×480 to 4K, with 120 servers', () => {
  const home = mkdtempSync(join(tmpdir(), 'pterotray-e2e-layout-'));
  let env: AppOnSim | undefined;
  let relaunched: LaunchedApp | undefined;

  afterAll(async () => {
    await relaunched?.close();
    await env?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('marks a crash in its row, as the tray does', async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: SERVERS }, launch: { home } });
    await expect.poll(() => serverRows(env!.page).count(), { timeout: 20_000 }).toBe(SERVERS);
    await waitForVisibleStates(env.page, 30_000);
    // The first running server on screen (rows are by name): followed live, so its crash is seen.
    const names = await serverRows(env.page).evaluateAll((rows) => rows.slice(0, 6).map((row) => row.getAttribute('aria-label')));
    const victim = env.sim.control.servers().find((s) => names.includes(s.name) && s.state === 'running');
    if (!victim) throw new Error('no running server among the first rows');
    env.sim.control.crash(victim.identifier);
    const row = serverRow(env.page, victim.name);
    await expect.poll(() => row.textContent(), { timeout: 20_000 }).toContain('⚠ Crashed');
    await shot(env.page, 'layout-crashed-mark');
  });

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height} every power button of every row and of the server header is on screen, and nothing scrolls sideways`, async () => {
      const e = env!;
      await resize(e, size);
      await e.page.locator('.body').evaluate((el) => el.scrollTo(0, 0));
      await shot(e.page, `layout-dashboard-${size.width}x${size.height}`);
      const rows = await clippedButtons(e.page, '[role="grid"] [role="row"] .actions');
      expect(rows.checked).toBe(SERVERS * 4);
      expect(rows.clipped).toEqual([]);
      expect(rows.sideways).toEqual([]);
      // The headers sort; they must not be cut either.
      const headers = await clippedButtons(e.page, '[role="group"][aria-label="Sort servers"]');
      expect(headers.clipped).toEqual([]);

      const name = (await serverRows(e.page).first().getAttribute('aria-label'))!;
      await openServer(e.page, name);
      await shot(e.page, `layout-server-${size.width}x${size.height}`);
      const header = await clippedButtons(e.page, 'header.header > .power');
      expect(header.labels).toEqual(['Start', 'Stop', 'Restart', 'Kill'].map((verb) => `${verb} ${name}`));
      expect(header.clipped).toEqual([]);
      expect(header.sideways).toEqual([]);
      await e.page.getByRole('button', { name: 'Back to servers' }).click();
      await serverRows(e.page).first().waitFor();
    });
  }

  it('spaces the stats charts’ time labels by width and range: none overlap or is cut at 720 or 3840 px, the wider chart has more', async () => {
    const e = env!;
    const name = (await serverRows(e.page).first().getAttribute('aria-label'))!;
    const counts: Record<string, number> = {};
    for (const size of [SIZES[0], SIZES[2]]) {
      await resize(e, size);
      await openServer(e.page, name, 'Stats');
      for (const range of ['Live', '24 h']) {
        await e.page.getByRole('radiogroup', { name: 'Time range' }).getByRole('radio', { name: range, exact: true }).click();
        const chart = e.page.locator('[data-time-labels]').first();
        type Label = { text: string; left: number; right: number };
        const read = async (): Promise<Label[]> => JSON.parse((await chart.getAttribute('data-time-labels')) ?? '[]') as Label[];
        await expect.poll(async () => (await read()).length, { timeout: 20_000, message: `${range} draws time labels` }).toBeGreaterThan(1);
        const labels = await read();
        for (let i = 1; i < labels.length; i++) {
          expect(labels[i]!.left - labels[i - 1]!.right, `${range} at ${size.width}: "${labels[i - 1]!.text}" and "${labels[i]!.text}"`).toBeGreaterThanOrEqual(
            8,
          );
        }
        // ── layout2 (issue 15b) ── none cut at either edge of the canvas (the last one was, at 720).
        const canvasWidth = Number(await chart.getAttribute('data-canvas-width'));
        expect(canvasWidth).toBeGreaterThan(0);
        for (const label of labels) {
          expect(label.left, `${range} at ${size.width}: "${label.text}" starts inside the chart`).toBeGreaterThanOrEqual(0);
          expect(label.right, `${range} at ${size.width}: "${label.text}" ends inside the chart (${canvasWidth} px)`).toBeLessThanOrEqual(canvasWidth);
        }
        counts[`${range}@${size.width}`] = labels.length;
        await shot(e.page, `layout-stats-${range.replace(' ', '')}-${size.width}x${size.height}`);
      }
      await e.page.getByRole('button', { name: 'Back to servers' }).click();
      await serverRows(e.page).first().waitFor();
    }
    expect(counts['Live@3840']).toBeGreaterThan(counts['Live@720']!);
  });

  it('sorts by a column header, groups by node, and keeps both across a restart', async () => {
    const e = env!;
    await resize(e, { width: 1280, height: 800 });
    const sortBar = e.page.getByRole('group', { name: 'Sort servers' });
    await sortBar.getByRole('button', { name: /^State/ }).click();
    // Problems first: the crashed server heads the list.
    const crashed = await e.page
      .locator('[data-attention="crashed"]')
      .first()
      .evaluate((el) => el.closest('[role="row"]')!.getAttribute('aria-label'));
    await expect.poll(() => serverRows(e.page).first().getAttribute('aria-label')).toBe(crashed);
    await e.page.getByRole('combobox', { name: 'Group' }).selectOption('node');
    const nodes = [...new Set(e.sim.control.servers().map((s) => s.node))].sort();
    await expect.poll(() => e.page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(nodes);
    await shot(e.page, 'layout-sorted-by-state-grouped-by-node');
    const simUrl = e.sim.url;
    await e.app.close();
    const saved = JSON.parse(readFileSync(join(home, 'config', 'pterotray', 'settings.json'), 'utf8')) as { settings: { dashboard: unknown } };
    expect(saved.settings.dashboard).toEqual({ sort: { key: 'state', direction: 'asc' }, groupBy: 'node' });

    relaunched = await launchBuilt({ home });
    await relaunched.waitFor((snapshot) => snapshot.trays.length > 0, { timeoutMs: 20_000, message: 'the tray is up' });
    await relaunched.clickMenu(['Open Pterotray']);
    const page = await relaunched.window();
    await serverRows(page).first().waitFor({ timeout: 20_000 });
    expect(simUrl).toBe(e.sim.url);
    expect(
      await page
        .getByRole('group', { name: 'Sort servers' })
        .getByRole('button', { name: /^State/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await page.getByRole('combobox', { name: 'Group' }).inputValue()).toBe('node');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(nodes);
    await shot(page, 'layout-after-restart');
  });
});
