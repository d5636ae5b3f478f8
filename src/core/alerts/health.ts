/**
 * Each channel's delivery record (the settings page's failing mark), kept in the store so a channel
 * that was failing before a restart still says so after it. The rule of what changes is pure
 * (`nextHealth`); the table only keeps it.
 */
import type { Database } from '../store/database';
import { isFailing } from './backoff';
import type { DeliveryOutcome } from './outcome';

export interface HealthRecord {
  consecutiveFailures: number;
  failingSinceMs: number | null;
  lastSuccessMs: number | null;
  lastError: string | null;
}

export const FRESH_HEALTH: HealthRecord = { consecutiveFailures: 0, failingSinceMs: null, lastSuccessMs: null, lastError: null };

/** The record after one outcome. A 429 is the receiver pacing us, not the channel failing. */
export function nextHealth(previous: HealthRecord, outcome: DeliveryOutcome, nowMs: number): HealthRecord {
  switch (outcome.kind) {
    case 'delivered':
      return { consecutiveFailures: 0, failingSinceMs: null, lastSuccessMs: nowMs, lastError: null };
    case 'rate-limited':
      return previous;
    case 'failed': {
      const consecutiveFailures = previous.consecutiveFailures + 1;
      // Once failing, only a delivery clears it: a 503 after a 404 does not make the channel fine.
      const failing = previous.failingSinceMs !== null || isFailing(consecutiveFailures, outcome.isRefusal);
      return {
        consecutiveFailures,
        failingSinceMs: failing ? (previous.failingSinceMs ?? nowMs) : null,
        lastSuccessMs: previous.lastSuccessMs,
        lastError: outcome.message,
      };
    }
  }
}

interface Row {
  consecutive_failures: number;
  failing_since_ms: number | null;
  last_success_ms: number | null;
  last_error: string | null;
}

/** The table behind the records. */
export class HealthBook {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  get(channelId: string): HealthRecord {
    const row = this.#db
      .prepare(`SELECT consecutive_failures, failing_since_ms, last_success_ms, last_error FROM alerts_health WHERE channel_id = ?`)
      .get(channelId) as Row | undefined;
    if (!row) return FRESH_HEALTH;
    return {
      consecutiveFailures: row.consecutive_failures,
      failingSinceMs: row.failing_since_ms,
      lastSuccessMs: row.last_success_ms,
      lastError: row.last_error,
    };
  }

  /** Applies an outcome; returns the new record and whether the failing mark changed. */
  record(channelId: string, outcome: DeliveryOutcome, nowMs: number): { record: HealthRecord; changed: boolean } {
    const before = this.get(channelId);
    const after = nextHealth(before, outcome, nowMs);
    if (after !== before)
      this.#db
        .prepare(
          `INSERT INTO alerts_health (channel_id, consecutive_failures, failing_since_ms, last_success_ms, last_error) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (channel_id) DO UPDATE SET consecutive_failures = excluded.consecutive_failures, failing_since_ms = excluded.failing_since_ms,
             last_success_ms = excluded.last_success_ms, last_error = excluded.last_error`,
        )
        .run(channelId, after.consecutiveFailures, after.failingSinceMs, after.lastSuccessMs, after.lastError);
    const changed = (before.failingSinceMs === null) !== (after.failingSinceMs === null) || (before.lastSuccessMs === null) !== (after.lastSuccessMs === null);
    return { record: after, changed };
  }

  forget(channelId: string): void {
    this.#db.prepare(`DELETE FROM alerts_health WHERE channel_id = ?`).run(channelId);
  }
}
