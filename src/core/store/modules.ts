/**
 * Every module's tables in the one store file (database.ts), in the order they are migrated.
 * Each module owns its tables and its version; none reads another's tables.
 */
import type { SchemaModule } from './database';
import { HISTORY_SCHEMA } from '../history/schema';
// ── incidents (issue 14) ──
import { INCIDENTS_SCHEMA } from '../incidents/schema';
// ── alerts (issue 14) ──
import { ALERTS_SCHEMA } from '../alerts/schema';

export const STORE_MODULES: readonly SchemaModule[] = [
  HISTORY_SCHEMA,
  // ── incidents (issue 14) ──
  INCIDENTS_SCHEMA,
  // ── alerts (issue 14) ──
  ALERTS_SCHEMA,
];
