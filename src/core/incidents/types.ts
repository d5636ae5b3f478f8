/**
 * The incident timeline's vocabulary (issue 14, part 2): one record per thing that happened to a
 * server or a panel, kept on disk as long as the history (90 days). The id is stable and unique:
 * the store and every alert channel deduplicate by it, so a restart or a retry never tells the same
 * incident twice.
 *
 * The record's shape is written once, in the shared contract (src/shared/ipc/incidents.ts), since
 * the window and the CLI read it as it is stored; these are its names inside core.
 */
import type { CrashDetailView, IncidentKindName, IncidentView } from '../../shared/ipc/incidents';

/**
 * What happened: a state change, a crash, a usage alert raised or cleared, a suspension and its
 * end, a node unreachable and back, a key revoked and accepted again, a backup made, failed or
 * restored, a power action asked through the app or the CLI (who asked is `actor`), or an entry
 * of the panel's own activity log, merged in.
 */
export type IncidentKind = IncidentKindName;

export type IncidentSeverity = IncidentView['severity'];

/** What a crash left behind: Wings' own lines (wings `server/crash.go`). */
export type CrashDetail = CrashDetailView;

export type Incident = IncidentView;
