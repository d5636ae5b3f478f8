/**
 * The alert channels' types (src/shared/alerts.ts, so the settings page shares them) and the one
 * thing alerts need from the incidents: their feed.
 */
import type { Incident, IncidentKind, IncidentSeverity } from '../incidents/types';
import type { AlertIncidentKind, AlertSeverity } from '../../shared/alerts';
import type { Disposer } from '../util/deps';

export * from '../../shared/alerts';

// The shared list of kinds is the incidents' own: a kind added or renamed there fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _kindsMatch: Same<AlertIncidentKind, IncidentKind> = true;
const _severitiesMatch: Same<AlertSeverity, IncidentSeverity> = true;
void _kindsMatch;
void _severitiesMatch;

/**
 * The incidents' feed (src/core/incidents), as alerts use it: one call per NEW incident, after it
 * is stored. Defined here so alerts build and test before the feed lands; the real feed satisfies it.
 */
export interface IncidentFeed {
  on(event: 'incident', listener: (incident: Incident) => void): Disposer;
}
