/**
 * Turning two snapshots of a panel's servers into the changes between them. Pure on purpose
 * (house style rule 7): the CLI's `watch` and the app's monitor both poll or listen, build a
 * snapshot, and let this one function decide what changed, so both report the same events.
 */
import type { PowerState } from '../api/models';
import { isPanelError } from '../api/errors';

/**
 * What a server looks like from outside at one moment: its power state when the panel could tell,
 * otherwise why it could not (a 409's reason, an unreachable node, or an unknown failure).
 */
export type ObservedState =
  PowerState | 'suspended' | 'installing' | 'transferring' | 'restoring' | 'node-maintenance' | 'conflict' | 'unreachable' | 'unknown';

/** One server in a snapshot. */
export interface SnapshotEntry {
  /** The 8-character short id: the key servers are matched by between snapshots. */
  identifier: string;
  name: string;
  state: ObservedState;
}

/** Every server seen in one poll (or one moment of the websockets), in display order. */
export type ServerSnapshot = readonly SnapshotEntry[];

/** A server appeared, disappeared or changed state between two snapshots. */
export type SnapshotChange =
  | { event: 'added'; identifier: string; name: string; from: null; to: ObservedState; atMs: number }
  | { event: 'removed'; identifier: string; name: string; from: ObservedState; to: null; atMs: number }
  | { event: 'state'; identifier: string; name: string; from: ObservedState; to: ObservedState; atMs: number };

/**
 * The changes from `previous` to `next`, stamped with `atMs` (when `next` was taken).
 * Order: changes of servers in `next`, in `next`'s order, then removals in `previous`'s order.
 * A server listed twice in one snapshot counts once (its first entry), as a panel's pages can
 * overlap while servers are being added.
 */
export function diffSnapshots(previous: ServerSnapshot, next: ServerSnapshot, atMs: number): SnapshotChange[] {
  const before = indexByIdentifier(previous);
  const after = indexByIdentifier(next);
  const changes: SnapshotChange[] = [];
  for (const entry of after.values()) {
    const old = before.get(entry.identifier);
    if (old === undefined) {
      changes.push({ event: 'added', identifier: entry.identifier, name: entry.name, from: null, to: entry.state, atMs });
    } else if (old.state !== entry.state) {
      changes.push({ event: 'state', identifier: entry.identifier, name: entry.name, from: old.state, to: entry.state, atMs });
    }
  }
  for (const old of before.values()) {
    if (!after.has(old.identifier)) {
      changes.push({ event: 'removed', identifier: old.identifier, name: old.name, from: old.state, to: null, atMs });
    }
  }
  return changes;
}

function indexByIdentifier(snapshot: ServerSnapshot): Map<string, SnapshotEntry> {
  const index = new Map<string, SnapshotEntry>();
  for (const entry of snapshot) {
    if (!index.has(entry.identifier)) index.set(entry.identifier, entry);
  }
  return index;
}

/**
 * The state to record for a server whose `/resources` call failed: a 409 shows its reason (a
 * suspended server is "suspended", not an error), a 504 or 502 from the node shows as
 * "unreachable", anything else as "unknown".
 */
export function observedStateFromError(error: unknown): ObservedState {
  if (!isPanelError(error)) return 'unknown';
  if (error.kind === 'node-unreachable') return 'unreachable';
  if (error.kind !== 'conflict') return 'unknown';
  switch (error.conflictReason) {
    case 'suspended':
    case 'installing':
    case 'transferring':
    case 'restoring':
    case 'node-maintenance':
      return error.conflictReason;
    default:
      return 'conflict';
  }
}
