/**
 * Whether a server's shown state is current, pure. A live socket makes it current; otherwise it
 * is as current as its last sight, for as long as its polls promise to look again, and never while
 * its panel cannot be asked. A state past that is shown with its age, not as if it were live.
 */
import type { Clock } from '../util/deps';
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
  if (!isAccountOk || entry.stateSeenAtMs === null || entry.isFromDisk) return false;
  return nowMs - entry.stateSeenAtMs < freshMs;
}

/** When the earliest of these entries stops being current by age alone, or null. */
export function nextStaleAtMs(entries: Iterable<ServerEntry>, nowMs: number, freshMs: number): number | null {
  let next: number | null = null;
  for (const entry of entries) {
    if (entry.isLive || entry.stateSeenAtMs === null || entry.isFromDisk) continue;
    const staleAt = entry.stateSeenAtMs + freshMs;
    if (staleAt > nowMs && (next === null || staleAt < next)) next = staleAt;
  }
  return next;
}

/** What the freshness timer reads each time it looks. */
export interface FreshnessTimerOptions {
  clock: Clock;
  entries(): Iterable<ServerEntry>;
  freshMs(): number;
  /** The views must be drawn again: a state has just grown old. */
  onStale(): void;
}

/**
 * One timer per panel for the moment the next state grows old, so the views change then without
 * a clock ticking per server. Many marks in a row (a list of 500 reconciled) look once.
 */
export class FreshnessTimer {
  private timer: unknown = null;
  private isQueued = false;
  private isDisposed = false;

  constructor(private readonly opts: FreshnessTimerOptions) {}

  /** Something that bears on freshness changed: look again soon (after this turn). */
  mark(): void {
    if (this.isQueued || this.isDisposed) return;
    this.isQueued = true;
    queueMicrotask(() => {
      this.isQueued = false;
      this.schedule();
    });
  }

  dispose(): void {
    this.isDisposed = true;
    this.clear();
  }

  private schedule(): void {
    if (this.isDisposed) return;
    this.clear();
    const { clock } = this.opts;
    const now = clock.now();
    const at = nextStaleAtMs(this.opts.entries(), now, this.opts.freshMs());
    if (at === null) return;
    this.timer = clock.setTimeout(
      () => {
        this.timer = null;
        this.opts.onStale();
        this.schedule();
      },
      at - now + 1,
    );
  }

  private clear(): void {
    if (this.timer !== null) this.opts.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
