/**
 * The delivery queue on disk (issue 14): at least once, deduplicated by (incident id, channel),
 * bounded, and kept across a restart because every change is a committed row. A row is marked
 * delivered only after the receiver said so; a process killed in between sends it again at the next
 * start (at least once: a receiver may see a repeat, with the same X-Pterotray-Delivery id).
 */
import type { Database } from '../store/database';

/** Pending alerts kept per channel; past it the oldest are dropped (and counted in the log). */
export const MAX_PENDING_PER_CHANNEL = 1_000;
/** A pending alert older than this is stale news and is expired: two days covers a weekend away. */
export const MAX_PENDING_AGE_MS = 48 * 3_600_000;
/** How long delivered rows stay, so an incident offered again is still known as sent. */
export const TOMBSTONE_MS = 7 * 86_400_000;

/** One pending alert. */
export interface QueuedAlert {
  incidentId: string;
  channelId: string;
  /** The incident as JSON, as it was offered. */
  incident: string;
  enqueuedMs: number;
  dueMs: number;
  attempts: number;
}

interface Row {
  incident_id: string;
  channel_id: string;
  incident: string;
  enqueued_ms: number;
  due_ms: number;
  attempts: number;
}

const toAlert = (r: Row): QueuedAlert => ({
  incidentId: r.incident_id,
  channelId: r.channel_id,
  incident: r.incident,
  enqueuedMs: r.enqueued_ms,
  dueMs: r.due_ms,
  attempts: r.attempts,
});

export interface QueueLimits {
  maxPendingPerChannel?: number;
  maxPendingAgeMs?: number;
  tombstoneMs?: number;
}

/** The queue's operations, each one statement or one transaction. */
export class AlertQueue {
  readonly #db: Database;
  readonly #maxPending: number;
  readonly #maxAgeMs: number;
  readonly #tombstoneMs: number;

  constructor(db: Database, limits: QueueLimits = {}) {
    this.#db = db;
    this.#maxPending = limits.maxPendingPerChannel ?? MAX_PENDING_PER_CHANNEL;
    this.#maxAgeMs = limits.maxPendingAgeMs ?? MAX_PENDING_AGE_MS;
    this.#tombstoneMs = limits.tombstoneMs ?? TOMBSTONE_MS;
  }

  /**
   * Queues `incident` for `channelId`, due at once; false when this pair was queued before (in
   * any state). Returns how many older alerts the bound dropped.
   */
  enqueue(incidentId: string, channelId: string, incidentJson: string, nowMs: number): { isNew: boolean; dropped: number } {
    const result = this.#db
      .prepare(`INSERT OR IGNORE INTO alerts_queue (incident_id, channel_id, incident, enqueued_ms, due_ms, state) VALUES (?, ?, ?, ?, ?, 'pending')`)
      .run(incidentId, channelId, incidentJson, nowMs, this.#channelDueFloor(channelId, nowMs));
    if (Number(result.changes) === 0) return { isNew: false, dropped: 0 };
    return { isNew: true, dropped: this.#trim(channelId, nowMs) };
  }

  /** A new alert waits behind the channel's back-off like the rest, so it does not jump the queue. */
  #channelDueFloor(channelId: string, nowMs: number): number {
    const row = this.#db.prepare(`SELECT MAX(due_ms) AS due FROM alerts_queue WHERE channel_id = ? AND state = 'pending'`).get(channelId) as
      { due: number | null } | undefined;
    return Math.max(nowMs, row?.due ?? nowMs);
  }

  #trim(channelId: string, nowMs: number): number {
    const over = this.pendingCount(channelId) - this.#maxPending;
    if (over <= 0) return 0;
    this.#db
      .prepare(
        `UPDATE alerts_queue SET state = 'dropped', done_ms = ? WHERE rowid IN (
           SELECT rowid FROM alerts_queue WHERE channel_id = ? AND state = 'pending' ORDER BY enqueued_ms, rowid LIMIT ?)`,
      )
      .run(nowMs, channelId, over);
    return over;
  }

  /** Pending alerts due by `nowMs`, oldest first, skipping `busyChannels`. */
  due(nowMs: number, limit: number, busyChannels: ReadonlySet<string> = new Set()): QueuedAlert[] {
    const rows = this.#db
      .prepare(
        `SELECT incident_id, channel_id, incident, enqueued_ms, due_ms, attempts FROM alerts_queue WHERE state = 'pending' AND due_ms <= ? ORDER BY due_ms, enqueued_ms, rowid LIMIT ?`,
      )
      .all(nowMs, limit + busyChannels.size * limit) as unknown as Row[];
    return rows
      .filter((r) => !busyChannels.has(r.channel_id))
      .slice(0, limit)
      .map(toAlert);
  }

  /** The earliest due time of a pending alert outside `busyChannels`, or null when none waits. */
  nextDueMs(busyChannels: ReadonlySet<string> = new Set()): number | null {
    const busy = [...busyChannels];
    const row = this.#db
      .prepare(
        `SELECT MIN(due_ms) AS due FROM alerts_queue WHERE state = 'pending'${busy.length ? ` AND channel_id NOT IN (${busy.map(() => '?').join(', ')})` : ''}`,
      )
      .get(...busy) as { due: number | null } | undefined;
    return row?.due ?? null;
  }

  markDelivered(incidentId: string, channelId: string, nowMs: number): void {
    this.#db
      .prepare(
        `UPDATE alerts_queue SET state = 'delivered', done_ms = ?, attempts = attempts + 1 WHERE incident_id = ? AND channel_id = ? AND state = 'pending'`,
      )
      .run(nowMs, incidentId, channelId);
  }

  /** Gives up on one alert (a row that cannot be read). */
  discard(incidentId: string, channelId: string, nowMs: number): void {
    this.#db.prepare(`UPDATE alerts_queue SET state = 'dropped', done_ms = ? WHERE incident_id = ? AND channel_id = ?`).run(nowMs, incidentId, channelId);
  }

  /** Counts an attempt at one alert and holds every pending alert of its channel until `untilMs`. */
  deferChannel(channelId: string, untilMs: number, attempted?: { incidentId: string }): void {
    if (attempted)
      this.#db.prepare(`UPDATE alerts_queue SET attempts = attempts + 1 WHERE incident_id = ? AND channel_id = ?`).run(attempted.incidentId, channelId);
    this.#db.prepare(`UPDATE alerts_queue SET due_ms = MAX(due_ms, ?) WHERE channel_id = ? AND state = 'pending'`).run(untilMs, channelId);
  }

  /** Makes every pending alert of the channel due now (a test message just got through). */
  retryNow(channelId: string, nowMs: number): void {
    this.#db.prepare(`UPDATE alerts_queue SET due_ms = ? WHERE channel_id = ? AND state = 'pending'`).run(nowMs, channelId);
  }

  pendingCount(channelId: string): number {
    const row = this.#db.prepare(`SELECT COUNT(*) AS n FROM alerts_queue WHERE channel_id = ? AND state = 'pending'`).get(channelId) as { n: number };
    return row.n;
  }

  /** Forgets a removed channel's alerts. */
  forgetChannel(channelId: string): void {
    this.#db.prepare(`DELETE FROM alerts_queue WHERE channel_id = ?`).run(channelId);
  }

  /** Expires stale pending alerts and deletes old finished rows; returns how many were expired. */
  prune(nowMs: number): number {
    const expired = this.#db
      .prepare(`UPDATE alerts_queue SET state = 'expired', done_ms = ? WHERE state = 'pending' AND enqueued_ms < ?`)
      .run(nowMs, nowMs - this.#maxAgeMs);
    this.#db.prepare(`DELETE FROM alerts_queue WHERE state <> 'pending' AND done_ms < ?`).run(nowMs - this.#tombstoneMs);
    return Number(expired.changes);
  }

  /** Every row's state for one channel (tests and the settings page's counts). */
  states(channelId: string): Array<{ incidentId: string; state: string; attempts: number }> {
    return (
      this.#db
        .prepare(`SELECT incident_id, state, attempts FROM alerts_queue WHERE channel_id = ? ORDER BY enqueued_ms, rowid`)
        .all(channelId) as unknown as Array<{
        incident_id: string;
        state: string;
        attempts: number;
      }>
    ).map((r) => ({ incidentId: r.incident_id, state: r.state, attempts: r.attempts }));
  }
}
