/**
 * The history's tables (issue 14, part 1). Kept small on purpose, since 500 servers for 90 days
 * must fit in a few hundred MiB (bench/history-disk.ts measures it): integer columns (SQLite stores
 * an integer in 1 to 8 bytes by its size, sqlite.org/fileformat.html §2.1), tenths of a percent for
 * CPU, KiB for memory and disk, bucket starts in seconds, and tables WITHOUT ROWID keyed by
 * (server, time) so the key is the row.
 */
import type { SchemaModule } from '../store/database';

/** Columns of a rollup row after its key: count, then min/avg/max of each metric, then uptime. */
const ROLLUP_COLUMNS = `
  count INTEGER NOT NULL,
  cpu_min INTEGER NOT NULL, cpu_avg INTEGER NOT NULL, cpu_max INTEGER NOT NULL,
  mem_min INTEGER NOT NULL, mem_avg INTEGER NOT NULL, mem_max INTEGER NOT NULL,
  disk_min INTEGER NOT NULL, disk_avg INTEGER NOT NULL, disk_max INTEGER NOT NULL,
  rx_min INTEGER NOT NULL, rx_avg INTEGER NOT NULL, rx_max INTEGER NOT NULL,
  tx_min INTEGER NOT NULL, tx_avg INTEGER NOT NULL, tx_max INTEGER NOT NULL,
  uptime_s INTEGER NOT NULL`;

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
       server INTEGER NOT NULL,
       at_ms INTEGER NOT NULL,
       cpu INTEGER NOT NULL, mem INTEGER NOT NULL, disk INTEGER NOT NULL,
       rx INTEGER NOT NULL, tx INTEGER NOT NULL, uptime_s INTEGER NOT NULL,
       PRIMARY KEY (server, at_ms)
     ) STRICT, WITHOUT ROWID;
     CREATE TABLE history_minute (server INTEGER NOT NULL, start_s INTEGER NOT NULL, ${ROLLUP_COLUMNS},
       PRIMARY KEY (server, start_s)) STRICT, WITHOUT ROWID;
     CREATE TABLE history_quarter (server INTEGER NOT NULL, start_s INTEGER NOT NULL, ${ROLLUP_COLUMNS},
       PRIMARY KEY (server, start_s)) STRICT, WITHOUT ROWID;
     CREATE TABLE history_states (
       server INTEGER NOT NULL,
       at_ms INTEGER NOT NULL,
       state TEXT NOT NULL,
       PRIMARY KEY (server, at_ms)
     ) STRICT, WITHOUT ROWID;`,
  ],
};
