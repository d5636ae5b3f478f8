/** The history benchmark's figures as a table (issue 14). Pure. */
import { maximum, median, percentile } from '../lib/stats';
import { duration, mib, percent, type Table } from '../lib/table';
import type { HistoryFigures } from './history-bench';

/** Milliseconds with a decimal: chart reads are often under one. */
function ms(value: number | null): string {
  return value === null ? '–' : value < 100 ? `${value.toFixed(1)} ms` : duration(value);
}

/** The app flushes every 5 s: a flush's CPU over those 5 s is the writer's share of one core. */
const FLUSH_EVERY_S = 5;

export function historyTable(f: HistoryFigures, isQuick: boolean): Table {
  const perServer = f.fileBytes / f.servers;
  const cpuShare = (median(f.flushCpuMs) ?? 0) / (FLUSH_EVERY_S * 1000);
  return {
    title: `History on disk: ${f.servers} servers for 90 days`,
    columns: ['Figure', 'Value'],
    rows: [
      ['File (with its write-ahead log)', mib(f.fileBytes)],
      ['Per server per 90 days', `${(perServer / 1024).toFixed(0)} KiB`],
      [`At 500 servers (${f.servers === 500 ? 'measured' : 'scaled'})`, mib(perServer * 500)],
      ['Live data (after VACUUM)', mib(f.liveBytes)],
      [
        'Rows: raw samples / hour pages of minutes / 4½-hour pages of quarters / state changes',
        `${f.rows.raw} / ${f.rows.minutePages} / ${f.rows.quarterPages} / ${f.rows.states}`,
      ],
      ['Flush of 5 s of samples (median / p95 / worst)', `${ms(median(f.flushMs))} / ${ms(percentile(f.flushMs, 95))} / ${ms(maximum(f.flushMs))}`],
      ['Writer CPU (share of one core)', percent(cpuShare)],
      [`90-day chart of one server (${f.chart90dPoints} points; median / worst)`, `${ms(median(f.chart90dMs))} / ${ms(maximum(f.chart90dMs))}`],
      ['24-hour chart of one server (median)', ms(median(f.chart24hMs))],
      [`1-hour chart of one server (raw samples; median / worst)`, `${ms(median(f.chart1hMs))} / ${ms(maximum(f.chart1hMs))}`],
      [`Dashboard summaries of all ${f.servers} servers`, ms(f.summaryAllMs)],
      ['Opening the store (after a kill: open buckets rebuilt)', ms(f.reopenMs)],
      ['Opening the store (after a clean quit: nothing to rebuild)', ms(f.cleanReopenMs)],
      ['Fill time (simulated 90 days)', duration(f.fillMs)],
    ],
    notes: [
      'Filled through HistoryStore.record/flush on a simulated clock: 15-min samples past 48 h, 1-min for 48 h, 2 s (Wings\u2019 stats rate) for the last hour. Rollups are 16-bit packed pages (bucket-page.ts), so a bucket of 1 sample costs what one of 450 does.',
      'Flush figures are from the last simulated hour: every server\u2019s 2.5 samples per 5 s, folded into the minute and quarter tiers in one transaction.',
      ...(isQuick ? ['QUICK MODE: fewer servers; the 500-server size is scaled from the per-server figure.'] : []),
    ],
  };
}
