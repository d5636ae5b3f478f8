/**
 * A token bucket in front of every background request the monitor sends to one panel: polls,
 * websocket tokens and the username. It is what staggers 200 socket connects over a minute
 * instead of one second, and what holds everything while the panel says to wait (a 429's
 * Retry-After), so no work piles up behind the client's own block. Background requests also go
 * one at a time: when one is answered 429, no other is already on its way into the window.
 */
import { PanelError } from '../api/errors';
import type { Clock } from '../util/deps';
import { bucketShape } from './budget';

/** `high` waiters (token refreshes of live sockets, whose token is about to expire) go first. */
export type BudgetPriority = 'high' | 'normal';

/** What the bucket reads each time it refills, so limit and settings changes apply at once. */
export interface RequestBudgetOptions {
  clock: Clock;
  /** Requests a minute the monitor may use on this panel now. */
  perMinute: () => number;
  /** Epoch ms until which the panel must not be asked anything, or null. */
  blockedUntilMs: () => number | null;
  /** Told once each time the bucket starts holding requests because of a block. */
  onBlocked?: () => void;
  /** The bucket's burst as a share of the minute (budget.ts bucketShape); read at each refill. */
  burstShare?: () => number;
  /**
   * The panel's window as the user's whole use leaves it (budget.ts windowHeadroom): when it says
   * to wait, nothing background goes until then, whatever the bucket holds.
   */
  headroom?: () => { retryAtMs: number | null };
}

/** Ends the slot a `take` gave; idempotent. */
export type BudgetRelease = () => void;

interface Waiter {
  resolve(release: BudgetRelease): void;
  reject(err: PanelError): void;
  /** Lower goes first among `normal` waiters (what is on screen, favourites); read when picking. */
  rank?: () => number;
}

/** Single-timer token bucket with two priorities. */
export class RequestBudget {
  private tokens: number;
  private lastRefillMs: number;
  private readonly queues: Record<BudgetPriority, Waiter[]> = { high: [], normal: [] };
  private timer: unknown = null;
  private pausedBy: PanelError | null = null;
  private isBlocked = false;
  private isDisposed = false;
  private inFlight = 0;
  private wasBurst = false;

  constructor(private readonly opts: RequestBudgetOptions) {
    this.tokens = bucketShape(opts.perMinute(), opts.burstShare?.()).capacity;
    this.lastRefillMs = opts.clock.now();
  }

  /** Waiters not served yet. */
  get pending(): number {
    return this.queues.high.length + this.queues.normal.length;
  }

  /**
   * Resolves when one request may be sent, with the function to call once it is answered (the
   * next background request waits for that). Rejects at once while paused, and on dispose.
   */
  take(priority: BudgetPriority = 'normal', rank?: () => number): Promise<BudgetRelease> {
    if (this.isDisposed) return Promise.reject(cancelled());
    if (this.pausedBy) return Promise.reject(this.pausedBy);
    return new Promise<BudgetRelease>((resolve, reject) => {
      this.queues[priority].push({ resolve, reject, rank });
      this.pump();
    });
  }

  /** Takes a slot, runs `fn`, and frees the slot however `fn` ends. */
  async run<T>(priority: BudgetPriority, fn: () => Promise<T>, rank?: () => number): Promise<T> {
    const release = await this.take(priority, rank);
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Counts a request sent on a person's behalf: it may drive the bucket below zero. */
  charge(count = 1): void {
    this.refill();
    this.tokens -= count;
  }

  /** Rejects every waiter and future take with `reason` until `resume()` (the panel is down). */
  pause(reason: PanelError): void {
    this.pausedBy = reason;
    this.rejectAll(reason);
  }

  resume(): void {
    this.pausedBy = null;
  }

  dispose(): void {
    this.isDisposed = true;
    this.clearTimer();
    this.rejectAll(cancelled());
  }

  private pump(): void {
    this.clearTimer();
    if (this.isDisposed || this.pending === 0) return;
    const now = this.opts.clock.now();
    const blockedUntil = this.opts.blockedUntilMs();
    if (blockedUntil !== null && blockedUntil > now) {
      if (!this.isBlocked) this.opts.onBlocked?.();
      this.isBlocked = true;
      this.arm(blockedUntil - now);
      return;
    }
    this.isBlocked = false;
    this.refill();
    if (this.inFlight > 0) return; // release() pumps again
    const retryAtMs = this.opts.headroom?.().retryAtMs ?? null;
    if (retryAtMs !== null) {
      this.arm(Math.max(1, retryAtMs - now));
      return;
    }
    if (this.tokens >= 1) {
      this.tokens -= 1;
      const waiter = this.queues.high.shift() ?? this.nextNormal();
      waiter?.resolve(this.grant());
    }
    if (this.pending > 0 && this.inFlight === 0) this.arm(this.msUntilToken());
  }

  /** The `normal` waiter of lowest rank; the first of equals (FIFO). */
  private nextNormal(): Waiter | undefined {
    const queue = this.queues.normal;
    let best = -1;
    let bestRank = Number.POSITIVE_INFINITY;
    for (let i = 0; i < queue.length; i++) {
      const rank = queue[i]!.rank?.() ?? Number.MAX_SAFE_INTEGER;
      if (rank < bestRank) {
        best = i;
        bestRank = rank;
      }
    }
    return best < 0 ? queue.shift() : queue.splice(best, 1)[0];
  }

  private grant(): BudgetRelease {
    this.inFlight += 1;
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      this.inFlight -= 1;
      this.pump();
    };
  }

  private refill(): void {
    const now = this.opts.clock.now();
    const burstShare = this.opts.burstShare?.();
    const { capacity, refillPerMs } = bucketShape(this.opts.perMinute(), burstShare);
    const isBurst = (burstShare ?? 0) >= 1;
    // Start-up begins (the panel's window is known and states are not): the minute is there at once.
    if (isBurst && !this.wasBurst) this.tokens = capacity;
    this.wasBurst = isBurst;
    this.tokens = Math.min(capacity, this.tokens + (now - this.lastRefillMs) * refillPerMs);
    this.lastRefillMs = now;
  }

  private msUntilToken(): number {
    const { refillPerMs } = bucketShape(this.opts.perMinute());
    return Math.max(1, Math.ceil((1 - this.tokens) / refillPerMs));
  }

  private arm(delayMs: number): void {
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = null;
      this.pump();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.opts.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private rejectAll(err: PanelError): void {
    const waiters = [...this.queues.high, ...this.queues.normal];
    this.queues.high = [];
    this.queues.normal = [];
    this.clearTimer();
    for (const w of waiters) w.reject(err);
  }
}

function cancelled(): PanelError {
  return new PanelError({ kind: 'cancelled', message: 'The monitor stopped watching this panel.' });
}
