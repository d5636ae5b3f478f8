import { describe, expect, it } from 'vitest';
import type { ProbeFigures } from '../lib/app-launch';
import type { RequestFigures } from '../watch/request-figures';
import type { IdleFigures } from './idle-run';
import { idleTable } from './idle-table';

const MIB = 1048576;
const probe = (atMs: number, cpuMs: number, heapMib: number, rssMib: number): ProbeFigures => ({
  atMs,
  cpuMs,
  heapUsedBytes: heapMib * MIB,
  heapTotalBytes: 0,
  externalBytes: 0,
  rssBytes: rssMib * MIB,
  hasGc: true,
});
const requests: RequestFigures = {
  requests: 51,
  perServerPerMinute: 0.1,
  sharePerPanel: [0.02, 0.024],
  peakShare: 0.2,
  errors: 0,
  tooManyRequests: 0,
  byRoute: { 'ws token': 50, list: 1 },
};

function figures(cpuMs: number): IdleFigures {
  return {
    servers: 500,
    windowMs: 600_000,
    sampleEveryMs: 30_000,
    liveAfterMs: 62_000,
    startup: requests,
    steady: requests,
    start: probe(0, 1_000, 27.5, 150),
    end: probe(600_000, 1_000 + cpuMs, 27, 140),
    samples: [140, 150, 145].map((rss, i) => ({ atMs: i * 30_000, rssBytes: rss * MIB, peakRssBytes: 200 * MIB, cpuMs: 0 })),
    simHostCpuShare: 0.02,
  };
}

describe('idleTable', () => {
  it('shows start, end and change of the heap and RSS, and the idle CPU rate', () => {
    const table = idleTable(figures(18_000), false);
    expect(table.rows[0]).toEqual(['Heap used (after full GC)', '27.5 MiB', '27.0 MiB', '-0.5 MiB']);
    expect(table.rows[2]).toEqual(['RSS, lowest / highest sample', '140.0 MiB', '150.0 MiB', '']);
    expect(table.rows[3]).toEqual(['CPU time while idle', '', '18.0 s', '3.0 % of a core, 1800 ms/min']);
    expect(table.rows[4]?.[2]).toBe('0.100');
    expect(table.rows).toHaveLength(6);
  });

  it('adds the no-stats comparison when there is one', () => {
    const table = idleTable(figures(18_000), true, figures(2_400));
    expect(table.rows).toHaveLength(9);
    expect(table.rows[8]).toEqual(['No stats frames: CPU time while idle', '', '2.4 s', '0.4 % of a core, 240 ms/min']);
    expect(table.notes[0]).toMatch(/^QUICK MODE/);
  });
});
