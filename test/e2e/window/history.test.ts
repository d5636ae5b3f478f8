// One sim version (default, or SIM_VERSION's): the history comes from the app's own store file, whatever the panel.
/**
 * The history on disk in the real window (issue 14): weeks of stats and states written with
 * HistoryStore into the app's store file before it starts, as the app itself would have kept them;
 * then the Stats tab's ranges (the chart of each range drawn, with its band), the uptime per day
 * and per week, the CSV export through main's save dialog, the live range as before, and the
 * dashboard's 24-hour uptime and sparkline.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../../src/core/store/database';
import type { SimPanel } from '../../../src/sim';
import type { LaunchedApp } from '../../electron-double/launch-api';
import { seedHistory, wavySample } from '../../helpers/history-seed';
import { hasSecretService, launchBuilt, startAppOnSim } from '../helpers/app-on-sim';
import { openServer, serverRow, serverRows, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The little of a <canvas> these checks use (the test's TypeScript has no DOM types). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/**
 * How many pixels of a chart's canvas are the line's own blue (the accent): grid, labels and the
 * red limit line are grey or red, so an empty range counts (almost) none.
 */
function linePixels(chart: Locator): Promise<number> {
  return chart
    .locator('canvas')
    .first()
    .evaluate((element) => {
      const canvas = element as unknown as CanvasLike;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let blue = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        if (a > 128 && b > r + 60 && b > g + 20) blue++;
      }
      return blue;
    });
}

function card(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

describe.skipIf(!hasSecretService)('the history on disk in the window', () => {
  const home = mkdtempSync(join(tmpdir(), 'pterotray-e2e-history-'));
  const userData = join(home, 'config', 'pterotray');
  let sim: SimPanel;
  let app: LaunchedApp;
  let page: Page;
  let watch: ConsoleWatch;
  let running: { name: string; identifier: string };
  let offline: { name: string; identifier: string };
  let seededAt = 0;

  beforeAll(async () => {
    // A first run adds the panel (its account id names the servers in the store), then quits.
    const first = await startAppOnSim({ until: 'panel-added', launch: { home } });
    sim = first.sim;
    const servers = sim.control.servers();
    const up = servers.find((s) => s.state === 'running');
    const down = servers.find((s) => s.state === 'offline');
    if (!up || !down) throw new Error('the seeded panel needs a running and an offline server');
    running = up;
    offline = down;
    const accountId = first.account.id;
    await first.app.close();

    // Ninety days as the app would have kept them: running, a day offline ten days ago, and three
    // days forty days ago when the app did not run (unknown); the other server offline throughout.
    seededAt = Date.now();
    const now = seededAt;
    const outage = { from: now - 10 * DAY, to: now - 9 * DAY };
    const away = { from: now - 43 * DAY, to: now - 40 * DAY };
    const inside = (at: number, span: { from: number; to: number }) => at >= span.from && at < span.to;
    seedHistory(join(userData, STORE_FILE), {
      nowMs: now,
      fromMs: now - 90 * DAY,
      everyMs: 5 * 60_000,
      servers: [
        {
          ref: { accountId, identifier: running.identifier },
          states: [
            { at: now - 90 * DAY, state: 'running' },
            { at: away.from, state: 'unknown' },
            { at: away.to, state: 'running' },
            { at: outage.from, state: 'offline' },
            { at: outage.to, state: 'running' },
          ],
          sample: (at) => (inside(at, outage) || inside(at, away) ? null : wavySample(at)),
        },
        { ref: { accountId, identifier: offline.identifier }, states: [{ at: now - 90 * DAY, state: 'offline' }], sample: () => null },
      ],
    });

    app = await launchBuilt({ home });
    await app.waitFor(() => app.tray() !== undefined, { timeoutMs: 20_000, message: 'the tray' });
    await app.clickMenu(['Open Pterotray']);
    page = await app.window();
    page.setDefaultTimeout(15_000);
    watch = watchConsole(page, app);
    await serverRows(page).first().waitFor({ timeout: 20_000 });
  });

  afterAll(async () => {
    watch?.stop();
    await app?.close();
    await sim?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('shows each server’s last 24 hours on the dashboard', async () => {
    const up = serverRow(page, running.name).getByRole('img', { name: /^Last 24 hours: 100% up, CPU \d+% on average$/ });
    await up.waitFor();
    expect(await up.locator('path').getAttribute('d')).toMatch(/^M0\.0 [\d.]+( L[\d.]+ [\d.]+){20,}/);
    await serverRow(page, offline.name).getByRole('img', { name: 'Last 24 hours: 0% up' }).waitFor();
    await shot(page, 'history-dashboard-24h');
  });

  it('draws each stored range from the history, with the min/max band, and the live one as before', async () => {
    await openServer(page, running.name, 'Stats');
    await page.getByRole('radio', { name: 'Live', checked: true }).waitFor();
    for (const [label, name] of [
      ['1 h', 'the last hour'],
      ['24 h', 'the last 24 hours'],
      ['7 d', 'the last 7 days'],
      ['90 d', 'the last 90 days'],
    ] as const) {
      await page.getByRole('radio', { name: label }).click();
      const chart = page.getByRole('img', { name: `CPU over ${name}` });
      await chart.locator('canvas').first().waitFor();
      // A line across the whole chart, not a few points at its end (a width of ~410 px at least).
      await expect.poll(() => linePixels(chart), { timeout: 10_000 }).toBeGreaterThan(400);
      // The range's mean and its peak, from the seeded wave (20% ± 15%, up to 6% more, bursts of 60%).
      const numbers = await card(page, 'CPU').locator('.numbers').innerText();
      expect(numbers).toMatch(/avg\s*\d+(\.\d)?%\s*peak \d+(\.\d)?%/);
      expect(await card(page, 'Memory').locator('.numbers').innerText()).toMatch(/1\.\d GiB/);
      await shot(page, `history-range-${label.replace(' ', '')}`);
    }
    // The 90 days read from 15-minute buckets merged to the chart's width: the band has room.
    await page.getByRole('radio', { name: 'Live' }).click();
    await card(page, 'CPU').getByRole('img', { name: 'CPU over the last 6 min' }).waitFor();
  });

  it('gives the uptime per day and per week, the outage and the days not seen among them', async () => {
    const uptime = card(page, 'Uptime');
    const days = uptime.getByRole('listitem');
    await expect.poll(() => days.count()).toBe(30);
    const labels = await days.evaluateAll((items) => items.map((i) => i.getAttribute('aria-label') ?? ''));
    // The day offline ten days ago falls across two local days: both read below 100%.
    expect(labels.filter((l) => / (\d|[1-8]\d|9[0-8])(\.\d)?% up/.test(l)).length).toBeGreaterThanOrEqual(1);
    expect(labels.filter((l) => /: 100% up/.test(l)).length).toBeGreaterThanOrEqual(25);
    expect(await uptime.innerText()).toMatch(/9\d(\.\d)?%\s*over the last 30 days/);
    await uptime.scrollIntoViewIfNeeded();
    await shot(page, 'history-uptime-days');
    await uptime.getByRole('radio', { name: 'Per week' }).click();
    await expect.poll(() => days.count()).toBe(13);
    const weeks = await days.evaluateAll((items) => items.map((i) => i.getAttribute('aria-label') ?? ''));
    expect(weeks.every((w) => w.startsWith('Week of '))).toBe(true);
    // The three days the app did not run are neither up nor down: that week was seen for less.
    expect(weeks.some((w) => /seen [0-6]d/.test(w))).toBe(true);
    await uptime.scrollIntoViewIfNeeded();
    await shot(page, 'history-uptime-weeks');
  });

  it('exports the shown range as CSV where main’s save dialog chose', async () => {
    await page.getByRole('radio', { name: '7 d' }).click();
    const target = join(home, 'survival-7d.csv');
    await app.dialog.answerNext('showSaveDialog', { canceled: false, filePath: target });
    await page.getByRole('button', { name: 'Export CSV…' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved survival-7d.csv.' }).waitFor();
    const rows = readFileSync(target, 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^time,bucket_seconds,samples,cpu_percent_min,cpu_percent_avg,cpu_percent_max,/);
    // 7 days of 15-minute buckets, less the day offline.
    expect(rows.length - 1).toBeGreaterThan(5 * 96);
    expect(rows.length - 1).toBeLessThanOrEqual(7 * 96 + 2);
    const dialog = app.dialog.calls().at(-1)!;
    expect(dialog.kind).toBe('showSaveDialog');
    expect(String((dialog.options as { defaultPath?: string }).defaultPath)).toMatch(/-7d-\d{4}-\d{2}-\d{2}\.csv$/);
    await shot(page, 'history-exported');
  });

  it('printed no CSP violation and no error', () => {
    expect(seededAt).toBeGreaterThan(0);
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
