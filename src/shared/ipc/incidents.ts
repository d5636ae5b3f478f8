/**
 * The channels of the incident timeline (issue 14, part 2): every server's, or one server's with
 * the panel's activity log merged in, searched and filtered, newest first, a page at a time. The
 * contract (../ipc-contract.ts) is the union of these domain files; a channel is written here once.
 */
import type { ServerRef } from '../types';

/** What happened (core/incidents/types.ts `IncidentKind`, the same words), in the order a filter lists them. */
export const INCIDENT_KIND_NAMES = [
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
] as const;

export type IncidentKindName = (typeof INCIDENT_KIND_NAMES)[number];

/** One incident as the window shows it (core's `Incident`; it holds no key, token or IP). */
export interface IncidentView {
  id: string;
  /** Epoch ms. */
  at: number;
  kind: IncidentKindName;
  severity: 'info' | 'warning' | 'critical';
  accountId: string;
  accountName: string;
  server: { identifier: string; name: string } | null;
  node: string | null;
  title: string;
  detail: string;
  actor: string | null;
  source: 'app' | 'panel';
  crash: {
    exitCode: number | null;
    oomKilled: boolean | null;
    lastLines: string[];
    reaction: 'restarting' | 'not-restarted' | 'detection-disabled' | 'restart-failed' | 'unknown';
  } | null;
}

/** What the timeline asks for; every field narrows. */
export interface IncidentFilter {
  /** One server (its Timeline tab, or the filter); its panel activity is merged in first. */
  server: ServerRef | null;
  accountId: string | null;
  /** Empty: every kind. */
  kinds: IncidentKindName[];
  /** Epoch ms; null: the whole 90 days. */
  sinceMs: number | null;
  /** Words that must all appear; empty for none. */
  text: string;
  /** For the next page: the `at` of the oldest incident shown. */
  beforeMs: number | null;
}

/** One page, newest first. */
export interface IncidentPage {
  incidents: IncidentView[];
  /** True when older incidents match too. */
  hasMore: boolean;
}

export interface IncidentChannels {
  'incidents:list': { args: [IncidentFilter]; result: IncidentPage };
  /** One incident (a notification's), or null once it is older than 90 days. */
  'incidents:get': { args: [{ id: string }]; result: IncidentView | null };
}

export interface IncidentPushEvents {
  /** A new incident, once, as soon as it is stored. */
  'incidents:added': IncidentView;
}

/** Every channel above, in order (checked against the interface in ../ipc-contract.ts). */
export const INCIDENT_CHANNELS = ['incidents:list', 'incidents:get'] as const satisfies readonly (keyof IncidentChannels)[];

/** How many incidents a page holds. */
export const INCIDENT_PAGE_SIZE = 100;
