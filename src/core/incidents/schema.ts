/**
 * The incident timeline's table (issue 14, part 2): one row per incident, keyed by its stable id
 * so a replayed event or a restart never stores it twice (`INSERT … ON CONFLICT DO NOTHING`).
 * Indexed for the two ways the timeline is read: everything by time, and one server by time.
 * `search` holds the lowercased words a search matches (names, title, detail, actor), so a search
 * is one `instr` per row of the time window, not a join.
 */
import type { SchemaModule } from '../store/database';

export const INCIDENTS_SCHEMA: SchemaModule = {
  name: 'incidents',
  migrations: [
    `CREATE TABLE incidents_log (
       id TEXT PRIMARY KEY,
       at_ms INTEGER NOT NULL,
       kind TEXT NOT NULL,
       severity TEXT NOT NULL,
       account_id TEXT NOT NULL,
       account_name TEXT NOT NULL,
       identifier TEXT,
       server_name TEXT,
       node TEXT,
       title TEXT NOT NULL,
       detail TEXT NOT NULL,
       actor TEXT,
       source TEXT NOT NULL,
       crash TEXT,
       search TEXT NOT NULL
     ) STRICT;
     CREATE INDEX incidents_log_at ON incidents_log (at_ms);
     CREATE INDEX incidents_log_server ON incidents_log (account_id, identifier, at_ms);`,
  ],
};
