/**
 * The history channels over a real store in memory: named ranges read from the tier that covers
 * them, uptime in local days and weeks, a summary per server asked, and the CSV written only where
 * main's save dialog chose, the page told the file's name and never its folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Database } from '../../../../src/core/store/database';
import { STORE_MODULES } from '../../../../src/core/store/modules';
import { HistoryStore } from '../../../../src/core/history/history-store';
import { csvFileName, historyHandlers } from '../../../../src/main/ipc/handlers/history';
import type { HandlerPorts } from '../../../../src/main/ipc/handlers/ports';
import { wavySample } from '../../../helpers/history-seed';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const REF = { accountId: 'acc-1', identifier: 'abcd1234' };
const NOW = new Date(2026, 2, 4, 15, 0).getTime();
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let db: Database | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

function setup(options: { savePath?: string | null } = {}) {
  db = openStore(':memory:', STORE_MODULES, { logger: silent }).db;
  const clock = { now: () => NOW, setTimeout: () => 0, clearTimeout() {} };
  const store = new HistoryStore(db, { clock, logger: silent });
  store.recordState(REF, 'running', NOW - 10 * DAY);
  store.recordState(REF, 'offline', NOW - 2 * HOUR);
  for (let at = NOW - 10 * DAY; at <= NOW - 2 * HOUR; at += 5 * 60_000) store.record(REF, { at, ...wavySample(at) });
  store.flush();
  const written: Array<{ path: string; text: string }> = [];
  const asked: string[] = [];
  const fake = {
    now: () => NOW,
    monitor: { servers: () => [{ ...REF, name: 'Survival: "1"' }] },
    dialogs: {
      chooseSavePath: async (name: string) => {
        asked.push(name);
        return options.savePath === undefined ? '/home/me/exports/survival.csv' : options.savePath;
      },
    },
    history: { store, writeFile: async (path: string, text: string) => void written.push({ path, text }) },
  } as unknown as HandlerPorts;
  return { handlers: historyHandlers(fake), written, asked };
}

describe('history handlers', () => {
  it('reads each range from the tier that covers it, at most a chart’s worth of points', async () => {
    const { handlers } = setup();
    const day = await handlers['history:series']({ server: REF, range: '24h' });
    expect(day.tier).toBe('minute');
    expect(day.toMs - day.fromMs).toBe(DAY);
    expect(day.points.length).toBeGreaterThan(100);
    expect(day.points.length).toBeLessThanOrEqual(720);
    const week = await handlers['history:series']({ server: REF, range: '7d' });
    expect(week.tier).toBe('quarter');
    expect(week.points[0]!.at).toBeGreaterThanOrEqual(NOW - 7 * DAY - 15 * 60_000);
    // A band to draw: each point has its least and largest CPU around the mean.
    const p = week.points[10]!;
    expect(p.metrics.cpuPercent.min).toBeLessThanOrEqual(p.metrics.cpuPercent.avg);
    expect(p.metrics.cpuPercent.max).toBeGreaterThan(p.metrics.cpuPercent.min);
    // Offline for the last two hours: no samples, so the hour is empty.
    expect((await handlers['history:series']({ server: REF, range: '1h' })).points).toEqual([]);
  });

  it('gives uptime per local day (30) and per week from Monday (13)', async () => {
    const { handlers } = setup();
    const days = await handlers['history:uptime']({ server: REF, per: 'day' });
    expect(days).toHaveLength(30);
    expect(new Date(days.at(-1)!.start).getDate()).toBe(4);
    // Today: running from midnight until 13:00, offline since; 15 h seen.
    expect(days.at(-1)!.observedMs).toBe(15 * HOUR);
    expect(days.at(-1)!.runningMs).toBe(13 * HOUR);
    // Before the history began, nothing was seen.
    expect(days[0]!.observedMs).toBe(0);
    const weeks = await handlers['history:uptime']({ server: REF, per: 'week' });
    expect(weeks).toHaveLength(13);
    expect(weeks.every((w) => new Date(w.start).getDay() === 1)).toBe(true);
  });

  it('answers a summary per server asked, in order, empty for one it never saw', async () => {
    const { handlers } = setup();
    const unknown = { accountId: 'acc-1', identifier: 'ffff0000' };
    const [mine, other] = await handlers['history:summaries']({ servers: [REF, unknown] });
    expect(mine!.server).toEqual(REF);
    expect(mine!.uptime24h).toBeCloseTo(22 / 24, 5);
    expect(mine!.cpuSparkline).toHaveLength(24);
    expect(mine!.cpuSparkline.slice(0, 21).every((v) => v !== null && v > 0)).toBe(true);
    expect(mine!.cpuSparkline.at(-1)).toBeNull();
    expect(other).toEqual({ server: unknown, uptime24h: null, cpuSparkline: Array.from({ length: 24 }, () => null) });
  });

  it('writes the CSV only where the save dialog chose and tells the page the file name alone', async () => {
    const { handlers, written, asked } = setup();
    await expect(handlers['history:export-csv']({ server: REF, range: '7d' })).resolves.toEqual({ fileName: 'survival.csv' });
    expect(asked).toEqual(['Survival 1-7d-2026-03-04.csv']);
    expect(written).toHaveLength(1);
    expect(written[0]!.path).toBe('/home/me/exports/survival.csv');
    const lines = written[0]!.text.trim().split('\n');
    expect(lines[0]).toMatch(/^time,bucket_seconds,samples,cpu_percent_min,cpu_percent_avg,cpu_percent_max,/);
    expect(lines.length).toBeGreaterThan(500);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { handlers, written } = setup({ savePath: null });
    await expect(handlers['history:export-csv']({ server: REF, range: '24h' })).resolves.toBeNull();
    expect(written).toEqual([]);
  });

  it('opens no dialog for a server no panel lists', async () => {
    const { handlers, asked, written } = setup();
    await expect(handlers['history:export-csv']({ server: { accountId: '__proto__', identifier: 'abcd1234' }, range: '24h' })).rejects.toMatchObject({
      code: 'unknown-server',
    });
    expect(asked).toEqual([]);
    expect(written).toEqual([]);
  });

  it('makes a file name a file system takes from any server name', () => {
    expect(csvFileName('../../etc/passwd', '24h', 0)).toBe('etc passwd-24h-1970-01-01.csv');
    expect(csvFileName('a\u0000b', '1h', 0)).toBe('a b-1h-1970-01-01.csv');
    expect(csvFileName('...', '90d', 0)).toBe('server-90d-1970-01-01.csv');
  });
});
