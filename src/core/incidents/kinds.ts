/**
 * Every incident kind, in the order a filter lists them: the shared contract's list (the window
 * and the CLI read it), checked here to be exactly the kinds of types.ts.
 */
import { INCIDENT_KIND_NAMES, type IncidentKindName } from '../../shared/ipc/incidents';
import type { IncidentKind } from './types';

export const INCIDENT_KINDS: readonly IncidentKind[] = INCIDENT_KIND_NAMES;

const _sameKinds: [Exclude<IncidentKind, IncidentKindName>, Exclude<IncidentKindName, IncidentKind>] extends [never, never] ? true : never = true;
void _sameKinds;
