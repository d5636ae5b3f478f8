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

/** Wings' own word on a crash (wings `server/crash.go`). */
export interface CrashDetailView {
  /** `Exit code: N`, or null when Wings' line was not seen. */
  exitCode: number | null;
  /** `Out of memory: true|false`, or null when not seen. */
  oomKilled: boolean | null;
  /** The console's last lines before the crash, oldest first, ANSI stripped, at most 20. */
  lastLines: string[];
  reaction: 'restarting' | 'not-restarted' | 'detection-disabled' | 'restart-failed' | 'unknown';
}

/**
 * One incident, as it is stored and as the window, the CLI and every alert channel get it
 * (core/incidents/types.ts names it `Incident`). It holds no key, token or IP.
 */
export interface IncidentView {
  /** Stable and unique, e.g. `crash:<account>/<identifier>:<atMs>:<crashId>`: the store and every alert channel deduplicate by it. */
  id: string;
  /** Epoch ms. */
  at: number;
  kind: IncidentKindName;
  severity: 'info' | 'warning' | 'critical';
  accountId: string;
  accountName: string;
  /** Null for what concerns a whole panel (a revoked key) or a node. */
  server: { identifier: string; name: string } | null;
  node: string | null;
  /** One line, e.g. "Survival 1 crashed". */
  title: string;
  /** A sentence or two: what Wings did, what to do. */
  detail: string;
  /** Who did it, where known: the app's user for actions through the app, the panel's actor. */
  actor: string | null;
  source: 'app' | 'panel';
  crash: CrashDetailView | null;
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
