/**
 * The incident timeline read from another process (the CLI) while the app or the daemon may be
 * writing it: opened read-only, so a reader never migrates, sets aside or locks the file the
 * writer owns (WAL lets a reader and a writer work at once, sqlite.org/wal.html).
 */
import { openStoreForReading } from '../store/database';
import { IncidentStore } from './incident-store';
import { INCIDENTS_SCHEMA } from './schema';

const NOTHING_YET = 'No incidents are recorded yet: Pterotray (the app or `pterotray daemon`) records them while it runs.';

/** What reading found: the store, or why there is nothing to read, as a sentence. */
export type IncidentReading = { store: IncidentStore; close(): void } | { problem: string };

/** Opens `path` for reading the timeline. */
export function openIncidentsForReading(path: string): IncidentReading {
  const opened = openStoreForReading(path, INCIDENTS_SCHEMA);
  if ('db' in opened) {
    const { db } = opened;
    return { store: new IncidentStore(db), close: () => db.close() };
  }
  switch (opened.reason) {
    case 'absent':
    case 'no-module':
      return { problem: NOTHING_YET };
    case 'unreadable':
      return { problem: `The history file ${path} could not be opened (${opened.detail}).` };
    case 'not-ours':
      return { problem: `${path} is not Pterotray's history file; the app sets it aside at its next start.` };
    case 'newer':
      return { problem: 'The incidents were written by a newer Pterotray: update this one to read them.' };
  }
}
