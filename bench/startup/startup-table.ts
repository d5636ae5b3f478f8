/** The start-up figures as a table: one row per size and side. Pure. */
import { duration, percent, type Table } from '../lib/table';
import type { StartupFigures, StartupSide } from './startup-run';

/** A time, or "not within" the cap when it never happened. */
function within(ms: number | null, capMs: number): string {
  return ms === null ? `not within ${Math.round(capMs / 1000)} s` : duration(ms);
}

function row(label: string, side: StartupSide, capMs: number): string[] {
  return [
    label,
    within(side.everyStateShownMs, capMs),
    within(side.everyStateLiveMs, capMs),
    percent(side.peakShare),
    percent(side.slidingPeakShare),
    String(side.tooManyRequests),
    String(side.requests),
  ];
}

export function startupTable(runs: readonly StartupFigures[], isQuick: boolean): Table {
  const limit = runs[0]?.limitPerMinute ?? 0;
  return {
    title: `Start-up: ${limit}-a-minute panels, after a restart`,
    columns: [
      'Servers · panels · watcher',
      'Every state shown',
      'Every state live',
      'Busiest panel window / limit',
      'Busiest sliding 60 s',
      '429s',
      'Requests',
    ],
    rows: runs.flatMap((r) => [
      row(`${r.servers} · ${r.panels} · Pterotray`, r.monitor, r.capMs),
      row(`${r.servers} · ${r.panels} · panel dashboard`, r.baseline, r.capMs),
    ]),
    notes: [
      ...(isQuick ? ['QUICK MODE: 100 servers only (the full run adds 500 on one and on three panels).'] : []),
      `Each panel allows ${limit} client requests a minute (Pterodactyl 1.12 and Pelican's default); the sim counts them as Laravel does, in a fixed one-minute window. Both watchers run at once, each on its own panels with the same servers.`,
      'Pterotray starts as after a restart: the last states it kept on disk (an hour old) are shown at once, marked with their age, never as live; "every state live" is when every one was seen this run. Its budget never takes more than half of the limit (the other half is the user\'s, for their browser), a quarter once caught up.',
      '"Busiest panel window" is what the panel itself counted in its busiest one-minute window (Laravel opens one at the first request and the next at the first request after it), the figure the half rule is about; a sliding 60 s can span the end of one window and the start of the next.',
      "The panel dashboard keeps nothing: a row shows a state once its own `/resources` answer came. Every row asks at once, then every 30 s, through a browser-like tab (fetch, six at once per host, no retries, no notion of the limit): past the limit its rows get 429 and wait for their next poll, and every poll it makes is taken from the user's own limit.",
      'Under the half rule a panel gives Pterotray at most 128 requests a minute, and every server needs one (its websocket token or `/resources`): 500 servers on one panel cannot all be live in less than about 3 minutes (four windows). What the issue asked, "every state known within 2 minutes", is not possible without taking the user\'s half: the kept states fill that time.',
    ],
  };
}
