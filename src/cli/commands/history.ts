/**
 * `history`: a server's stats and uptime from the history on disk (issue 14), with no panel
 * asked: what the app or `pterotray daemon` recorded. `--csv` prints the rows the window's export
 * saves; `--json` the summary and every point; no server lists the servers the history holds.
 */
import { calendarSpans } from '../../core/history/calendar';
import type { HistorySeries, HistoryStore } from '../../core/history/history-store';
import { RANGE_MS, STORED_RANGES, type HistoryMetric, type StoredRange } from '../../shared/ipc/history';
import { UsageError } from '../args';
import type { CommandDefinition } from '../command';
import { EXIT_OK } from '../failure';
import { printJson, printLines } from '../format/print';
import { stripControl } from '../format/sanitize';
import { formatTable } from '../format/table';
import { formatBytes, formatDuration } from '../format/units';
import { findServer, openHistory, type KnownServer } from '../history-reader';

const DAY_MS = 86_400_000;

const RANGE_TEXT: Record<StoredRange, string> = {
  '1h': 'the last hour',
  '24h': 'the last 24 hours',
  '7d': 'the last 7 days',
  '30d': 'the last 30 days',
  '90d': 'the last 90 days',
};

const METRICS: ReadonlyArray<{ metric: HistoryMetric; label: string; json: string; format: (v: number) => string }> = [
  { metric: 'cpuPercent', label: 'CPU', json: 'cpu_percent', format: (v) => `${v.toFixed(1)}%` },
  { metric: 'memoryBytes', label: 'Memory', json: 'memory_bytes', format: formatBytes },
  { metric: 'diskBytes', label: 'Disk', json: 'disk_bytes', format: formatBytes },
  { metric: 'networkRxBytesPerSec', label: 'Network in', json: 'network_rx_bytes_per_s', format: (v) => `${formatBytes(Math.round(v))}/s` },
  { metric: 'networkTxBytesPerSec', label: 'Network out', json: 'network_tx_bytes_per_s', format: (v) => `${formatBytes(Math.round(v))}/s` },
];

export const historyCommand: CommandDefinition = {
  path: 'history',
  usage: '[server] [--range 24h] [--csv]',
  summary: "a server's stats and uptime from the history the app keeps on disk",
  details: [
    `--range is one of ${STORED_RANGES.join(', ')} (default 24h). The last hour is kept at full resolution, 48 hours in 1-minute buckets, 90 days in 15-minute ones.`,
    'Uptime counts only the time a state was seen: while neither the app nor the daemon ran, nothing is counted either way.',
    "--csv prints one row per bucket (as the window's Export CSV saves it); --json the summary, each day and every point.",
    'The server is an identifier, account/identifier, or the name the app last saw; without one, the servers with history are listed. No panel is asked.',
  ],
  options: ['json', 'range', 'csv'],
  minArgs: 0,
  maxArgs: 1,
  async run(ctx) {
    const history = openHistory(ctx.deps.env, ctx.deps.clock);
    try {
      const [query] = ctx.args;
      if (query === undefined) return listServers(ctx, history.store, history.servers);
      const server = findServer(history.servers, query, ctx.options.account, ctx.command);
      const range = parseRange(ctx.options.range, ctx.command);
      const toMs = ctx.deps.clock.now();
      const fromMs = toMs - RANGE_MS[range];
      if (ctx.options.csv) {
        ctx.out.stdout.write(history.store.csv(server, fromMs, toMs));
        return EXIT_OK;
      }
      const report = buildReport(history.store, server, range, fromMs, toMs);
      if (ctx.options.json) printJson(ctx.out.stdout, reportJson(report));
      else if (report.series.points.length === 0 && report.uptime.observedMs === 0)
        ctx.out.stderr.line(`${title(server)} has no history in ${RANGE_TEXT[range]}.`);
      else printLines(ctx.out.stdout, reportLines(report));
      return EXIT_OK;
    } finally {
      history.close();
    }
  },
};

function parseRange(raw: string | undefined, command: string): StoredRange {
  if (raw === undefined) return '24h';
  const range = raw.trim().toLowerCase();
  if ((STORED_RANGES as readonly string[]).includes(range)) return range as StoredRange;
  throw new UsageError(`--range must be one of ${STORED_RANGES.join(', ')}, not '${raw}'`, command);
}

interface Report {
  server: KnownServer;
  range: StoredRange;
  series: HistorySeries;
  uptime: { runningMs: number; observedMs: number };
  days: Array<{ start: number; runningMs: number; observedMs: number }>;
}

function buildReport(store: HistoryStore, server: KnownServer, range: StoredRange, fromMs: number, toMs: number): Report {
  const [uptime = { runningMs: 0, observedMs: 0 }] = store.uptimeIn(server, [{ start: fromMs, end: toMs }]);
  // Local calendar days the range touches (none for the hour).
  const days = range === '1h' ? [] : store.uptimeIn(server, calendarSpans(toMs, 'day', Math.round(RANGE_MS[range] / DAY_MS) + 1), fromMs, toMs);
  return { server, range, series: store.series(server, fromMs, toMs), uptime, days };
}

function title(server: KnownServer): string {
  const id = `${server.accountId}/${server.identifier}`;
  return server.name ? `${stripControl(server.name)} (${id})` : id;
}

function share(b: { runningMs: number; observedMs: number }): number | null {
  return b.observedMs > 0 ? b.runningMs / b.observedMs : null;
}

/** Rounded down: time down never reads as 100%. */
function percent(value: number | null): string {
  if (value === null) return '-';
  if (value >= 1) return '100%';
  return `${(Math.floor(value * 1000) / 10).toFixed(1)}%`;
}

function stats(series: HistorySeries, metric: HistoryMetric): { min: number; avg: number; max: number } | null {
  let count = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const p of series.points) {
    const m = p.metrics[metric];
    sum += m.avg * p.count;
    count += p.count;
    min = Math.min(min, m.min);
    max = Math.max(max, m.max);
  }
  return count === 0 ? null : { min, avg: sum / count, max };
}

/** `6d 18h`, `23h 59m`, `42s`: the two largest units, to the minute past an hour (seen time is never exact to the second). */
function roughDuration(ms: number): string {
  const rounded = ms >= 3_600_000 ? Math.round(ms / 60_000) * 60_000 : Math.round(ms / 1000) * 1000;
  return formatDuration(rounded).split(' ').slice(0, 2).join(' ');
}

function bucketText(series: HistorySeries): string {
  if (series.bucketMs === 0) return 'every sample';
  return series.bucketMs >= 60_000 ? `${formatDuration(series.bucketMs)} buckets` : `${series.bucketMs / 1000}s buckets`;
}

function localDate(atMs: number): string {
  const d = new Date(atMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function reportLines(r: Report): string[] {
  const up = r.uptime;
  const lines = [
    `${title(r.server)}: ${RANGE_TEXT[r.range]}, ${bucketText(r.series)}`,
    up.observedMs > 0 ? `Uptime: ${percent(share(up))} (running ${roughDuration(up.runningMs)} of ${roughDuration(up.observedMs)} seen)` : 'Uptime: not seen',
    '',
  ];
  const rows = METRICS.map((m) => {
    const s = stats(r.series, m.metric);
    return [m.label, ...(s ? [s.avg, s.min, s.max].map(m.format) : ['-', '-', '-'])];
  });
  lines.push(
    ...formatTable(
      [{ header: 'METRIC' }, { header: 'AVG', alignRight: true }, { header: 'LOW', alignRight: true }, { header: 'PEAK', alignRight: true }],
      rows,
    ),
  );
  if (r.days.length > 0) {
    lines.push('');
    lines.push(
      ...formatTable(
        [{ header: 'DAY' }, { header: 'UPTIME', alignRight: true }, { header: 'SEEN', alignRight: true }],
        r.days.map((d) => [localDate(d.start), percent(share(d)), d.observedMs > 0 ? roughDuration(d.observedMs) : '-']),
      ),
    );
  }
  return lines;
}

function reportJson(r: Report): Record<string, unknown> {
  const metrics: Record<string, unknown> = {};
  for (const m of METRICS) metrics[m.json] = stats(r.series, m.metric);
  return {
    server: { account_id: r.server.accountId, identifier: r.server.identifier, name: r.server.name },
    range: r.range,
    from: new Date(r.series.fromMs).toISOString(),
    to: new Date(r.series.toMs).toISOString(),
    tier: r.series.tier,
    bucket_seconds: r.series.bucketMs / 1000,
    uptime: { running_ms: r.uptime.runningMs, observed_ms: r.uptime.observedMs, share: share(r.uptime) },
    days: r.days.map((d) => ({ date: localDate(d.start), running_ms: d.runningMs, observed_ms: d.observedMs, share: share(d) })),
    metrics,
    points: r.series.points.map((p) => {
      const point: Record<string, unknown> = { time: new Date(p.at).toISOString(), samples: p.count };
      for (const m of METRICS) point[m.json] = p.metrics[m.metric];
      return point;
    }),
  };
}

function listServers(ctx: Parameters<CommandDefinition['run']>[0], store: HistoryStore, servers: readonly KnownServer[]): number {
  const a = ctx.options.account?.trim().toLowerCase();
  const shown = a ? servers.filter((s) => s.accountId.toLowerCase() === a || s.accountName?.toLowerCase() === a) : servers;
  const rows = shown.map((s) => ({ server: s, uptime24h: store.summary(s).uptime24h }));
  if (ctx.options.json) {
    printJson(
      ctx.out.stdout,
      rows.map((r) => ({ account_id: r.server.accountId, identifier: r.server.identifier, name: r.server.name, uptime_24h: r.uptime24h })),
    );
  } else if (rows.length === 0) {
    ctx.out.stderr.line('The history holds no server yet.');
  } else {
    printLines(
      ctx.out.stdout,
      formatTable(
        [{ header: 'SERVER' }, { header: 'NAME' }, { header: 'PANEL' }, { header: 'UPTIME 24H', alignRight: true }],
        rows.map((r) => [`${r.server.accountId}/${r.server.identifier}`, r.server.name ?? '-', r.server.accountName ?? '-', percent(r.uptime24h)]),
      ),
    );
  }
  return EXIT_OK;
}
