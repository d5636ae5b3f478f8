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
 */

/** Laravel's `perMinutes(1, …)` decay. */
export const RATE_WINDOW_MS = 60_000;
/** Added to a window's end before it is taken as over: the panel's clock and the network. */
export const WINDOW_END_MARGIN_MS = 1_000;

/** What the tracker believes about the current window. */
export interface RateWindowView {
  /** Remaining as last said, less the requests sent since that have not been answered; null before any answer. */
  remaining: number | null;
  /** By when the window that `remaining` belongs to is over for sure; null before any answer. */
  endsByMs: number | null;
}

/** Follows the window from (send time, answer headers) pairs. */
export class RateWindow {
  private lastSentAtMs = Number.NEGATIVE_INFINITY;
  private lastRemaining: number | null = null;
  private startedByMs: number | null = null;
  /** Requests sent after the answer believed last, not answered yet. */
  private unanswered = 0;

  /** A request goes out now. */
  sent(): void {
    this.unanswered += 1;
  }

  /** The answer to a request sent at `sentAtMs`, with its X-RateLimit-Remaining (or null). */
  answered(sentAtMs: number, remaining: number | null): void {
    this.unanswered = Math.max(0, this.unanswered - 1);
    if (remaining === null || sentAtMs < this.lastSentAtMs) return;
    const isNewWindow = this.lastRemaining === null || remaining > this.lastRemaining || (this.startedByMs !== null && sentAtMs >= this.startedByMs + RATE_WINDOW_MS);
    if (isNewWindow) this.startedByMs = sentAtMs;
    this.lastSentAtMs = sentAtMs;
    this.lastRemaining = remaining;
  }

  /** A 429 said when the window ends (X-RateLimit-Reset / Retry-After): nothing is left until then. */
  exhaustedUntil(sentAtMs: number, untilMs: number): void {
    if (sentAtMs < this.lastSentAtMs) return;
    this.lastSentAtMs = sentAtMs;
    this.lastRemaining = 0;
    this.startedByMs = untilMs - RATE_WINDOW_MS;
  }

  /** The window now; a window past its end is a new one nobody has been seen to use yet. */
  view(nowMs: number): RateWindowView {
    if (this.lastRemaining === null || this.startedByMs === null) return { remaining: null, endsByMs: null };
    const endsByMs = this.startedByMs + RATE_WINDOW_MS + WINDOW_END_MARGIN_MS;
    if (nowMs >= endsByMs) return { remaining: null, endsByMs: null };
    return { remaining: Math.max(0, this.lastRemaining - this.unanswered), endsByMs };
  }
}
