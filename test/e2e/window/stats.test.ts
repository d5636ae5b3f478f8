/**
 * A server's Stats tab in the real window: the charts fill as Wings pushes stats over the
 * websocket (the canvas and the readouts change), and a stopped server says so.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSecretService, invoke, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';
import { simVersions } from '../../helpers/sim-versions';
import type { ServerRef, StatsSample } from '../../../src/shared/types';

const CARDS = ['CPU', 'Memory', 'Disk', 'Network'];

function card(page: Page, title: string): Locator {
  return page.getByRole('region', { name: title, exact: true });
}

/** The little of a <canvas> these checks use (the test's TypeScript has no DOM types). */
interface CanvasLike {
  width: number;
  height: number;
  toDataURL(): string;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** What a chart's canvas shows, as an image URL (equal strings, equal pixels). */
function canvasImage(chart: Locator): Promise<string> {
  return chart
    .locator('canvas')
    .first()
    .evaluate((canvas) => (canvas as unknown as CanvasLike).toDataURL());
}

/** How many non-transparent pixels a chart's canvas has: more points draw more line. */
function inkedPixels(chart: Locator): Promise<number> {
  return chart
    .locator('canvas')
    .first()
    .evaluate((element) => {
      const canvas = element as unknown as CanvasLike;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
      return inked;
    });
}

// Once per panel release: Pelican's Wings adds `disk_io` to every stats frame.
describe.skipIf(!hasSecretService).each(simVersions())('the stats tab on %s', (version) => {
  let env: AppOnSim;
  let watch: ConsoleWatch;

  beforeAll(async () => {
    // Stats every 400 ms; main keeps a sample every 2 s at most (samples.ts).
    env = await startAppOnSim({ until: 'dashboard', sim: { version, servers: 4, statsIntervalMs: 400 } });
    watch = watchConsole(env.page, env.app);
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  it('draws four charts that move as samples arrive', async () => {
    const server = env.sim.control.servers()[0]!;
    expect(server.state).toBe('running');
    await openServer(env.page, server.name, 'Stats');
    for (const title of CARDS) await card(env.page, title).waitFor({ timeout: 15_000 });
    const network = card(env.page, 'Network');
    const cpu = card(env.page, 'CPU');
    await cpu.locator('canvas').first().waitFor();
    const firstImage = await canvasImage(cpu);
    const firstInk = await inkedPixels(network);
    const firstReadout = await network.locator('.numbers').innerText();
    const ref: ServerRef = { accountId: env.account.id, identifier: server.identifier };
    const firstCount = await invoke<StatsSample[]>(env.page, 'statsHistory', ref).then((r) => (r.ok ? r.value.length : -1));
    // Charts moving: new points drawn (the canvas changes and gains ink), the readouts follow.
    await expect.poll(() => canvasImage(cpu), { timeout: 15_000 }).not.toBe(firstImage);
    await expect.poll(() => inkedPixels(network), { timeout: 15_000 }).toBeGreaterThan(firstInk);
    await expect.poll(() => network.locator('.numbers').innerText(), { timeout: 15_000 }).not.toBe(firstReadout);
    const laterCount = await invoke<StatsSample[]>(env.page, 'statsHistory', ref).then((r) => (r.ok ? r.value.length : -1));
    expect(laterCount).toBeGreaterThan(firstCount);
    expect(await cpu.locator('.numbers').innerText()).toMatch(/^\d+(\.\d+)?%$/);
    expect(await card(env.page, 'Memory').innerText()).toMatch(/Limit 2\.0 GiB|Limit \d/);
    await shot(env.page, `stats-charts-moving-${version}`);
  });

  it('says a stopped server is offline instead of showing stale numbers', async () => {
    const offline = env.sim.control.servers().find((s) => s.state === 'offline');
    if (!offline) throw new Error('the seeded panel has no offline server');
    await env.page.getByRole('button', { name: 'Back to servers' }).click();
    await openServer(env.page, offline.name, 'Stats');
    await env.page.getByRole('status').filter({ hasText: 'The server is not running' }).waitFor({ timeout: 10_000 });
    await shot(env.page, `stats-offline-${version}`);
  });

  it('printed no CSP violation and no error', () => {
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
