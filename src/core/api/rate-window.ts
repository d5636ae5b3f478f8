/**
 * The panel's rate-limit window as seen from its headers. Laravel's ThrottleRequests (both
 * panels' `throttle:api.client`, RouteServiceProvider::configureRateLimiting) counts hits in a
 * fixed window that starts at the first hit and lasts the limit's decay (one minute):
 * `RateLimiter::hit` adds the key with its decay once and increments it after. Every answer says
 * `X-RateLimit-Remaining`, which counts everything the user did with any key of theirs, the
 * browser's panel tab included.
 *
 * So from the answers alone: remaining goes down within a window and jumps up when a new one
 * began; a window seen first in the answer to a request sent at T began no later than T, so it is
 * over by T + one minute. Answers can arrive out of the order their requests went in (up to four
 * run at once): only an answer to a request sent after the last one believed can start a window.
 *
 * Not every answer tells. A route with its own limiter (the websocket token's 5 a minute, backups…)
 * runs it inside `throttle:api.client`, and the outer one adds its pair only when the response has
 * no lower X-RateLimit-Remaining (`getHeaders` returns [] otherwise; src/sim/http/rate-limit.ts
 * combineLimitHeaders): a token's answer says "5, 4 left" while the panel still counted it
 * against the user's 256. At start-up nearly every request is a token, so such answers count as
 * used, and when no answer told about the current window at all, every request of the last minute
 * counts against it (a window that began within the minute holds at most those).
 */

/** Laravel's `perMinutes(1, …)` decay. */
export const RATE_WINDOW_MS = 60_000;
/** Added to a window's end before it is taken as over: the panel's clock and the network. */
export const WINDOW_END_MARGIN_MS = 1_000;

/** What the tracker believes about the current window. */
export interface RateWindowView {
  /** Remaining as last said, less the requests sent since that it does not include; null when nothing is known. */
  remaining: number | null;
  /** By when that count is over for sure (the window's end, or the oldest request leaving the minute); null with it. */
  endsByMs: number | null;
}

/** Follows the window from (send time, answer headers) pairs. */
export class RateWindow {
  private lastSentAtMs = Number.NEGATIVE_INFINITY;
  private lastRemaining: number | null = null;
  private startedByMs: number | null = null;
  private limit: number | null = null;
  /** Send times (ascending) of requests the believed answer does not include: in flight, or answered without the panel's count. */
  private uncounted: number[] = [];

  /** A request goes out at `atMs`. */
  sent(atMs: number): void {
    this.uncounted.push(atMs);
    const horizon = atMs - 2 * RATE_WINDOW_MS;
    if ((this.uncounted[0] ?? atMs) < horizon) this.uncounted = this.uncounted.filter((t) => t >= horizon);
  }

  /**
   * The answer to a request sent at `sentAtMs`, with the panel's X-RateLimit-Remaining and -Limit
   * (null when it did not carry the panel's pair: then the request still counts as used).
   */
  answered(sentAtMs: number, remaining: number | null, limit: number | null = null): void {
    if (limit !== null && limit > 0) this.limit = limit;
    if (remaining === null || sentAtMs < this.lastSentAtMs) return;
    const isNewWindow =
      this.lastRemaining === null || remaining > this.lastRemaining || (this.startedByMs !== null && sentAtMs >= this.startedByMs + RATE_WINDOW_MS);
    if (isNewWindow) this.startedByMs = sentAtMs;
    this.lastSentAtMs = sentAtMs;
    this.lastRemaining = remaining;
    // The count it gave includes every request sent up to it.
    this.uncounted = this.uncounted.filter((t) => t > sentAtMs);
  }

  /** A 429 said when the window ends (X-RateLimit-Reset / Retry-After): nothing is left until then. */
  exhaustedUntil(sentAtMs: number, untilMs: number): void {
    if (sentAtMs < this.lastSentAtMs) return;
    this.lastSentAtMs = sentAtMs;
    this.lastRemaining = 0;
    this.startedByMs = untilMs - RATE_WINDOW_MS;
    this.uncounted = this.uncounted.filter((t) => t > sentAtMs);
  }

  /** The window now. */
  view(nowMs: number): RateWindowView {
    if (this.lastRemaining !== null && this.startedByMs !== null) {
      const endsByMs = this.startedByMs + RATE_WINDOW_MS + WINDOW_END_MARGIN_MS;
      if (nowMs < endsByMs) return { remaining: Math.max(0, this.lastRemaining - this.uncounted.length), endsByMs };
    }
    // No answer told about this window: what went out within the last minute is what it can hold.
    const recent = this.uncounted.filter((t) => t > nowMs - RATE_WINDOW_MS - WINDOW_END_MARGIN_MS);
    const first = recent[0];
    if (this.limit === null || first === undefined) return { remaining: null, endsByMs: null };
    return { remaining: Math.max(0, this.limit - recent.length), endsByMs: first + RATE_WINDOW_MS + WINDOW_END_MARGIN_MS };
  }
}
