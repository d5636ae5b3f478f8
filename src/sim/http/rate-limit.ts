/**
 * Laravel's `ThrottleRequests` for the client API (§2.4): a fixed 60 s window per API key, with
 * X-RateLimit-Limit / -Remaining on every response and Retry-After / X-RateLimit-Reset on a 429.
 */
import type { Clock } from '../../core/util/deps';

const WINDOW_MS = 60_000;

/** The outcome of one hit. */
export interface RateLimitResult {
  allowed: boolean;
  headers: Record<string, string>;
}

/** Per-key counters. */
export class RateLimiter {
  private readonly windows = new Map<string, { startMs: number; hits: number }>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly clock: Clock,
  ) {}

  /** Counts a request for `key`. */
  hit(key: string): RateLimitResult {
    const now = this.clock.now();
    let window = this.windows.get(key);
    if (!window || now - window.startMs >= WINDOW_MS) {
      window = { startMs: now, hits: 0 };
      this.windows.set(key, window);
    }
    const headers: Record<string, string> = { 'X-RateLimit-Limit': String(this.limitPerMinute) };
    if (window.hits >= this.limitPerMinute) {
      const resetMs = window.startMs + WINDOW_MS;
      headers['X-RateLimit-Remaining'] = '0';
      headers['Retry-After'] = String(Math.max(1, Math.ceil((resetMs - now) / 1000)));
      headers['X-RateLimit-Reset'] = String(Math.ceil(resetMs / 1000));
      return { allowed: false, headers };
    }
    window.hits++;
    headers['X-RateLimit-Remaining'] = String(this.limitPerMinute - window.hits);
    return { allowed: true, headers };
  }

  /** Forgets every window (a new key, or a test reset). */
  reset(): void {
    this.windows.clear();
  }
}
