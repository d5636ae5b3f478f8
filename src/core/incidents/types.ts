/**
 * The incident timeline's vocabulary (issue 14, part 2): one record per thing that happened to a
 * server or a panel, kept on disk as long as the history (90 days). The id is stable and unique:
 * the store and every alert channel deduplicate by it, so a restart or a retry never tells the same
 * incident twice.
 */

/** What happened. */
export type IncidentKind =
  | 'state'
  | 'crash'
  | 'usage-raised'
  | 'usage-cleared'
  | 'suspended'
  | 'unsuspended'
  | 'node-unreachable'
  | 'node-recovered'
  | 'key-revoked'
  | 'account-recovered'
  | 'backup-completed'
  | 'backup-failed'
  | 'backup-restored'
  /** A power action asked through the app or the CLI (who asked is `actor`). */
  | 'power'
  /** An entry of the panel's own activity log, merged in. */
  | 'panel-activity';

export type IncidentSeverity = 'info' | 'warning' | 'critical';

/** What a crash left behind: Wings' own lines (wings `server/crash.go`). */
export interface CrashDetail {
  /** `Exit code: N`, or null when Wings' line was not seen. */
  exitCode: number | null;
  /** `Out of memory: true|false`, or null when not seen. */
  oomKilled: boolean | null;
  /** The console's last lines before the crash, oldest first, ANSI stripped, at most 20. */
  lastLines: string[];
  reaction: 'restarting' | 'not-restarted' | 'detection-disabled' | 'restart-failed' | 'unknown';
}

export interface Incident {
  /** Stable and unique, e.g. `crash:<account>/<identifier>:<atMs>:<crashId>`. */
  id: string;
  at: number;
  kind: IncidentKind;
  severity: IncidentSeverity;
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
  crash: CrashDetail | null;
}
