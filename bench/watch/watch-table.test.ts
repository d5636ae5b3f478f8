import { describe, expect, it } from 'vitest';
import type { RequestFigures } from './request-figures';
import type { WatchRunFigures, WatcherFigures } from './watch-run';
import { watchTable } from './watch-table';

function requests(perServerPerMinute: number, shares: number[], byRoute: Record<string, number> = {}): RequestFigures {
  return { requests: 0, perServerPerMinute, sharePerPanel: shares, peakShare: Math.max(...shares), errors: 0, tooManyRequests: 0, byRoute };
}

function watcher(name: string, delaysMs: number[], steady: RequestFigures): WatcherFigures {
  return {
    name,
    readyMs: 1500,
    startup: requests(0, [0.01], { 'ws token': 10 }),
    steady,
    peakShare: 0.2,
    trials: { delaysMs, firstVia: { event: delaysMs.length }, started: delaysMs.length + 1, unresolved: 1 },
  };
}

const run: WatchRunFigures = {
  servers: 10,
  windowMs: 60_000,
  monitor: watcher('Pterotray monitor', [5, 7, 9], requests(0.05, [0.001, 0.002])),
  baseline: watcher('panel dashboard (baseline)', [15_000, 20_000, 29_000], requests(2, [0.011, 0.009], { resources: 20 })),
  benchCpuShare: 0.05,
  benchRssBytes: 200 * 1048576,
  simHostCpuShare: 0.02,
};

describe('watchTable', () => {
  it('gives each watcher a row with cost, busiest panel, delays and counts', () => {
    const table = watchTable([run], false);
    expect(table.rows).toEqual([
      ['10', 'Pterotray monitor', '1500 ms', '0.050', '0.2 %', '20.0 %', '0', '7 ms', '9 ms', '3/4'],
      ['10', 'panel dashboard (baseline)', '1500 ms', '2.000', '1.1 %', '20.0 %', '0', '20.0 s', '28.1 s', '3/4'],
    ]);
    expect(table.notes.join('\n')).toContain('dashboard resources 20');
    expect(table.notes.join('\n')).not.toContain('QUICK MODE');
  });

  it('says when the figures come from quick mode', () => {
    expect(watchTable([run], true).notes[0]).toMatch(/^QUICK MODE/);
  });
});
