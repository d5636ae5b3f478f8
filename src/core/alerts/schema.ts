/**
 * The alerts' tables in the store (issue 14, part 3): the delivery queue, each channel's health,
 * and the channels' settings (never their secrets: channel-secrets.ts).
 *
 * The queue's key is (incident id, channel): an incident is queued once per channel however often
 * it is offered, and a delivered row stays a while as a tombstone so a repeat after a restart is
 * still recognised. `state` is `pending`, `delivered`, `dropped` (the queue was full) or `expired`.
 */
import type { SchemaModule } from '../store/database';

export const ALERTS_SCHEMA: SchemaModule = {
  name: 'alerts',
  migrations: [
    `CREATE TABLE alerts_queue (
       incident_id TEXT NOT NULL,
       channel_id TEXT NOT NULL,
       incident TEXT NOT NULL,
       enqueued_ms INTEGER NOT NULL,
       due_ms INTEGER NOT NULL,
       attempts INTEGER NOT NULL DEFAULT 0,
       state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dropped', 'expired')),
       done_ms INTEGER,
       PRIMARY KEY (incident_id, channel_id)
     ) STRICT;
     CREATE INDEX alerts_queue_due ON alerts_queue (state, due_ms, enqueued_ms);
     CREATE INDEX alerts_queue_channel ON alerts_queue (channel_id, state, enqueued_ms);
     CREATE TABLE alerts_health (
       channel_id TEXT PRIMARY KEY,
       consecutive_failures INTEGER NOT NULL,
       failing_since_ms INTEGER,
       last_success_ms INTEGER,
       last_error TEXT
     ) STRICT;
     CREATE TABLE alerts_channels (
       id TEXT PRIMARY KEY,
       position INTEGER NOT NULL,
       config TEXT NOT NULL
     ) STRICT;`,
  ],
};
