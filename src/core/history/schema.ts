/**
 * The history's tables (issue 14, part 1). Kept small on purpose, since 500 servers for 90 days
 * must fit in a few hundred MiB (bench/history measures it). Raw samples (an hour) are rows of
 * integers (SQLite stores an integer in 1 to 8 bytes by its size, sqlite.org/fileformat.html §2.1):
 * tenths of a percent for CPU, KiB for memory and disk. Rollups are packed a page to a row
 * (bucket-page.ts): an hour of minutes, 4½ hours of quarters, sized so two and six of them fill a
 * 4 KiB database page. Both tables are keyed time first: every flush appends at the end of the
 * b-tree instead of rewriting one leaf per server (a few pages a flush, not 500), and appended
 * pages stay full. A server's rows are read by time range (raw, an hour at most) or by page key. The
 * pages' key is one integer (history-store.ts pageKey: tier, page, server) in a rowid table, whose
 * rows stay in the b-tree up to 4 KiB; a WITHOUT ROWID row over ~1 KiB spills to an overflow page.
 */
import type { SchemaModule } from '../store/database';

export const HISTORY_SCHEMA: SchemaModule = {
  name: 'history',
  migrations: [
    `CREATE TABLE history_servers (
       id INTEGER PRIMARY KEY,
       account_id TEXT NOT NULL,
       identifier TEXT NOT NULL,
       UNIQUE (account_id, identifier)
     ) STRICT;
     CREATE TABLE history_raw (
       at_ms INTEGER NOT NULL,
       server INTEGER NOT NULL,
       cpu INTEGER NOT NULL, mem INTEGER NOT NULL, disk INTEGER NOT NULL,
       rx INTEGER NOT NULL, tx INTEGER NOT NULL, uptime_s INTEGER NOT NULL,
       PRIMARY KEY (at_ms, server)
     ) STRICT, WITHOUT ROWID;
     CREATE TABLE history_pages (
       key INTEGER PRIMARY KEY,
       data BLOB NOT NULL
     ) STRICT;
     CREATE TABLE history_states (
       server INTEGER NOT NULL,
       at_ms INTEGER NOT NULL,
       state TEXT NOT NULL,
       PRIMARY KEY (server, at_ms)
     ) STRICT, WITHOUT ROWID;
     CREATE TABLE history_alive (id INTEGER PRIMARY KEY CHECK (id = 1), at_ms INTEGER NOT NULL) STRICT;`,
    // 1 once the writer quit cleanly (its open buckets written), 0 while it runs: a start after a
    // clean quit has nothing to rebuild from the raw samples (1.2 s of main's time at 500 servers).
    `ALTER TABLE history_alive ADD COLUMN is_clean INTEGER NOT NULL DEFAULT 0;`,
  ],
};
