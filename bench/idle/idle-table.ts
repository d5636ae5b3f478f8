/** The idle benchmark's figures as a table (section 2 of the issue). Pure. */
import { duration, fixed, mib, percent, type Table } from '../lib/table';
import { describeRoutes } from '../watch/request-figures';
import type { IdleFigures } from './idle-run';

function noStatsRows(figures: IdleFigures): string[][] {
  const minutes = figures.windowMs / 60_000;
  const cpuMs = figures.end.cpuMs - figures.start.cpuMs;
  const rss = figures.samples.map((s) => s.rssBytes);
  return [
    [`No stats frames (${fixed(minutes, 1)} min): heap used after GC`, mib(figures.start.heapUsedBytes), mib(figures.end.heapUsedBytes), ''],
    ['No stats frames: RSS, lowest / highest sample', mib(rss.length ? Math.min(...rss) : null), mib(rss.length ? Math.max(...rss) : null), ''],
    [
      'No stats frames: CPU time while idle',
      '',
      `${fixed(cpuMs / 1000, 1)} s`,
      `${percent(cpuMs / figures.windowMs)} of a core, ${fixed(cpuMs / minutes, 0)} ms/min`,
    ],
  ];
}

/** Start, end and change of each figure, with how it was measured underneath. */
export function idleTable(figures: IdleFigures, isQuick: boolean, withoutStats: IdleFigures | null = null): Table {
  const { start, end, samples, steady } = figures;
  const minutes = figures.windowMs / 60_000;
  const cpuMs = end.cpuMs - start.cpuMs;
  const rss = samples.map((s) => s.rssBytes);
  const delta = (a: number, b: number): string => `${b - a >= 0 ? '+' : ''}${mib(b - a)}`;
  return {
    title: `Memory and idle cost: the app's main process watching ${figures.servers} servers for ${fixed(minutes, 1)} min`,
    columns: ['Figure', 'Start', 'End', 'Change'],
    rows: [
      ['Heap used (after full GC)', mib(start.heapUsedBytes), mib(end.heapUsedBytes), delta(start.heapUsedBytes, end.heapUsedBytes)],
      ['RSS', mib(start.rssBytes), mib(end.rssBytes), delta(start.rssBytes, end.rssBytes)],
      ['RSS, lowest / highest sample', mib(rss.length ? Math.min(...rss) : null), mib(rss.length ? Math.max(...rss) : null), ''],
      ['CPU time while idle', '', `${fixed(cpuMs / 1000, 1)} s`, `${percent(cpuMs / figures.windowMs)} of a core, ${fixed(cpuMs / minutes, 0)} ms/min`],
      [
        'REST requests per server per minute',
        '',
        fixed(steady.perServerPerMinute, 3),
        `busiest panel ${percent(Math.max(0, ...steady.sharePerPanel))} of its limit`,
      ],
      [
        'All servers live after',
        '',
        duration(figures.liveAfterMs),
        `${figures.startup.requests} requests, worst 60 s ${percent(figures.startup.peakShare)} of a limit`,
      ],
      ...(withoutStats ? noStatsRows(withoutStats) : []),
    ],
    notes: [
      (isQuick ? 'QUICK MODE: a 1-minute idle window instead of 10. ' : '') +
        'The built app (out/main/index.js) on the Electron double, 3 sim panels (720/min, tokens 10 min, stats pushed every 1 s by each running server, 2 in 3 are running), window closed to the tray.',
      `Heap: process.memoryUsage() after two full GCs (--expose-gc, by bench/idle/app-probe.mjs on SIGUSR2); RSS sampled from /proc every ${Math.round(figures.sampleEveryMs / 1000)} s; CPU = user + system time of the process.`,
      'Idle is not silent: Wings pushes a stats frame a second per running server, which the app parses and keeps; the double also records every tray redraw and sends it to its launcher, which real Electron does not do.',
      ...(withoutStats
        ? ['"No stats frames": the same app and servers in a second run whose sims push no stats frames (--idle-no-stats), to show what they cost.']
        : []),
      `Requests in the window: ${describeRoutes(steady.byRoute)}${steady.errors > 0 ? ` (${steady.errors} failed)` : ''}; sim host ${percent(figures.simHostCpuShare)} of a core.`,
    ],
  };
}
