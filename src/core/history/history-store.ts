/**
 * The stats and states of every followed server on disk (issue 14, part 1). Samples are buffered
 * and written every few seconds in one transaction (a killed process loses at most that much);
 * each flush also folds them into the 1-minute and 15-minute rollups, so every tier is current and
 * no compaction pass can fall behind. Retention is applied by bucket (rollups.ts `isRetained`).
 *
 * Uptime is counted from state changes over the time a state was actually seen: a stretch when the
 * app was not running, or the panel could not be reached, is `unknown` and counts neither way.
 */
import type { ServerRef, StatsSample } from '../../shared/types';
import type { Clock, Logger } from '../util/deps';
import { transaction, type Database } from '../store/database';
import { ROLLUP_METRICS, TIERS, mergeRollups, rollUp, tierForRange, type Rollup, type RollupMetric, type Tier } from './rollups';

/** A state as the history keeps it: what was seen live, or `unknown` while nothing was. */
export type HistoryState = 'running' | 'starting' | 'stopping' | 'offline' | 'unknown';

/** How often buffered samples are written. A killed process loses at most this much. */
export const FLUSH_EVERY_MS = 5_000;
/** How often old rows are deleted. */
export const PRUNE_EVERY_MS = 60_000;
/** A chart gets at most about this many points; finer tiers are merged down to it. */
export const DEFAULT_MAX_POINTS = 1_500;

const DAY_MS = 86_400_000;

/** One point of a chart: a bucket's min/avg/max, or a raw sample (all three equal). */
export interface HistoryPoint {
  at: number;
  bucketMs: number;
  count: number;
  metrics: Record<RollupMetric, { min: number; avg: number; max: number }>;
  uptimeMs: number;
}

export interface HistorySeries {
  fromMs: number;
  toMs: number;
  /** The tier it was read from and the bucket of each point after merging. */
  tier: Tier['id'];
  bucketMs: number;
  points: HistoryPoint[];
}

/** Time in each kind of state within one bucket (a day, a week). */
export interface UptimeBucket {
  start: number;
  bucketMs: number;
  runningMs: number;
  /** Time a live state was seen at all; uptime is runningMs / observedMs. */
  observedMs: number;
}

export interface HistorySummary {
  /** Running share of the last 24 hours' observed time, or null when nothing was observed. */
  uptime24h: number | null;
  /** Hourly average CPU over the last 24 hours, oldest first; null for an hour with no data. */
  cpuSparkline: Array<number | null>;
}

export interface HistoryStoreOptions {
  clock: Clock;
  logger: Logger;
  flushEveryMs?: number;
  /**
   * Only read (`pterotray history`, beside a running app or daemon): nothing is created, no open
   * state is closed, and record/recordState/flush do nothing. Closing the open states is the
   * writer's start-up work: a reader doing it would cut a live app's running time short.
   */
  isReadOnly?: boolean;
}

interface ServerRow {
  id: number;
}

/** Encodings: tenths of a percent, KiB, bytes/s, seconds. */
const ENCODE: Record<RollupMetric, (v: number) => number> = {
  cpuPercent: (v) => Math.round(v * 10),
  memoryBytes: (v) => Math.round(v / 1024),
  diskBytes: (v) => Math.round(v / 1024),
  networkRxBytesPerSec: (v) => Math.round(v),
  networkTxBytesPerSec: (v) => Math.round(v),
};
const DECODE: Record<RollupMetric, (v: number) => number> = {
  cpuPercent: (v) => v / 10,
  memoryBytes: (v) => v * 1024,
  diskBytes: (v) => v * 1024,
  networkRxBytesPerSec: (v) => v,
  networkTxBytesPerSec: (v) => v,
};
const COLUMN: Record<RollupMetric, string> = {
  cpuPercent: 'cpu',
  memoryBytes: 'mem',
  diskBytes: 'disk',
  networkRxBytesPerSec: 'rx',
  networkTxBytesPerSec: 'tx',
};
const ROLLUP_COLUMN_LIST = ['count', ...ROLLUP_METRICS.flatMap((m) => ['min', 'avg', 'max'].map((s) => `${COLUMN[m]}_${s}`)), 'uptime_s'];

function finiteOr0(v: number): number {
  return Number.isFinite(v) ? v : 0;
}

export class HistoryStore {
  private readonly ids = new Map<string, number>();
  private pending = new Map<number, StatsSample[]>();
  private pendingStates: Array<{ server: number; at: number; state: HistoryState }> = [];
  /** The last state written or buffered per server, so only changes are kept. */
  private readonly lastState = new Map<number, HistoryState>();
  private flushTimer: unknown = null;
  private lastPruneMs = Number.NEGATIVE_INFINITY;
  private isDisposed = false;
  private readonly flushEveryMs: number;

  constructor(
    private readonly db: Database,
    private readonly options: HistoryStoreOptions,
  ) {
    this.flushEveryMs = options.flushEveryMs ?? FLUSH_EVERY_MS;
    this.isDisposed = options.isReadOnly === true;
    if (this.isDisposed) return;
    db.exec('CREATE TABLE IF NOT EXISTS history_alive (id INTEGER PRIMARY KEY CHECK (id = 1), at_ms INTEGER NOT NULL) STRICT');
    this.closeOpenStates();
  }

  /** Buffers one sample; written at the next flush. */
  record(ref: ServerRef, sample: StatsSample): void {
    if (this.isDisposed || !Number.isFinite(sample.at)) return;
    const id = this.serverId(ref);
    const list = this.pending.get(id);
    if (list) list.push(sample);
    else this.pending.set(id, [sample]);
    this.schedule();
  }

  /** Buffers a state if it differs from the last one kept for the server. */
  recordState(ref: ServerRef, state: HistoryState, atMs: number): void {
    if (this.isDisposed) return;
    const id = this.serverId(ref);
    if (this.lastState.get(id) === state) return;
    this.lastState.set(id, state);
    this.pendingStates.push({ server: id, at: Math.round(atMs), state });
    this.schedule();
  }

  /** Writes everything buffered in one transaction; prunes now and then. */
  flush(): void {
    if (this.options.isReadOnly === true) return;
    if (this.flushTimer !== null) {
      this.options.clock.clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    const samples = this.pending;
    const states = this.pendingStates;
    this.pending = new Map();
    this.pendingStates = [];
    const now = this.options.clock.now();
    try {
      transaction(this.db, () => {
        this.writeSamples(samples);
        const insertState = this.db.prepare('INSERT OR REPLACE INTO history_states (server, at_ms, state) VALUES (?, ?, ?)');
        for (const s of states) insertState.run(s.server, s.at, s.state);
        this.db.prepare('INSERT INTO history_alive (id, at_ms) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at_ms = excluded.at_ms').run(now);
        if (now - this.lastPruneMs >= PRUNE_EVERY_MS) {
          this.prune(now);
          this.lastPruneMs = now;
        }
      });
    } catch (error) {
      // A full disk or a locked file: the samples are dropped (history is best effort), the app goes on.
      this.options.logger.warn('history: could not write', { error: String(error) });
    }
  }

  /** The stats of `[fromMs, toMs]` from the finest tier that covers it, merged to at most `maxPoints`. */
  series(ref: ServerRef, fromMs: number, toMs: number, maxPoints = DEFAULT_MAX_POINTS): HistorySeries {
    const id = this.knownId(ref);
    const now = this.options.clock.now();
    const tier = tierForRange(Math.max(0, now - fromMs));
    let points: HistoryPoint[] = id === null ? [] : tier.id === 'raw' ? this.readRaw(id, fromMs, toMs) : this.readRollups(id, tier, fromMs, toMs);
    let bucketMs = tier.bucketMs;
    const span = Math.max(1, toMs - fromMs);
    if (points.length > maxPoints) {
      const base = tier.bucketMs || 1_000;
      const wanted = Math.ceil(span / maxPoints / base) * base;
      const rollups: Rollup[] =
        tier.id === 'raw'
          ? rollUp(points.map(toSample), wanted)
          : mergeRollups(
              points.map((p) => ({ start: p.at, bucketMs: p.bucketMs, count: p.count, metrics: p.metrics, uptimeMs: p.uptimeMs })),
              wanted,
            );
      points = rollups.map((r) => ({ at: r.start, bucketMs: r.bucketMs, count: r.count, metrics: r.metrics, uptimeMs: r.uptimeMs }));
      bucketMs = wanted;
    }
    return { fromMs, toMs, tier: tier.id, bucketMs, points };
  }

  /** Running and observed time per bucket (UTC-aligned days by default) over `[fromMs, toMs)`. */
  uptime(ref: ServerRef, fromMs: number, toMs: number, bucketMs = DAY_MS): UptimeBucket[] {
    const first = Math.floor(fromMs / bucketMs) * bucketMs;
    const spans: Array<{ start: number; end: number }> = [];
    for (let start = first; start < toMs; start += bucketMs) spans.push({ start, end: start + bucketMs });
    return this.uptimeIn(ref, spans, fromMs, toMs);
  }

  /**
   * Running and observed time in each of `spans` (`[start, end)`, oldest first), for buckets that
   * are not a fixed size from the epoch: local calendar days and weeks, or the last 24 hours.
   * Only time inside `[fromMs, toMs)` counts (default: from the first span's start to the last's end).
   */
  uptimeIn(ref: ServerRef, spans: ReadonlyArray<{ start: number; end: number }>, fromMs = spans[0]?.start ?? 0, toMs = spans.at(-1)?.end ?? 0): UptimeBucket[] {
    const buckets: UptimeBucket[] = spans.map((s) => ({ start: s.start, bucketMs: s.end - s.start, runningMs: 0, observedMs: 0 }));
    const id = this.knownId(ref);
    if (id === null || buckets.length === 0) return buckets;
    const end = Math.min(toMs, this.options.clock.now());
    const changes = this.stateChanges(id, fromMs, end);
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i]!;
      const next = changes[i + 1]?.at ?? end;
      const from = Math.max(change.at, fromMs);
      const to = Math.min(next, end);
      if (to <= from || change.state === 'unknown') continue;
      for (const b of buckets) {
        const overlap = Math.min(to, b.start + b.bucketMs) - Math.max(from, b.start);
        if (overlap <= 0) continue;
        b.observedMs += overlap;
        if (change.state === 'running') b.runningMs += overlap;
      }
    }
    return buckets;
  }

  /** The dashboard's line for each server: 24-hour uptime and an hourly CPU sparkline. */
  summary(ref: ServerRef): HistorySummary {
    const now = this.options.clock.now();
    const from = now - DAY_MS;
    // Exactly the last 24 hours: an epoch-aligned bucket would start up to a day early and end before now.
    const [day] = this.uptimeIn(ref, [{ start: from, end: now }]);
    const observed = day?.observedMs ?? 0;
    const id = this.knownId(ref);
    const hours: Array<number | null> = Array.from({ length: 24 }, () => null);
    if (id !== null) {
      const rows = this.readRollups(id, TIERS[2], from, now);
      const sums = Array.from({ length: 24 }, () => ({ sum: 0, count: 0 }));
      for (const p of rows) {
        const hour = Math.min(23, Math.max(0, Math.floor((p.at - from) / 3_600_000)));
        sums[hour]!.sum += p.metrics.cpuPercent.avg * p.count;
        sums[hour]!.count += p.count;
      }
      sums.forEach((s, i) => (hours[i] = s.count > 0 ? s.sum / s.count : null));
    }
    return { uptime24h: observed > 0 ? (day?.runningMs ?? 0) / observed : null, cpuSparkline: hours };
  }

  /** A server's history as CSV text: one row per point of the range's tier, in UTC ISO times. */
  csv(ref: ServerRef, fromMs: number, toMs: number): string {
    const series = this.series(ref, fromMs, toMs, Number.MAX_SAFE_INTEGER);
    const head = ['time', 'bucket_seconds', 'samples', ...ROLLUP_METRICS.flatMap((m) => ['min', 'avg', 'max'].map((s) => `${CSV_NAME[m]}_${s}`))];
    const lines = [head.join(',')];
    for (const p of series.points) {
      lines.push(
        [
          new Date(p.at).toISOString(),
          String(Math.round(p.bucketMs / 1000)),
          String(p.count),
          ...ROLLUP_METRICS.flatMap((m) => [p.metrics[m].min, p.metrics[m].avg, p.metrics[m].max].map((v) => csvNumber(v))),
        ].join(','),
      );
    }
    return `${lines.join('\n')}\n`;
  }

  /** Servers with any history, for `pterotray history` without a server. */
  servers(): ServerRef[] {
    return (this.db.prepare('SELECT account_id, identifier FROM history_servers ORDER BY account_id, identifier').all() as Array<{
      account_id: string;
      identifier: string;
    }>).map((r) => ({ accountId: r.account_id, identifier: r.identifier }));
  }

  /**
   * Marks every server's state unknown from now (the app is quitting, or a panel went out of
   * sight), so the time until it is seen again counts neither way.
   */
  markUnknown(refs: readonly ServerRef[] | 'all', atMs: number): void {
    const ids = refs === 'all' ? [...this.lastState.keys()] : refs.map((r) => this.serverId(r));
    for (const id of ids) {
      if (this.lastState.get(id) === 'unknown') continue;
      this.lastState.set(id, 'unknown');
      this.pendingStates.push({ server: id, at: Math.round(atMs), state: 'unknown' });
    }
    this.schedule();
  }

  /** Writes what is buffered and stops; the database is the caller's to close. */
  dispose(): void {
    if (this.isDisposed) return;
    this.markUnknown('all', this.options.clock.now());
    this.flush();
    this.isDisposed = true;
  }

  private schedule(): void {
    if (this.flushTimer !== null || this.isDisposed) return;
    this.flushTimer = this.options.clock.setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, this.flushEveryMs);
  }

  /**
   * After a crash (or a kill) the states last written run on into the time the app was not
   * there: each is closed with `unknown` at the last moment the store was written.
   */
  private closeOpenStates(): void {
    const alive = this.db.prepare('SELECT at_ms FROM history_alive WHERE id = 1').get() as { at_ms: number } | undefined;
    const rows = this.db
      .prepare(
        `SELECT s.server AS server, s.state AS state, s.at_ms AS at_ms FROM history_states s
         JOIN (SELECT server, max(at_ms) AS at_ms FROM history_states GROUP BY server) l ON l.server = s.server AND l.at_ms = s.at_ms`,
      )
      .all() as Array<{ server: number; state: HistoryState; at_ms: number }>;
    const insert = this.db.prepare('INSERT OR REPLACE INTO history_states (server, at_ms, state) VALUES (?, ?, ?)');
    transaction(this.db, () => {
      for (const row of rows) {
        if (row.state === 'unknown') {
          this.lastState.set(row.server, 'unknown');
          continue;
        }
        insert.run(row.server, Math.max(row.at_ms + 1, alive?.at_ms ?? row.at_ms + 1), 'unknown');
        this.lastState.set(row.server, 'unknown');
      }
    });
  }

  private serverId(ref: ServerRef): number {
    const key = `${ref.accountId}/${ref.identifier}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    this.db.prepare('INSERT OR IGNORE INTO history_servers (account_id, identifier) VALUES (?, ?)').run(ref.accountId, ref.identifier);
    const row = this.db.prepare('SELECT id FROM history_servers WHERE account_id = ? AND identifier = ?').get(ref.accountId, ref.identifier) as unknown as ServerRow;
    this.ids.set(key, row.id);
    return row.id;
  }

  private knownId(ref: ServerRef): number | null {
    const key = `${ref.accountId}/${ref.identifier}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const row = this.db.prepare('SELECT id FROM history_servers WHERE account_id = ? AND identifier = ?').get(ref.accountId, ref.identifier) as
      | ServerRow
      | undefined;
    if (row) this.ids.set(key, row.id);
    return row?.id ?? null;
  }

  private writeSamples(samples: ReadonlyMap<number, StatsSample[]>): void {
    const insertRaw = this.db.prepare(
      'INSERT OR REPLACE INTO history_raw (server, at_ms, cpu, mem, disk, rx, tx, uptime_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const [server, list] of samples) {
      for (const s of list) {
        insertRaw.run(
          server,
          Math.round(s.at),
          ENCODE.cpuPercent(finiteOr0(s.cpuPercent)),
          ENCODE.memoryBytes(finiteOr0(s.memoryBytes)),
          ENCODE.diskBytes(finiteOr0(s.diskBytes)),
          ENCODE.networkRxBytesPerSec(finiteOr0(s.networkRxBytesPerSec)),
          ENCODE.networkTxBytesPerSec(finiteOr0(s.networkTxBytesPerSec)),
          Math.round(finiteOr0(s.uptimeMs) / 1000),
        );
      }
      for (const tier of [TIERS[1], TIERS[2]]) {
        for (const rollup of rollUp(list, tier.bucketMs)) this.foldIn(server, tier, rollup);
      }
    }
  }

  /** Merges a rollup of new samples into the stored bucket (count-weighted), or writes it. */
  private foldIn(server: number, tier: Tier, rollup: Rollup): void {
    const table = tier.id === 'minute' ? 'history_minute' : 'history_quarter';
    const startS = Math.round(rollup.start / 1000);
    const row = this.db.prepare(`SELECT * FROM ${table} WHERE server = ? AND start_s = ?`).get(server, startS) as Record<string, number> | undefined;
    const merged = row ? mergeRollups([decodeRollup(row, tier.bucketMs), rollup], tier.bucketMs)[0]! : rollup;
    const values = encodeRollup(merged);
    this.db
      .prepare(`INSERT OR REPLACE INTO ${table} (server, start_s, ${ROLLUP_COLUMN_LIST.join(', ')}) VALUES (?, ?, ${ROLLUP_COLUMN_LIST.map(() => '?').join(', ')})`)
      .run(server, startS, ...values);
  }

  private prune(now: number): void {
    const [raw, minute, quarter] = TIERS;
    this.db.prepare('DELETE FROM history_raw WHERE at_ms <= ?').run(now - raw.retainMs);
    // A bucket is kept while any part of it is inside the window (rollups.ts isRetained).
    this.db.prepare('DELETE FROM history_minute WHERE start_s <= ?').run(Math.floor((now - minute.retainMs - minute.bucketMs) / 1000));
    this.db.prepare('DELETE FROM history_quarter WHERE start_s <= ?').run(Math.floor((now - quarter.retainMs - quarter.bucketMs) / 1000));
    // States: each server keeps its last change before the window, so the window's start is known.
    this.db
      .prepare(
        `DELETE FROM history_states WHERE at_ms < ? AND at_ms < (
           SELECT max(at_ms) FROM history_states s2 WHERE s2.server = history_states.server AND s2.at_ms < ?)`,
      )
      .run(now - quarter.retainMs, now - quarter.retainMs);
  }

  private readRaw(server: number, fromMs: number, toMs: number): HistoryPoint[] {
    const rows = this.db
      .prepare('SELECT * FROM history_raw WHERE server = ? AND at_ms >= ? AND at_ms <= ? ORDER BY at_ms')
      .all(server, Math.floor(fromMs), Math.ceil(toMs)) as Array<Record<string, number>>;
    return rows.map((r) => {
      const metrics = {} as HistoryPoint['metrics'];
      for (const m of ROLLUP_METRICS) {
        const v = DECODE[m](r[COLUMN[m]] ?? 0);
        metrics[m] = { min: v, avg: v, max: v };
      }
      return { at: r.at_ms ?? 0, bucketMs: 0, count: 1, metrics, uptimeMs: (r.uptime_s ?? 0) * 1000 };
    });
  }

  private readRollups(server: number, tier: Tier, fromMs: number, toMs: number): HistoryPoint[] {
    const table = tier.id === 'minute' ? 'history_minute' : 'history_quarter';
    const rows = this.db
      .prepare(`SELECT * FROM ${table} WHERE server = ? AND start_s > ? AND start_s <= ? ORDER BY start_s`)
      .all(server, Math.floor((fromMs - tier.bucketMs) / 1000), Math.ceil(toMs / 1000)) as Array<Record<string, number>>;
    return rows.map((row) => {
      const r = decodeRollup(row, tier.bucketMs);
      return { at: r.start, bucketMs: r.bucketMs, count: r.count, metrics: r.metrics, uptimeMs: r.uptimeMs };
    });
  }

  /** The state at `fromMs` (the last change before it) and every change up to `toMs`. */
  private stateChanges(server: number, fromMs: number, toMs: number): Array<{ at: number; state: HistoryState }> {
    const before = this.db
      .prepare('SELECT at_ms, state FROM history_states WHERE server = ? AND at_ms < ? ORDER BY at_ms DESC LIMIT 1')
      .get(server, fromMs) as { at_ms: number; state: HistoryState } | undefined;
    const within = this.db
      .prepare('SELECT at_ms, state FROM history_states WHERE server = ? AND at_ms >= ? AND at_ms < ? ORDER BY at_ms')
      .all(server, fromMs, toMs) as Array<{ at_ms: number; state: HistoryState }>;
    const changes = [...(before ? [before] : []), ...within].map((r) => ({ at: r.at_ms, state: r.state }));
    // What is buffered and not yet written counts too (the window asks between flushes).
    for (const s of this.pendingStates) if (s.server === server && s.at < toMs) changes.push({ at: s.at, state: s.state });
    return changes.sort((a, b) => a.at - b.at);
  }
}

const CSV_NAME: Record<RollupMetric, string> = {
  cpuPercent: 'cpu_percent',
  memoryBytes: 'memory_bytes',
  diskBytes: 'disk_bytes',
  networkRxBytesPerSec: 'network_rx_bytes_per_s',
  networkTxBytesPerSec: 'network_tx_bytes_per_s',
};

function csvNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

function toSample(p: HistoryPoint): StatsSample {
  return {
    at: p.at,
    cpuPercent: p.metrics.cpuPercent.avg,
    memoryBytes: p.metrics.memoryBytes.avg,
    diskBytes: p.metrics.diskBytes.avg,
    networkRxBytesPerSec: p.metrics.networkRxBytesPerSec.avg,
    networkTxBytesPerSec: p.metrics.networkTxBytesPerSec.avg,
    uptimeMs: p.uptimeMs,
  };
}

function decodeRollup(row: Record<string, number>, bucketMs: number): Rollup {
  const metrics = {} as Rollup['metrics'];
  for (const m of ROLLUP_METRICS) {
    const c = COLUMN[m];
    metrics[m] = { min: DECODE[m](row[`${c}_min`] ?? 0), avg: DECODE[m](row[`${c}_avg`] ?? 0), max: DECODE[m](row[`${c}_max`] ?? 0) };
  }
  return { start: (row.start_s ?? 0) * 1000, bucketMs, count: row.count ?? 0, metrics, uptimeMs: (row.uptime_s ?? 0) * 1000 };
}

function encodeRollup(r: Rollup): number[] {
  return [
    r.count,
    ...ROLLUP_METRICS.flatMap((m) => [ENCODE[m](r.metrics[m].min), ENCODE[m](r.metrics[m].avg), ENCODE[m](r.metrics[m].max)]),
    Math.round(r.uptimeMs / 1000),
  ];
}
