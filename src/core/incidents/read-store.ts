/**
 * The incident timeline read from another process (the CLI) while the app or the daemon may be
 * writing it: opened read-only, so a reader never migrates, sets aside or locks the file the
 * writer owns (WAL lets a reader and a writer work at once, sqlite.org/wal.html).
 */
import { existsSync } from 'node:fs';
import { APPLICATION_ID, loadSqlite } from '../store/database';
import { IncidentStore } from './incident-store';
import { INCIDENTS_SCHEMA } from './schema';

const NOTHING_YET = 'No incidents are recorded yet: Pterotray (the app or `pterotray daemon`) records them while it runs.';

/** What reading found: the store, or why there is nothing to read, as a sentence. */
export type IncidentReading = { store: IncidentStore; close(): void } | { problem: string };

/** Opens `path` for reading the timeline. */
export function openIncidentsForReading(path: string): IncidentReading {
  if (!existsSync(path)) return { problem: NOTHING_YET };
  const { DatabaseSync } = loadSqlite();
  let db: InstanceType<typeof DatabaseSync>;
  try {
    db = new DatabaseSync(path, { readOnly: true });
  } catch (error) {
    return { problem: `The history file ${path} could not be opened (${error instanceof Error ? error.message : String(error)}).` };
  }
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    const id = (db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id;
    if (id !== APPLICATION_ID) throw new Error(`${path} is not Pterotray's history file; the app sets it aside at its next start.`);
    const hasVersions = db.prepare("SELECT 1 AS hit FROM sqlite_schema WHERE type = 'table' AND name = 'schema_versions'").get() !== undefined;
    const row = hasVersions
      ? (db.prepare("SELECT version FROM schema_versions WHERE module = 'incidents'").get() as { version: number } | undefined)
      : undefined;
    if (row === undefined) throw new Error(NOTHING_YET);
    if (row.version > INCIDENTS_SCHEMA.migrations.length) throw new Error('The incidents were written by a newer Pterotray: update this one to read them.');
    return { store: new IncidentStore(db), close: () => db.close() };
  } catch (error) {
    db.close();
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}
