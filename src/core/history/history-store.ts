/**
 * The stats and states of every followed server on disk (issue 14, part 1). Samples are buffered
 * and written every few seconds in one transaction (a killed process loses at most that much).
 * The 1-minute and 15-minute buckets a server is in are summed in memory and written once, when
 * they close, into packed pages (bucket-page.ts): a flush touches one page per server, not three.
 * A bucket that was open when the process was killed is rebuilt from the raw samples at the next
 * start (they are kept an hour, longer than any open bucket). Reads overlay the open buckets, so
 * every tier is current. Retention goes by page: a page is deleted once its last bucket is out of
 * its tier's window (prune), so up to one page more than the window is kept.
 *
 * Uptime is counted from state changes over the time a state was actually seen: a stretch when the
 * app was not running, or the panel could not be reached, is `unknown` and counts neither way.
 */
import type { ServerRef, StatsSample } from '../../shared/types';
import type { Clock, Logger } from '../util/deps';
import { transaction, type Database } from '../store/database';
import { decodePage, encodePage, type SlotValues } from './bucket-page';
import { ROLLUP_METRICS, TIERS, bucketStart, mergeRollups, rollUp, tierForRange, type Rollup, type RollupMetric, type Tier } from './rollups';

/** A state as the history keeps it: what was seen live, or `unknown` while nothing was. */
export type HistoryState = 'running' | 'starting' | 'stopping' | 'offline' | 'unknown';

/** How often buffered samples are written. A killed process loses at most this much. */
export const FLUSH_EVERY_MS = 5_000;
/** How often old rows are deleted. */
export const PRUNE_EVERY_MS = 60_000;
/** How far a range may reach past a tier's retention and still be read from it (the caller's clock ran on). */
const RANGE_SLACK_MS = 5_000;
/** A chart gets at most about this many points; finer tiers are merged down to it. */
export const DEFAULT_MAX_POINTS = 1_500;

const HOUR_MS = 3_600_000;
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
   * Only read (`pterotray history`, beside a running app or daemon): no open state is closed, no
   * open bucket rebuilt, and record/recordState/flush do nothing. Closing the open states is the
   * writer's start-up work: a reader doing it would cut a live app's running time short.
   */
  isReadOnly?: boolean;
}

/** A rollup tier as pages: its key in the table, how long a page spans, how many buckets it holds. */
interface PagedTier {
  tier: Tier;
  key: number;
  pageMs: number;
  slots: number;
}

/**
 * An hour of minutes (1,988 bytes: two fill a 4 KiB database page) and 4½ hours of quarters (644
 * bytes: six fill one). A day-long page of quarters would fill 77 % of a page, and cost 30 % more.
 */
const PAGED: readonly PagedTier[] = [
  { tier: TIERS[1], key: 1, pageMs: HOUR_MS, slots: 60 },
  { tier: TIERS[2], key: 2, pageMs: 18 * TIERS[2].bucketMs, slots: 18 },
];

/** Servers a store can name in a page key (20 bits). */
const MAX_SERVERS = 2 ** 20;
/** Pages a tier can number (24 bits: an hour page until the year 3884). */
const MAX_PAGES = 2 ** 24;

/** One integer for (tier, page, server), time first, so appends go to the b-tree's end (< 2^46). */
export function pageKey(tier: number, page: number, server: number): number {
  return (tier * MAX_PAGES + page) * MAX_SERVERS + server;
}

/** Encodings of a raw row: tenths of a percent, KiB, bytes/s, seconds. */
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

function finiteOr0(v: number): number {
  return Number.isFinite(v) ? v : 0;
}

/** A sample as its raw row keeps it (so a rollup rebuilt from raw equals one made live). */
function asStored(s: StatsSample): StatsSample {
  const out = { ...s };
  for (const m of ROLLUP_METRICS) out[m] = DECODE[m](ENCODE[m](finiteOr0(s[m])));
  out.uptimeMs = Math.round(finiteOr0(s.uptimeMs) / 1000) * 1000;
  return out;
}

export class HistoryStore {
  private readonly ids = new Map<string, number>();
  private pending = new Map<number, StatsSample[]>();
  private pendingStates: Array<{ server: number; at: number; state: HistoryState }> = [];
  /** Closed buckets waiting for the next flush, per server and tier. */
  private closed: Array<{ server: number; paged: PagedTier; rollup: Rollup }> = [];
  /** The bucket each server is in, per tier, summed so far (seeded from what was stored). */
  private readonly open = new Map<number, Map<Tier['id'], Rollup>>();
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
    transaction(db, () => {
      const alive = db.prepare('SELECT at_ms, is_clean FROM history_alive WHERE id = 1').get() as { at_ms: number; is_clean: number } | undefined;
      this.closeOpenStates(alive?.at_ms);
      // A clean quit wrote its open buckets (dispose); only a kill or a crash leaves them to rebuild.
      if (alive?.is_clean !== 1) this.recoverOpenBuckets();
      db.prepare('UPDATE history_alive SET is_clean = 0 WHERE id = 1').run();
    });
  }

  /** Buffers one sample; written at the next flush. */
  record(ref: ServerRef, sample: StatsSample): void {
    if (this.isDisposed || !Number.isFinite(sample.at)) return;
    const id = this.serverId(ref);
    const stored = asStored(sample);
    const list = this.pending.get(id);
    if (list) list.push(stored);
    else this.pending.set(id, [stored]);
    for (const paged of PAGED) this.addToOpen(id, paged, stored);
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
    this.writeBuffered(false);
  }

  /** The stats of `[fromMs, toMs]` from the finest tier that covers it, merged to at most `maxPoints`. */
  series(ref: ServerRef, fromMs: number, toMs: number, maxPoints = DEFAULT_MAX_POINTS): HistorySeries {
    const id = this.knownId(ref);
    const now = this.options.clock.now();
    // The caller's "now" is a moment before this one: "the last hour" is still the raw tier's.
    const tier = tierForRange(Math.max(0, now - fromMs - RANGE_SLACK_MS));
    let points: HistoryPoint[] = id === null ? [] : tier.id === 'raw' ? this.readRaw(id, fromMs, toMs) : this.readRollups(id, tier, fromMs, toMs).map(toPoint);
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
      points = rollups.map(toPoint);
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
   * are not a fixed size from the epoch: local calendar days and weeks (the Stats tab, `pterotray
   * history`). Only time inside `[fromMs, toMs)` counts (default: the spans' own extent).
   */
  uptimeIn(ref: ServerRef, spans: ReadonlyArray<{ start: number; end: number }>, fromMs = spans[0]?.start ?? 0, toMs = spans.at(-1)?.end ?? 0): UptimeBucket[] {
    const buckets: UptimeBucket[] = spans.map((s) => ({ start: s.start, bucketMs: s.end - s.start, runningMs: 0, observedMs: 0 }));
    const id = this.knownId(ref);
    if (id === null || buckets.length === 0) return buckets;
    const end = Math.min(toMs, this.options.clock.now());
    const changes = this.stateChanges(id, fromMs, end);
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i]!;
      const from = Math.max(change.at, fromMs);
      const to = Math.min(changes[i + 1]?.at ?? end, end);
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
    // One span of exactly the last 24 hours (an epoch-aligned bucket would start up to a day early).
    const [day] = this.uptimeIn(ref, [{ start: from, end: now }]);
    const observed = day?.observedMs ?? 0;
    const running = day?.runningMs ?? 0;
    const id = this.knownId(ref);
    const hours: Array<number | null> = Array.from({ length: 24 }, () => null);
    if (id !== null) {
      const sums = Array.from({ length: 24 }, () => ({ sum: 0, count: 0 }));
      for (const r of this.readRollups(id, TIERS[2], from, now)) {
        const hour = Math.min(23, Math.max(0, Math.floor((r.start - from) / HOUR_MS)));
        sums[hour]!.sum += r.metrics.cpuPercent.avg * r.count;
        sums[hour]!.count += r.count;
      }
      sums.forEach((s, i) => (hours[i] = s.count > 0 ? s.sum / s.count : null));
    }
    return { uptime24h: observed > 0 ? running / observed : null, cpuSparkline: hours };
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
    const rows = this.db.prepare('SELECT account_id, identifier FROM history_servers ORDER BY account_id, identifier').all() as Array<{
      account_id: string;
      identifier: string;
    }>;
    return rows.map((r) => ({ accountId: r.account_id, identifier: r.identifier }));
  }

  /**
   * Marks servers' states unknown from `atMs` (the app is quitting, or a server went out of
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

  /** Writes what is buffered (open buckets as they stand) and stops; the database is the caller's to close. */
  dispose(): void {
    if (this.isDisposed) return;
    this.markUnknown('all', this.options.clock.now());
    this.writeBuffered(true);
    this.isDisposed = true;
  }

  private writeBuffered(withOpen: boolean): void {
    if (this.flushTimer !== null) {
      this.options.clock.clearTimeout(this.flushTimer);
      this.flushTimer = null;
    }
    const now = this.options.clock.now();
    // A bucket whose time is over is closed even if no later sample came (the server stopped).
    for (const [server, byTier] of this.open) {
      for (const paged of PAGED) {
        const r = byTier.get(paged.tier.id);
        if (r && (withOpen || r.start + r.bucketMs <= now)) {
          this.closed.push({ server, paged, rollup: r });
          if (!withOpen) byTier.delete(paged.tier.id);
        }
      }
    }
    const samples = this.pending;
    const states = this.pendingStates;
    const closed = this.closed;
    this.pending = new Map();
    this.pendingStates = [];
    this.closed = [];
    try {
      transaction(this.db, () => {
        this.writeSamples(samples);
        this.writeBuckets(closed);
        const insertState = this.db.prepare('INSERT OR REPLACE INTO history_states (server, at_ms, state) VALUES (?, ?, ?)');
        for (const s of states) insertState.run(s.server, s.at, s.state);
        // `withOpen` is dispose's last write: the open buckets are in, the quit is clean.
        this.db
          .prepare(
            'INSERT INTO history_alive (id, at_ms, is_clean) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET at_ms = excluded.at_ms, is_clean = excluded.is_clean',
          )
          .run(now, withOpen ? 1 : 0);
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

  private schedule(): void {
    if (this.flushTimer !== null || this.isDisposed) return;
    this.flushTimer = this.options.clock.setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, this.flushEveryMs);
  }

  /** Adds a sample to the server's open bucket of a tier; a sample of a later bucket closes it. */
  private addToOpen(server: number, paged: PagedTier, sample: StatsSample): void {
    let byTier = this.open.get(server);
    if (!byTier) this.open.set(server, (byTier = new Map()));
    const start = bucketStart(sample.at, paged.tier.bucketMs);
    const current = byTier.get(paged.tier.id);
    const one = rollUp([sample], paged.tier.bucketMs)[0]!;
    if (current && current.start === start) {
      byTier.set(paged.tier.id, mergeRollups([current, one], paged.tier.bucketMs)[0]!);
      return;
    }
    if (current) this.closed.push({ server, paged, rollup: current });
    // A bucket written before (the app quit mid-bucket and came back) goes on from what it had.
    const stored = this.readSlot(server, paged, start);
    byTier.set(paged.tier.id, stored ? mergeRollups([stored, one], paged.tier.bucketMs)[0]! : one);
  }

  /**
   * After a crash (or a kill) the states last written run on into the time the app was not
   * there: each is closed with `unknown` at the last moment the store was written.
   */
  private closeOpenStates(aliveAtMs: number | undefined): void {
    const rows = this.db
      .prepare(
        `SELECT s.server AS server, s.state AS state, s.at_ms AS at_ms FROM history_states s
         JOIN (SELECT server, max(at_ms) AS at_ms FROM history_states GROUP BY server) l ON l.server = s.server AND l.at_ms = s.at_ms`,
      )
      .all() as Array<{ server: number; state: HistoryState; at_ms: number }>;
    const insert = this.db.prepare('INSERT OR REPLACE INTO history_states (server, at_ms, state) VALUES (?, ?, ?)');
    for (const row of rows) {
      if (row.state !== 'unknown') insert.run(row.server, Math.max(row.at_ms + 1, aliveAtMs ?? row.at_ms + 1), 'unknown');
      this.lastState.set(row.server, 'unknown');
    }
  }

  /**
   * The buckets that were open when the process last stopped: rebuilt from the raw samples,
   * which cover them whole (an hour is kept; a bucket is at most 15 minutes), and written. A clean
   * quit wrote them already; rebuilding gives the same values.
   */
  private recoverOpenBuckets(): void {
    const newest = (this.db.prepare('SELECT max(at_ms) AS m FROM history_raw').get() as { m: number | null }).m;
    if (newest === null) return;
    // Raw is keyed time first: one scan of the last quarter hour of every server.
    const rows = this.db
      .prepare('SELECT * FROM history_raw WHERE at_ms >= ? ORDER BY at_ms')
      .all(bucketStart(newest, TIERS[2].bucketMs) - TIERS[2].bucketMs) as Array<Record<string, number>>;
    const byServer = new Map<number, StatsSample[]>();
    for (const row of rows) {
      const list = byServer.get(row.server ?? 0);
      if (list) list.push(rawSample(row));
      else byServer.set(row.server ?? 0, [rawSample(row)]);
    }
    for (const [server, samples] of byServer) {
      const last = samples[samples.length - 1]!.at;
      const rebuilt: Array<{ server: number; paged: PagedTier; rollup: Rollup }> = [];
      for (const paged of PAGED) {
        const lastStart = bucketStart(last, paged.tier.bucketMs);
        const inLast = samples.filter((s) => s.at >= lastStart);
        const [rollup] = rollUp(inLast, paged.tier.bucketMs);
        if (rollup) rebuilt.push({ server, paged, rollup });
      }
      this.writeBuckets(rebuilt);
    }
  }

  private serverId(ref: ServerRef): number {
    const key = `${ref.accountId}/${ref.identifier}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    this.db.prepare('INSERT OR IGNORE INTO history_servers (account_id, identifier) VALUES (?, ?)').run(ref.accountId, ref.identifier);
    const row = this.db.prepare('SELECT id FROM history_servers WHERE account_id = ? AND identifier = ?').get(ref.accountId, ref.identifier) as { id: number };
    this.ids.set(key, row.id);
    return row.id;
  }

  private knownId(ref: ServerRef): number | null {
    const key = `${ref.accountId}/${ref.identifier}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const row = this.db.prepare('SELECT id FROM history_servers WHERE account_id = ? AND identifier = ?').get(ref.accountId, ref.identifier) as
      { id: number } | undefined;
    if (row) this.ids.set(key, row.id);
    return row?.id ?? null;
  }

  private writeSamples(samples: ReadonlyMap<number, StatsSample[]>): void {
    const insertRaw = this.db.prepare('INSERT OR REPLACE INTO history_raw (at_ms, server, cpu, mem, disk, rx, tx, uptime_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const [server, list] of samples) {
      for (const s of list) {
        insertRaw.run(
          Math.round(s.at),
          server,
          ENCODE.cpuPercent(s.cpuPercent),
          ENCODE.memoryBytes(s.memoryBytes),
          ENCODE.diskBytes(s.diskBytes),
          ENCODE.networkRxBytesPerSec(s.networkRxBytesPerSec),
          ENCODE.networkTxBytesPerSec(s.networkTxBytesPerSec),
          Math.round(s.uptimeMs / 1000),
        );
      }
    }
  }

  /** Writes closed buckets into their pages: one read and one write per page touched. */
  private writeBuckets(buckets: ReadonlyArray<{ server: number; paged: PagedTier; rollup: Rollup }>): void {
    const byPage = new Map<string, { server: number; paged: PagedTier; page: number; rollups: Rollup[] }>();
    for (const b of buckets) {
      const page = Math.floor(b.rollup.start / b.paged.pageMs);
      const key = `${b.server}:${b.paged.key}:${page}`;
      const entry = byPage.get(key);
      if (entry) entry.rollups.push(b.rollup);
      else byPage.set(key, { server: b.server, paged: b.paged, page, rollups: [b.rollup] });
    }
    const write = this.db.prepare('INSERT OR REPLACE INTO history_pages (key, data) VALUES (?, ?)');
    for (const { server, paged, page, rollups } of byPage.values()) {
      const slots = this.readPage(server, paged, page);
      for (const r of rollups) slots[Math.floor((r.start - page * paged.pageMs) / paged.tier.bucketMs)] = { count: r.count, metrics: r.metrics };
      write.run(pageKey(paged.key, page, server), encodePage(slots));
    }
  }

  private readPage(server: number, paged: PagedTier, page: number): Array<SlotValues | null> {
    const row = this.db.prepare('SELECT data FROM history_pages WHERE key = ?').get(pageKey(paged.key, page, server)) as { data: Uint8Array } | undefined;
    return row ? decodePage(row.data, paged.slots) : Array.from({ length: paged.slots }, () => null);
  }

  private readSlot(server: number, paged: PagedTier, start: number): Rollup | null {
    const page = Math.floor(start / paged.pageMs);
    const slot = this.readPage(server, paged, page)[Math.floor((start - page * paged.pageMs) / paged.tier.bucketMs)];
    return slot ? { start, bucketMs: paged.tier.bucketMs, count: slot.count, metrics: slot.metrics, uptimeMs: 0 } : null;
  }

  private prune(now: number): void {
    this.db.prepare('DELETE FROM history_raw WHERE at_ms <= ?').run(now - TIERS[0].retainMs);
    // A page goes when its last bucket is out of the window (rollups.ts isRetained, per bucket).
    const drop = this.db.prepare('DELETE FROM history_pages WHERE key >= ? AND key < ?');
    for (const paged of PAGED) drop.run(pageKey(paged.key, 0, 0), pageKey(paged.key, Math.floor((now - paged.tier.retainMs) / paged.pageMs), 0));
    // States: each server keeps its last change before the window, so the window's start is known.
    const cutoff = now - TIERS[2].retainMs;
    this.db
      .prepare(
        `DELETE FROM history_states WHERE at_ms < ? AND at_ms < (
           SELECT max(at_ms) FROM history_states s2 WHERE s2.server = history_states.server AND s2.at_ms < ?)`,
      )
      .run(cutoff, cutoff);
  }

  private readRaw(server: number, fromMs: number, toMs: number): HistoryPoint[] {
    const rows = this.db
      .prepare('SELECT * FROM history_raw WHERE at_ms >= ? AND at_ms <= ? AND server = ? ORDER BY at_ms')
      .all(Math.floor(fromMs), Math.ceil(toMs), server) as Array<Record<string, number>>;
    const points = rows.map((r) => {
      const s = rawSample(r);
      const metrics = {} as HistoryPoint['metrics'];
      for (const m of ROLLUP_METRICS) metrics[m] = { min: s[m], avg: s[m], max: s[m] };
      return { at: s.at, bucketMs: 0, count: 1, metrics, uptimeMs: s.uptimeMs };
    });
    // Samples not yet flushed are shown too: the chart never lags the disk by a flush.
    for (const s of this.pending.get(server) ?? []) {
      if (s.at < fromMs || s.at > toMs) continue;
      const metrics = {} as HistoryPoint['metrics'];
      for (const m of ROLLUP_METRICS) metrics[m] = { min: s[m], avg: s[m], max: s[m] };
      points.push({ at: s.at, bucketMs: 0, count: 1, metrics, uptimeMs: s.uptimeMs });
    }
    return points.sort((a, b) => a.at - b.at);
  }

  /** The buckets of `[fromMs, toMs]` in a tier: the stored pages, with the open bucket over them. */
  private readRollups(server: number, tier: Tier, fromMs: number, toMs: number): Rollup[] {
    const paged = PAGED.find((p) => p.tier.id === tier.id)!;
    // Keyed time first: one lookup per page of the range (480 for 90 days), not a scan of every server's.
    const lookup = this.db.prepare('SELECT data FROM history_pages WHERE key = ?');
    const byStart = new Map<number, Rollup>();
    for (let page = Math.floor(fromMs / paged.pageMs); page <= Math.floor(toMs / paged.pageMs); page++) {
      const row = lookup.get(pageKey(paged.key, page, server)) as { data: Uint8Array } | undefined;
      if (!row) continue;
      const { data } = row;
      decodePage(data, paged.slots).forEach((slot, i) => {
        if (!slot) return;
        const start = page * paged.pageMs + i * tier.bucketMs;
        byStart.set(start, { start, bucketMs: tier.bucketMs, count: slot.count, metrics: slot.metrics, uptimeMs: 0 });
      });
    }
    // Closed but not yet flushed, then the open one (which includes what was stored of it).
    for (const c of this.closed) if (c.server === server && c.paged === paged) byStart.set(c.rollup.start, c.rollup);
    const open = this.open.get(server)?.get(tier.id);
    if (open) byStart.set(open.start, open);
    return [...byStart.values()].filter((r) => r.start + r.bucketMs > fromMs && r.start <= toMs).sort((a, b) => a.start - b.start);
  }

  /** The state at `fromMs` (the last change before it) and every change up to `toMs`. */
  private stateChanges(server: number, fromMs: number, toMs: number): Array<{ at: number; state: HistoryState }> {
    const before = this.db.prepare('SELECT at_ms, state FROM history_states WHERE server = ? AND at_ms < ? ORDER BY at_ms DESC LIMIT 1').get(server, fromMs) as
      { at_ms: number; state: HistoryState } | undefined;
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

function rawSample(r: Record<string, number>): StatsSample {
  return {
    at: r.at_ms ?? 0,
    cpuPercent: DECODE.cpuPercent(r.cpu ?? 0),
    memoryBytes: DECODE.memoryBytes(r.mem ?? 0),
    diskBytes: DECODE.diskBytes(r.disk ?? 0),
    networkRxBytesPerSec: DECODE.networkRxBytesPerSec(r.rx ?? 0),
    networkTxBytesPerSec: DECODE.networkTxBytesPerSec(r.tx ?? 0),
    uptimeMs: (r.uptime_s ?? 0) * 1000,
  };
}

function toPoint(r: Rollup): HistoryPoint {
  return { at: r.start, bucketMs: r.bucketMs, count: r.count, metrics: r.metrics, uptimeMs: r.uptimeMs };
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
