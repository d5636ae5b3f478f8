import { describe, expect, it } from 'vitest';
import { historyTable } from './history-table';
import type { HistoryFigures } from './history-bench';

const figures: HistoryFigures = {
  servers: 50,
  fileBytes: 50 * 500 * 1024,
  liveBytes: 24 * 1048576,
  rows: { raw: 90_000, minutePages: 2_450, quarterPages: 24_050, states: 50 },
  reopenMs: 120,
  cleanReopenMs: 4,
  fillMs: 40_000,
  flushMs: [0.2, 0.3, 4],
  flushCpuMs: [0.2, 0.3, 4],
  chart90dMs: [9, 10, 30],
  chart90dPoints: 1440,
  chart24hMs: [1],
  chart1hMs: [3, 5],
  summaryAllMs: 40,
};

describe('historyTable', () => {
  it('states the disk cost per server per 90 days and scales it to 500 servers in quick mode', () => {
    const table = historyTable(figures, true);
    const row = (name: string): string | undefined => table.rows.find((r) => r[0]?.startsWith(name))?.[1];
    expect(row('Per server per 90 days')).toBe('500 KiB');
    expect(row('At 500 servers (scaled)')).toBe('244.1 MiB');
    expect(row('90-day chart of one server (1440 points')).toBe('10.0 ms / 30.0 ms');
    expect(table.notes.at(-1)).toMatch(/QUICK MODE/);
  });

  it('says measured, not scaled, at 500 servers', () => {
    const table = historyTable({ ...figures, servers: 500, fileBytes: 500 * 500 * 1024 }, false);
    expect(table.rows.some((r) => r[0] === 'At 500 servers (measured)')).toBe(true);
    expect(table.notes.some((n) => n.includes('QUICK'))).toBe(false);
  });
});
