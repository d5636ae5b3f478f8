/**
 * A token bucket as golang.org/x/time/rate's `Limiter` keeps one, which is what Wings throttles
 * its websocket with: `burst` tokens at most, one more every `intervalMs`, one taken per message.
 * The client keeps the same buckets so that what it sends never finds Wings' bucket empty.
 */

/** The longest a bucket's interval is stretched after repeated `throttled` frames: 8 times. */
export const MAX_SLOWDOWN = 8;

/** One bucket; time comes in from the caller, so it is pure and tested without a clock. */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;
  /** 1, or 2, 4, 8 after `throttled` frames: the interval is this many times longer. */
  private slowdown = 1;

  constructor(
    private readonly intervalMs: number,
    private readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.lastMs = nowMs;
  }

  /** The interval in force now (stretched after a `throttled`). */
  get currentIntervalMs(): number {
    return this.intervalMs * this.slowdown;
  }

  /** 0 when a token can be taken at `nowMs`, else how long until one can. */
  waitMs(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) * this.currentIntervalMs);
  }

  /** Takes a token; false (nothing taken) when none is there at `nowMs`. */
  take(nowMs: number): boolean {
    if (this.waitMs(nowMs) > 0) return false;
    this.tokens -= 1;
    return true;
  }

  /**
   * Wings said it throttled this kind of message: its bucket is empty whatever ours says (frames
   * that arrived bunched up after a hiccup), so ours is emptied too, and refills at half the
   * speed (down to an eighth) until it is full again: a bucket that trips Wings twice backs off.
   */
  throttled(nowMs: number): void {
    this.refill(nowMs);
    this.tokens = 0;
    this.slowdown = Math.min(MAX_SLOWDOWN, this.slowdown * 2);
  }

  private refill(nowMs: number): void {
    const elapsedMs = Math.max(0, nowMs - this.lastMs);
    this.lastMs = Math.max(this.lastMs, nowMs);
    this.tokens = Math.min(this.burst, this.tokens + elapsedMs / this.currentIntervalMs);
    // Full again without another `throttled`: back to Wings' own pace.
    if (this.tokens >= this.burst) this.slowdown = 1;
  }
}
