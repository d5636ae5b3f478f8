/**
 * Laravel's `ThrottleRequests` over its cache `RateLimiter` (laravel/framework
 * `src/Illuminate/Routing/Middleware/ThrottleRequests.php`, `src/Illuminate/Cache/RateLimiter.php`):
 * a window per key that starts at the key's first hit and lasts the decay period. A request is
 * refused when the key already has `max` hits in a live window (`tooManyAttempts`, checked before
 * the hit, so a refusal is not counted); otherwise it is counted (`hit`). Every response carries
 * X-RateLimit-Limit / -Remaining; a 429 adds Retry-After / X-RateLimit-Reset (`getHeaders`).
 */
import type { Clock } from '../../core/util/deps';

/** The outcome of one hit. */
export interface RateLimitResult {
  allowed: boolean;
  headers: Record<string, string>;
}

/** Counters per key, each with its own limit and window (`limiter.hit($key, $decaySeconds)`). */
export class WindowLimiter {
  private readonly windows = new Map<string, { startMs: number; hits: number }>();

  constructor(private readonly clock: Clock) {}

  /** Counts a request for `key` against `max` per `windowMs`, or refuses it. */
  hit(key: string, max: number, windowMs: number): RateLimitResult {
    const now = this.clock.now();
    let window = this.windows.get(key);
    if (!window || now - window.startMs >= windowMs) {
      window = { startMs: now, hits: 0 };
      this.windows.set(key, window);
    }
    const headers: Record<string, string> = { 'X-RateLimit-Limit': String(max) };
    if (window.hits >= max) {
      const resetMs = window.startMs + windowMs;
      headers['X-RateLimit-Remaining'] = '0';
      headers['Retry-After'] = String(Math.max(1, Math.ceil((resetMs - now) / 1000)));
      headers['X-RateLimit-Reset'] = String(Math.ceil(resetMs / 1000));
      return { allowed: false, headers };
    }
    window.hits++;
    headers['X-RateLimit-Remaining'] = String(max - window.hits);
    return { allowed: true, headers };
  }

  /** Forgets every window. */
  reset(): void {
    this.windows.clear();
  }
}

/** `throttle:api.client`: one limit a minute per API key (§2.4). */
export class RateLimiter {
  private readonly windows: WindowLimiter;

  constructor(
    private readonly limitPerMinute: number,
    clock: Clock,
  ) {
    this.windows = new WindowLimiter(clock);
  }

  /** Counts a request for `key`. */
  hit(key: string): RateLimitResult {
    return this.windows.hit(key, this.limitPerMinute, 60_000);
  }

  /** Forgets every window (a new key, or a test reset). */
  reset(): void {
    this.windows.reset();
  }
}

/**
 * The headers of a response that passed two `ThrottleRequests`: the route's own limiter (inner)
 * answered first, then `throttle:api.client` (outer) adds its pair only when the response carries
 * no X-RateLimit-Remaining or a higher one than its own (`getHeaders` returns [] when the
 * response's remaining is <= its own; `headers->add` replaces). So the tighter pair wins, and an
 * inner 429 (remaining 0) keeps its Limit, Remaining, Retry-After and Reset.
 */
export function combineLimitHeaders(outer: Record<string, string>, inner: Record<string, string>): Record<string, string> {
  const combined = { ...inner };
  const outerRemaining = outer['X-RateLimit-Remaining'];
  const innerRemaining = inner['X-RateLimit-Remaining'];
  if (outerRemaining === undefined) return combined;
  if (innerRemaining === undefined || Number(innerRemaining) > Number(outerRemaining)) {
    combined['X-RateLimit-Limit'] = outer['X-RateLimit-Limit'] ?? '';
    combined['X-RateLimit-Remaining'] = outerRemaining;
  }
  return combined;
}
