/** The watch benchmark's figures as a table (section 1 of the issue). Pure. */
import { duration, fixed, percent, type Table } from '../lib/table';
import { median, percentile } from '../lib/stats';
import { describeRoutes } from './request-figures';
import type { WatchRunFigures, WatcherFigures } from './watch-run';

function row(servers: number, figures: WatcherFigures): string[] {
  const { steady, trials } = figures;
  return [
    String(servers),
    figures.name,
    duration(figures.readyMs),
    fixed(steady.perServerPerMinute, 3),
    percent(Math.max(0, ...steady.sharePerPanel)),
    percent(figures.peakShare),
    String(steady.tooManyRequests),
    duration(median(trials.delaysMs)),
    duration(percentile(trials.delaysMs, 95)),
    `${trials.delaysMs.length}/${trials.started}`,
  ];
}

function viaText(firstVia: Record<string, number>): string {
  return Object.entries(firstVia)
    .map(([via, count]) => `${via} ${count}`)
    .join(', ');
}

function sizeNotes(run: WatchRunFigures): string[] {
  const { monitor, baseline } = run;
  return [
    `${run.servers} servers: monitor start-up ${monitor.startup.requests} requests (${describeRoutes(monitor.startup.byRoute)}); ` +
      `window requests: monitor ${describeRoutes(monitor.steady.byRoute)}; dashboard ${describeRoutes(baseline.steady.byRoute)}` +
      (baseline.steady.errors > 0 ? ` (${baseline.steady.errors} failed)` : '') +
      `; first signal: monitor ${viaText(monitor.trials.firstVia) || 'none'}; ` +
      `bench process ${percent(run.benchCpuShare)} of a core, ${fixed(run.benchRssBytes / 1048576, 0)} MiB RSS; sim host ${percent(run.simHostCpuShare)} of a core`,
  ];
}

/** One row per watcher and size, with how it was measured underneath. */
export function watchTable(runs: readonly WatchRunFigures[], isQuick: boolean): Table {
  const windowS = Math.round((runs[0]?.windowMs ?? 0) / 1000);
  return {
    title: 'Cost and speed of watching (3 panels, side by side)',
    columns: [
      'Servers',
      'Watcher',
      'All live in',
      'REST req/server/min',
      'Busiest panel (share of limit)',
      'Worst 60 s incl. start',
      '429s',
      'Delay median',
      'Delay p95',
      'Changes seen',
    ],
    rows: runs.flatMap((run) => [row(run.servers, run.monitor), row(run.servers, run.baseline)]),
    notes: [
      (isQuick ? 'QUICK MODE: 30 s windows, 10 and 100 servers only (the full run adds 500 and uses 60 s). ' : '') +
        `Steady state = a ${windowS} s window once every socket is live (monitor) or the first poll round is in (dashboard). ` +
        "Panels: the sim at its defaults (720 requests/min, websocket tokens live 10 min, stats every 1 s) with the real panel's 20 s /resources cache.",
      'No token refresh falls in a window this short: the idle section below measures a whole 10-minute token cycle at 500 servers.',
      'Delay = from the state change on the sim (control call sent) to the watcher showing it; the monitor is timed on followed servers. ' +
        'Each watcher gets one change a second on a random server with no change in flight.',
      'The dashboard = PanelClient polling GET /resources per server at once and every 30 s, no retries, 6 requests at once (a browser tab).',
      "Aims (issue 5): at most 0.2 req/server/min, never above 25 % of any panel's limit, p95 within 2 s for followed servers.",
      ...runs.flatMap(sizeNotes),
    ],
  };
}
