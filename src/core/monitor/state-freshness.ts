/**
 * Whether a server's shown state is current, pure. A live socket makes it current; otherwise it
 * is as current as its last sight, for as long as its polls promise to look again, and never while
 * its panel cannot be asked. A state past that is shown with its age, not as if it were live.
 */
import type { ServerEntry } from './server-entry';

/** Slack on top of the poll cadence before a polled state counts as old. */
export const FRESHNESS_SLACK_MS = 15_000;
/** A state seen this recently is current even with no cadence to go by (a socket reconnecting). */
export const MIN_FRESH_MS = 60_000;

/** How long a state seen by a poll stays current: two poll rounds and some slack, at least a minute. */
export function freshForMs(pollCadenceMs: number): number {
  return Math.max(MIN_FRESH_MS, 2 * pollCadenceMs + FRESHNESS_SLACK_MS);
}

/** True when the state shown for `entry` can be taken as true now. */
export function isStateCurrent(entry: ServerEntry, nowMs: number, freshMs: number, isAccountOk: boolean): boolean {
  if (entry.isLive) return true;
  if (!isAccountOk || entry.stateSeenAtMs === null) return false;
  return nowMs - entry.stateSeenAtMs < freshMs;
}

/** When the earliest of these entries stops being current by age alone, or null. */
export function nextStaleAtMs(entries: Iterable<ServerEntry>, nowMs: number, freshMs: number): number | null {
  let next: number | null = null;
  for (const entry of entries) {
    if (entry.isLive || entry.stateSeenAtMs === null) continue;
    const staleAt = entry.stateSeenAtMs + freshMs;
    if (staleAt > nowMs && (next === null || staleAt < next)) next = staleAt;
  }
  return next;
}
