/**
 * Console section (issue 15): how late the newest line shows in the window's console when a
 * server prints 400 and 1,000 lines a second, with the default 10,000-line scrollback. The sim
 * runs in this process and prints through Wings' websocket (`console output`), the app on the
 * Electron double draws it; the page notes, on each animation frame, the newest line on screen.
 * The figure is the delay of the stream's last line: from its print in the sim to its row in
 * the terminal (one clock: both processes read the same machine's wall clock).
 */
import type { Page } from 'playwright-core';
import { startSimPanel } from '../../src/sim';
import { addPanels, launchBenchApp } from '../lib/app-launch';
import type { HostedPanel } from '../sim/host-protocol';

/** One rate's figures. */
export interface ConsoleRateFigures {
  linesPerSecond: number;
  lines: number;
  /** From the last line's print to its row on screen. */
  lastLineDelayMs: number;
  /** The newest line on screen, as late as it got while the stream ran (sampled each frame). */
  worstLagMs: number;
  /** The same per-frame lag's median and 95th percentile over the stream. */
  medianLagMs: number;
  p95LagMs: number;
  /** Frames sampled while the stream ran. */
  frames: number;
}

export interface ConsoleFigures {
  scrollback: number;
  rates: ConsoleRateFigures[];
}

const TICK_MS = 10;
const DRAW_TIMEOUT_MS = 60_000;
// A game line of typical length (a Paper log line), numbered and stamped with its print time.
const line = (run: string, n: number, atMs: number): string => `[12:00:00 INFO]: ${run} line ${n} at ${atMs} [Server thread/INFO]: Preparing spawn area: 42%`;

/** Starts noting, each frame, the print time of the newest line on screen (for `run`). */
function watchFrames(page: Page, run: string): Promise<void> {
  return page.evaluate((tag) => {
    const rows = document.querySelector('.xterm-rows');
    const w = window as unknown as { __bench: { lags: number[]; lastSeen: number; stop: boolean } };
    w.__bench = { lags: [], lastSeen: -1, stop: false };
    const pattern = new RegExp(`${tag} line (\\d+) at (\\d+)`, 'g');
    const frame = (): void => {
      const text = rows?.textContent ?? '';
      let newest: RegExpExecArray | null = null;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) newest = m;
      if (newest) {
        w.__bench.lastSeen = Number(newest[1]);
        w.__bench.lags.push(Date.now() - Number(newest[2]));
      }
      if (!w.__bench.stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, run);
}

async function runRate(page: Page, print: (text: string) => void, linesPerSecond: number, seconds: number): Promise<ConsoleRateFigures> {
  const run = `r${linesPerSecond}`;
  const total = linesPerSecond * seconds;
  await watchFrames(page, run);
  const startedAt = Date.now();
  let sent = 0;
  let lastPrintedAt = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      // As many lines as the rate owes by now, so a late tick catches up as a game's burst would.
      const due = Math.min(total, Math.floor(((Date.now() - startedAt) / 1000) * linesPerSecond));
      for (; sent < due; sent++) {
        lastPrintedAt = Date.now();
        print(line(run, sent + 1, lastPrintedAt));
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    }, TICK_MS);
  });
  await page.waitForFunction((n) => (window as unknown as { __bench: { lastSeen: number } }).__bench.lastSeen >= n, total, {
    timeout: DRAW_TIMEOUT_MS,
    polling: 'raf',
  });
  const drawnAt = Date.now();
  const lags = await page.evaluate(() => {
    const w = window as unknown as { __bench: { lags: number[]; stop: boolean } };
    w.__bench.stop = true;
    return w.__bench.lags;
  });
  const sorted = [...lags].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    linesPerSecond,
    lines: total,
    lastLineDelayMs: drawnAt - lastPrintedAt,
    worstLagMs: sorted.at(-1) ?? 0,
    medianLagMs: at(0.5),
    p95LagMs: at(0.95),
    frames: sorted.length,
  };
}

/** Runs the streams at each rate for `seconds`, one after another, on one server's console. */
export async function runConsoleBench(rates: readonly number[], seconds: number, progress: (line: string) => void): Promise<ConsoleFigures> {
  const sim = await startSimPanel({ servers: 1, seed: 3 });
  const bench = await launchBenchApp(false);
  try {
    await bench.page.getByRole('heading', { name: 'Welcome to Pterotray' }).waitFor({ timeout: 30_000 });
    await bench.app.dialog.answerNext('showMessageBox', { response: 0 });
    await addPanels(bench.page, [{ url: sim.url, apiKey: sim.apiKey } as HostedPanel]);
    // Onboarding offers the way to the servers once the panel is there, as a person sees it.
    await bench.page.getByRole('button', { name: 'Back to servers' }).click({ timeout: 30_000 });
    const server = sim.control.servers()[0]!;
    const row = bench.page.locator('[role="grid"] [role="row"]', { hasText: server.name }).locator('.name');
    await row.click({ timeout: 30_000 });
    await bench.page.getByRole('tab', { name: 'Console', exact: true, selected: true }).waitFor({ timeout: 30_000 });
    await bench.page.locator('.xterm-rows').waitFor({ timeout: 30_000 });
    // Fill the scrollback first: the terminal trims its oldest lines on every write from then on.
    const scrollback = 10_000;
    for (let i = 0; i < scrollback; i++) sim.control.emitConsole(server.identifier, line('fill', i, 0));
    await bench.page.waitForFunction(() => (document.querySelector('.xterm-rows')?.textContent ?? '').includes(`fill line 9999 at`), undefined, {
      timeout: DRAW_TIMEOUT_MS,
    });
    const figures: ConsoleRateFigures[] = [];
    for (const rate of rates) {
      progress(`console: ${rate} lines/s for ${seconds} s`);
      figures.push(await runRate(bench.page, (text) => sim.control.emitConsole(server.identifier, text), rate, seconds));
    }
    return { scrollback, rates: figures };
  } finally {
    await bench.close();
    await sim.close();
  }
}
