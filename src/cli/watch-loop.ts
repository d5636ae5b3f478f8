/**
 * The polling loop behind `pterotray watch`: snapshot every server's state, wait, snapshot again,
 * and report what `diffSnapshots` finds. The interval is stretched when the panel's rate limit
 * could not carry it, since the budget is shared with the person's browser and the app.
 */
import type { ClientApi } from '../core/api/client-types';
import { isPanelError, type PanelErrorKind } from '../core/api/errors';
import { diffSnapshots, type ServerSnapshot, type SnapshotChange } from '../core/monitor/diff';
import { budgetPerMinute, SERVERS_PER_PAGE } from '../core/monitor/budget';
import type { Clock } from '../core/util/deps';
import { fetchStates, toSnapshot } from './server-states';

/** Default and least poll interval. The panel caches `/resources` for 20 s, so 30 s is plenty. */
export const DEFAULT_INTERVAL_S = 30;
export const MIN_INTERVAL_S = 5;

/** The share of the per-user limit one watch may use; the rest is for the browser and the app. */
const BUDGET_SHARE = 0.5;

/**
 * The interval to poll at so one poll a round (`GET /api/client` pages plus one `/resources` per
 * server) stays within `BUDGET_SHARE` of the panel's per-minute limit.
 */
export function budgetedIntervalMs(requestedMs: number, serverCount: number, limitPerMinute: number | null): number {
  const requestsPerPoll = Math.max(1, Math.ceil(serverCount / SERVERS_PER_PAGE)) + serverCount;
  const leastMs = Math.ceil((requestsPerPoll / budgetPerMinute(limitPerMinute, BUDGET_SHARE)) * 60_000);
  return Math.max(requestedMs, leastMs);
}

// A failed poll of these kinds is worth retrying next round; anything else (a revoked key) ends it.
const TRANSIENT_KINDS: ReadonlySet<PanelErrorKind> = new Set([
  'network',
  'timeout',
  'rate-limited',
  'maintenance',
  'bad-response',
  'node-unreachable',
]);

export interface WatchLoopOptions {
  client: ClientApi;
  clock: Clock;
  intervalMs: number;
  /** Ends the loop (resolves) when aborted. */
  signal: AbortSignal;
  /** After the first snapshot: how many servers, and the interval actually used. */
  onReady(serverCount: number, intervalMs: number): void;
  onChange(change: SnapshotChange): void;
  /** A poll failed in a way the next one may not; the loop carries on. */
  onTransientError(error: unknown): void;
  /** The interval had to be stretched to stay within the rate limit. */
  onIntervalStretched(intervalMs: number): void;
}

/** Polls until `signal` aborts; rejects only on a failure that retrying cannot fix. */
export async function runWatchLoop(opts: WatchLoopOptions): Promise<void> {
  let previous: ServerSnapshot;
  try {
    previous = await poll(opts);
  } catch (error) {
    if (opts.signal.aborted) return; // Ctrl-C before the first snapshot is still a clean end
    throw error;
  }
  let intervalMs = budgetedIntervalMs(opts.intervalMs, previous.length, opts.client.rateLimit().limitPerMinute);
  opts.onReady(previous.length, intervalMs);
  while (await sleep(opts.clock, intervalMs, opts.signal)) {
    let next: ServerSnapshot;
    try {
      next = await poll(opts);
    } catch (error) {
      if (opts.signal.aborted) return;
      if (!isPanelError(error) || !TRANSIENT_KINDS.has(error.kind)) throw error;
      opts.onTransientError(error);
      continue;
    }
    for (const change of diffSnapshots(previous, next, opts.clock.now())) opts.onChange(change);
    previous = next;
    const stretched = budgetedIntervalMs(opts.intervalMs, next.length, opts.client.rateLimit().limitPerMinute);
    if (stretched !== intervalMs && stretched > opts.intervalMs) opts.onIntervalStretched(stretched);
    intervalMs = stretched;
  }
}

async function poll(opts: WatchLoopOptions): Promise<ServerSnapshot> {
  // Polling yields to anything a person is waiting for on the same client.
  const call = { signal: opts.signal, priority: 'background' } as const;
  const servers = await opts.client.listServers(undefined, call);
  return toSnapshot(await fetchStates(opts.client, servers, call));
}

/** Waits `ms` on the injected clock; resolves false (instead of waiting) once `signal` aborts. */
function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clock.clearTimeout(timer);
      resolve(false);
    };
    const timer = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
