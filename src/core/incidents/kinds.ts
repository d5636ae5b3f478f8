/** Every incident kind, in the order a filter lists them (checked against the type in types.ts). */
import type { IncidentKind } from './types';

export const INCIDENT_KINDS = [
  'crash',
  'state',
  'usage-raised',
  'usage-cleared',
  'suspended',
  'unsuspended',
  'node-unreachable',
  'node-recovered',
  'key-revoked',
  'account-recovered',
  'backup-completed',
  'backup-failed',
  'backup-restored',
  'power',
  'panel-activity',
] as const satisfies readonly IncidentKind[];

type Missing<A, B> = Exclude<A, B>;
const _everyKindListed: Missing<IncidentKind, (typeof INCIDENT_KINDS)[number]> extends never ? true : never = true;
void _everyKindListed;
