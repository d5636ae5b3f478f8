/**
 * The monitor's memory on disk (issue 14): one SQLite file for the stats history, the incident
 * timeline and the alert queue, opened through `node:sqlite`, which ships inside Electron's Node
 * (fixed in electron/electron#47706, Electron 37+) and Node 22.13+ (unflagged), so main, the CLI and
 * the daemon share it without a native module to rebuild per platform.
 *
 * Crash safety is SQLite's: write-ahead log with `synchronous=NORMAL` (a killed process loses
 * nothing committed; a power cut loses at most the last commits, never the file, sqlite.org/wal.html),
 * and callers batch writes into a transaction every few seconds. A file that is not ours or is
 * damaged is renamed aside (`<name>.set-aside-<time>`) with a clear reason, and a new one is made:
 * the app never crashes on it and never writes into someone else's database.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type * as NodeSqlite from 'node:sqlite';
import type { DatabaseSync as DatabaseSyncType } from 'node:sqlite';
import { createRequire } from 'node:module';
import type { Logger } from '../util/deps';

export type Database = DatabaseSyncType;

/** The file's name in the app's folder (beside settings.json). */
export const STORE_FILE = 'history.sqlite';

/** `PRAGMA application_id`: "PTRY". A SQLite file with another id is someone else's. */
export const APPLICATION_ID = 0x50545259;

/** The first 16 bytes of every SQLite 3 file (sqlite.org/fileformat.html §1.3.1). */
const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Why a file was set aside, as the person reads it. */
export interface SetAside {
  /** Where the old file now is. */
  movedTo: string;
  reason: 'not-sqlite' | 'foreign' | 'corrupt' | 'newer';
  /** One sentence that says what happened and that nothing else is needed. */
  message: string;
}

export interface OpenedStore {
  db: Database;
  /** Set when the file found there could not be used and was moved away. */
  setAside: SetAside | null;
}

export interface OpenStoreOptions {
  logger: Logger;
  now?: () => number;
}

/**
 * A module's tables: `migrations[i]` takes the module from version i to i + 1. Each module keeps
 * its own version, so history, incidents and alerts evolve apart in one file.
 */
export interface SchemaModule {
  name: string;
  migrations: readonly string[];
}

let sqlite: typeof NodeSqlite | null = null;

/**
 * `node:sqlite`, loaded on first use: a Node without it (older than 22.13) gets a sentence, not a
 * module-not-found from the first import of the CLI.
 */
export function loadSqlite(): typeof NodeSqlite {
  if (sqlite) return sqlite;
  const require = createRequire(import.meta.url);
  const emit = process.emitWarning;
  // Node 22 warns "SQLite is an experimental feature" on load; the person can do nothing with it.
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/sqlite/i.test(text)) return;
    (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    sqlite = require('node:sqlite') as typeof NodeSqlite;
  } catch {
    throw new Error(`The history needs Node.js 22.13 or newer (this is ${process.version}): install a newer Node.js.`);
  } finally {
    process.emitWarning = emit;
  }
  return sqlite;
}

/** The newest schema this build knows, per module, so an older build sets a newer file aside. */
const SCHEMA_TABLE = `CREATE TABLE IF NOT EXISTS schema_versions (module TEXT PRIMARY KEY, version INTEGER NOT NULL) STRICT`;

/**
 * Opens (or makes) the store at `path`, sets it up for crash safety, and applies each module's
 * migrations. Never throws for what is in the file: a file it cannot use is set aside.
 * `:memory:` opens a private in-memory store (tests).
 */
export function openStore(path: string, modules: readonly SchemaModule[], options: OpenStoreOptions): OpenedStore {
  const now = options.now ?? Date.now;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let setAside: SetAside | null = null;
  const problem = path === ':memory:' ? null : inspectFile(path);
  if (problem) setAside = moveAside(path, problem, now());
  let db: Database;
  try {
    db = prepare(path, modules);
  } catch (error) {
    // Damage the header check could not see (a torn page, a bad index): set aside, start anew.
    if (path === ':memory:' || setAside) throw error;
    options.logger.warn('store: could not open the history file', { error: String(error) });
    setAside = moveAside(path, error instanceof NewerSchemaError ? 'newer' : error instanceof ForeignError ? 'foreign' : 'corrupt', now());
    db = prepare(path, modules);
  }
  if (setAside) options.logger.warn('store: set aside an unusable history file', { reason: setAside.reason, movedTo: setAside.movedTo });
  return { db, setAside };
}

class NewerSchemaError extends Error {}
class ForeignError extends Error {}

function prepare(path: string, modules: readonly SchemaModule[]): Database {
  const { DatabaseSync } = loadSqlite();
  const db = new DatabaseSync(path);
  // The history is the user's alone, like the settings (0600; the folder is 0700): set before
  // the write-ahead log exists, since SQLite gives the -wal and -shm files the database's mode.
  if (path !== ':memory:' && process.platform !== 'win32') chmodSync(path, 0o600);
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    // Whose file it is, before anything is written to it (WAL mode is a write).
    const id = (db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    if (id !== APPLICATION_ID && tables > 0) throw new ForeignError("another program's database");
    if (id === APPLICATION_ID && tables > 0) {
      const check = db.prepare('PRAGMA quick_check').get() as { quick_check: string };
      if (check.quick_check !== 'ok') throw new Error(`quick_check: ${check.quick_check}`);
    }
    if (path !== ':memory:') {
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = NORMAL');
    }
    if (id !== APPLICATION_ID) db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
    db.exec(SCHEMA_TABLE);
    for (const module of modules) migrate(db, module);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database, module: SchemaModule): void {
  const row = db.prepare('SELECT version FROM schema_versions WHERE module = ?').get(module.name) as { version: number } | undefined;
  const version = row?.version ?? 0;
  if (version > module.migrations.length) throw new NewerSchemaError(`${module.name} is at version ${version}`);
  if (version === module.migrations.length) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (let v = version; v < module.migrations.length; v++) db.exec(module.migrations[v] ?? '');
    db.prepare('INSERT INTO schema_versions (module, version) VALUES (?, ?) ON CONFLICT (module) DO UPDATE SET version = excluded.version').run(
      module.name,
      module.migrations.length,
    );
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** What is wrong with the file before SQLite sees it, or null (absent, empty, or a SQLite file). */
function inspectFile(path: string): SetAside['reason'] | null {
  if (!existsSync(path)) return null;
  const size = statSync(path).size;
  if (size === 0) return null;
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString('latin1') === SQLITE_MAGIC ? null : 'not-sqlite';
}

const MESSAGES: Record<SetAside['reason'], string> = {
  'not-sqlite': 'The history file was not a database; it was set aside and a new history was started.',
  foreign: 'The history file belonged to another program; it was set aside untouched and a new history was started.',
  corrupt: 'The history file was damaged; it was set aside and a new history was started.',
  newer: 'The history file was written by a newer Pterotray; it was set aside and a new history was started. Update Pterotray to read it.',
};

function moveAside(path: string, reason: SetAside['reason'], atMs: number): SetAside {
  const stamp = new Date(atMs).toISOString().replace(/[:.]/g, '-');
  const movedTo = `${path}.set-aside-${stamp}`;
  renameSync(path, movedTo);
  // The write-ahead log and its index belong to the file they came with.
  for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix);
  return { movedTo, reason, message: MESSAGES[reason] };
}

/** Runs `work` in one transaction; rolls back and rethrows on error. */
export function transaction<T>(db: Database, work: () => T): T {
  db.exec('BEGIN');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** Why a store could not be opened for reading. */
export type ReadProblem =
  | { reason: 'absent' }
  | { reason: 'unreadable'; detail: string }
  | { reason: 'not-ours' }
  /** The file is ours but this module has written nothing to it yet. */
  | { reason: 'no-module' }
  | { reason: 'newer' };

/**
 * Opens the store at `path` read-only, for a reader in another process (the CLI) while the app or
 * the daemon may be writing it: never created, migrated, set aside or locked (WAL lets a reader
 * in beside a writer, sqlite.org/wal.html). `module` is the one the reader needs.
 */
export function openStoreForReading(path: string, module: SchemaModule): { db: Database } | ReadProblem {
  if (!existsSync(path)) return { reason: 'absent' };
  const { DatabaseSync } = loadSqlite();
  let db: Database;
  try {
    db = new DatabaseSync(path, { readOnly: true });
  } catch (error) {
    return { reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    const id = (db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id;
    if (id !== APPLICATION_ID) return close(db, { reason: 'not-ours' });
    const hasVersions = db.prepare("SELECT 1 AS hit FROM sqlite_schema WHERE type = 'table' AND name = 'schema_versions'").get() !== undefined;
    const row = hasVersions
      ? (db.prepare('SELECT version FROM schema_versions WHERE module = ?').get(module.name) as { version: number } | undefined)
      : undefined;
    if (row === undefined) return close(db, { reason: 'no-module' });
    if (row.version > module.migrations.length) return close(db, { reason: 'newer' });
    return { db };
  } catch (error) {
    return close(db, { reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) });
  }
}

function close<T>(db: Database, value: T): T {
  db.close();
  return value;
}
