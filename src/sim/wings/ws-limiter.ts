/**
 * Wings' websocket throttling (pelican-dev/wings `router/websocket/limiter.go`,
 * `router/router_server_ws.go`), on the sim's clock:
 * - a token bucket per connection for every message (one token per 200 ms, burst 10); a refused
 *   message is dropped and only the first of a run is answered with `throttled` `global`;
 * - a bucket per event kind (`auth` and `send logs` each one token per 5 s, burst 2; `send
 *   command` one per second, burst 10; every other event shares one bucket of one per second,
 *   burst 4: `rate.Every(time.Second)` is the refill, the second number the burst); a refused
 *   event is answered once per throttling period with `throttled` and the event's name.
 */

/** golang.org/x/time/rate `Limiter.Allow`: refill `perSecond` tokens a second up to `burst`, take one. */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.lastMs = nowMs;
  }

  /** True (and a token taken) when a token is available at `nowMs`. */
  allow(nowMs: number): boolean {
    const elapsedMs = Math.max(0, nowMs - this.lastMs);
    this.lastMs = Math.max(this.lastMs, nowMs);
    this.tokens = Math.min(this.burst, this.tokens + (elapsedMs / 1000) * this.perSecond);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** `limitValuesFor` and `limiterName`: which bucket an event draws from, and its size. */
function bucketOf(event: string): { name: string; perSecond: number; burst: number } {
  if (event === 'auth' || event === 'send logs') return { name: event, perSecond: 1 / 5, burst: 2 };
  if (event === 'send command') return { name: event, perSecond: 1, burst: 10 };
  return { name: '_default', perSecond: 1, burst: 4 };
}

/** One connection's limiters. `send` writes a frame without the token check (`unsafeSendJson`). */
export class ConnectionLimiter {
  private readonly global: TokenBucket;
  private globalThrottled = false;
  private readonly buckets = new Map<string, TokenBucket>();
  /** Keyed by the event itself, not its bucket (`throttles[e]`). */
  private readonly throttled = new Map<string, boolean>();

  constructor(
    private readonly now: () => number,
    private readonly send: (frame: { event: string; args: string[] }) => void,
  ) {
    this.global = new TokenBucket(5, 10, now());
  }

  /** The read loop's `rl.Allow()`: false drops the message. */
  allowMessage(): boolean {
    if (!this.global.allow(this.now())) {
      if (!this.globalThrottled) {
        this.globalThrottled = true;
        this.send({ event: 'throttled', args: ['global'] });
      }
      return false;
    }
    this.globalThrottled = false;
    return true;
  }

  /** `IsThrottled(e)`: true drops the event. */
  isThrottled(event: string): boolean {
    const { name, perSecond, burst } = bucketOf(event);
    let bucket = this.buckets.get(name);
    if (!bucket) {
      bucket = new TokenBucket(perSecond, burst, this.now());
      this.buckets.set(name, bucket);
    }
    if (bucket.allow(this.now())) {
      this.throttled.set(event, false);
      return false;
    }
    if (!this.throttled.get(event)) {
      this.throttled.set(event, true);
      this.send({ event: 'throttled', args: [event] });
    }
    return true;
  }
}
