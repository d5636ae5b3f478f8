/** Every incident kind, in the order a filter lists them: the shared contract's list (the window and the CLI read it). */
import { INCIDENT_KIND_NAMES } from '../../shared/ipc/incidents';
import type { IncidentKind } from './types';

export const INCIDENT_KINDS: readonly IncidentKind[] = INCIDENT_KIND_NAMES;
