/**
 * When to try again, pure: exponential back-off with jitter for a failure (so a hundred channels
 * behind one dead proxy do not retry in step), the receiver's own wait for a 429, and when a channel
 * counts as failing. A failure defers the whole channel (its oldest alert is the probe), so a channel
 * down for an hour costs one request per back-off step, not one per alert.
 */

/** First retry after a failure. */
export const RETRY_BASE_MS = 5_000;
/** The longest back-off: a channel that comes back is served within this. */
export const RETRY_MAX_MS = 5 * 60_000;
/** A 429 without a usable wait. */
export const DEFAULT_RATE_LIMIT_MS = 2_000;
/** Consecutive failures after which a channel is marked failing (a refusal marks it at once). */
export const FAILING_AFTER = 3;

/** Back-off after the `failures`-th failure in a row (1 → about RETRY_BASE_MS), `random` in [0, 1). */
export function retryDelayMs(failures: number, random: () => number): number {
  const exponent = Math.max(0, Math.min(failures - 1, 20));
  const plain = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** exponent);
  // ±20 %, never past the cap.
  return Math.min(RETRY_MAX_MS, Math.round(plain * (0.8 + 0.4 * random())));
}

/** The wait a 429 asks for, with a small margin (Discord's float can round below its bucket's reset). */
export function rateLimitDelayMs(retryAfterMs: number | null): number {
  return retryAfterMs === null ? DEFAULT_RATE_LIMIT_MS : retryAfterMs + 50;
}

/** True when a channel with this record is failing. */
export function isFailing(consecutiveFailures: number, lastWasRefusal: boolean): boolean {
  return lastWasRefusal || consecutiveFailures >= FAILING_AFTER;
}
