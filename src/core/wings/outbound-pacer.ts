/**
 * Wings' websocket limits, kept on the client's side of one connection, so that what the client
 * sends never finds Wings' bucket empty (a dropped `send command` is a lost command; a dropped
 * `auth` is a socket that never authenticates).
 *
 * The figures are Wings' (pelican-dev/wings `router/websocket/limiter.go`: `limitValuesFor`,
 * `limiterName`; `router/router_server_ws.go`: the connection's `rate.NewLimiter(rate.Every(200ms),
 * 10)`), from upstream pterodactyl/wings PR #290, which Pterodactyl Wings 1.12 ships (the 2024
 * Pterodactyl Wings snapshot has no limiter; pacing a node that never throttles costs nothing a
 * person notices). `rate.Every(d)` refills one token every d; the second number is the burst.
 */
import { TokenBucket } from './token-bucket';

/** One bucket's size: one token every `intervalMs`, `burst` at most. */
export interface WingsLimit {
  intervalMs: number;
  burst: number;
}

/** Every message of a connection, whatever its event (the read loop's limiter). */
export const WINGS_MESSAGE_LIMIT: WingsLimit = { intervalMs: 200, burst: 10 };

/** The bucket an event draws from (`limiterName`) and its size (`limitValuesFor`). */
export function wingsEventLimit(event: string): WingsLimit & { bucket: string } {
  // "Twice every five seconds."
  if (event === 'auth' || event === 'send logs') return { bucket: event, intervalMs: 5_000, burst: 2 };
  // Wings' comment says "10 per second"; `rate.Every(time.Second), 10` is a burst of 10, then 1 a second.
  if (event === 'send command') return { bucket: event, intervalMs: 1_000, burst: 10 };
  // Every other event (`set state`, `send stats`) shares one bucket.
  return { bucket: '_default', intervalMs: 1_000, burst: 4 };
}

/**
 * Our intervals are this much longer than Wings': Wings counts when frames arrive, and frames
 * sent a full interval apart can arrive closer together after a hiccup on the way.
 */
export const PACING_SLACK = 1.2;

/** The buckets of one connection; a new socket gets a new pacer, as Wings makes a new limiter. */
export class OutboundPacer {
  private readonly global: TokenBucket;
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly nowMs: () => number) {
    this.global = new TokenBucket(WINGS_MESSAGE_LIMIT.intervalMs * PACING_SLACK, WINGS_MESSAGE_LIMIT.burst, nowMs());
  }

  /** 0 when `event` may be sent now, else how long until it may. */
  waitMs(event: string): number {
    const now = this.nowMs();
    return Math.max(this.global.waitMs(now), this.bucketOf(event).waitMs(now));
  }

  /** Counts one `event` sent now (call only when `waitMs` said 0). */
  take(event: string): void {
    const now = this.nowMs();
    this.global.take(now);
    this.bucketOf(event).take(now);
  }

  /** Wings sent `throttled`: its bucket for that event (`global`: for every message) is empty. */
  throttled(name: string): void {
    const now = this.nowMs();
    if (name === 'global') this.global.throttled(now);
    else this.bucketOf(name).throttled(now);
  }

  private bucketOf(event: string): TokenBucket {
    const { bucket, intervalMs, burst } = wingsEventLimit(event);
    let found = this.buckets.get(bucket);
    if (!found) {
      found = new TokenBucket(intervalMs * PACING_SLACK, burst, this.nowMs());
      this.buckets.set(bucket, found);
    }
    return found;
  }
}
