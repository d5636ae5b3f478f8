/**
 * The incident timeline (issue 14, part 2): what happened to each server and panel, stored 90
 * days, and a feed that tells each new incident once (the alert channels and the daemon listen).
 */
export type { CrashDetail, Incident, IncidentKind, IncidentSeverity } from './types';
export { INCIDENT_KINDS } from './kinds';
export { INCIDENTS_SCHEMA } from './schema';
export { IncidentStore, RETENTION_MS, MAX_PAGE, type IncidentQuery } from './incident-store';
export {
  createIncidentRecorder,
  PRUNE_EVERY_MS,
  type IncidentFeed,
  type IncidentRecorder,
  type IncidentRecorderOptions,
  type IncidentSource,
} from './recorder';
export { incidentIdOf, incidentOfEvent } from './describe';
