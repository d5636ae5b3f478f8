import { describe, expect, it } from 'vitest';
import { startupTable } from './startup-table';
import type { StartupFigures } from './startup-run';

const side = (shown: number | null, live: number | null, peakShare: number, tooMany = 0) => ({
  everyStateShownMs: shown,
  everyStateLiveMs: live,
  peakShare,
  slidingPeakShare: peakShare * 2,
  tooManyRequests: tooMany,
  requests: 512,
});

describe('startupTable', () => {
  it('gives both watchers a row per size, and says "not within" for what never happened', () => {
    const runs: StartupFigures[] = [
      { servers: 500, panels: 1, limitPerMinute: 256, capMs: 300_000, monitor: side(12, 190_000, 0.5), baseline: side(null, null, 1, 244) },
    ];
    const table = startupTable(runs, false);
    expect(table.title).toContain('256-a-minute');
    expect(table.rows).toEqual([
      ['500 · 1 · Pterotray', '12 ms', '190.0 s', '50.0 %', '100.0 %', '0', '512'],
      ['500 · 1 · panel dashboard', 'not within 300 s', 'not within 300 s', '100.0 %', '200.0 %', '244', '512'],
    ]);
    expect(table.notes.some((n) => n.startsWith('QUICK'))).toBe(false);
    expect(startupTable(runs, true).notes[0]).toMatch(/^QUICK MODE/);
  });
});
