/**
 * The small timed pieces of an account's watch: its status (with the end of a rate-limit wait,
 * which no request may come to announce), and the one timer of its list refresh.
 */
import type { Clock } from '../util/deps';
import type { AccountStatus } from '../../shared/types';

/** An account's status and the sentence that goes with it. */
export class AccountState {
  status: AccountStatus = 'checking';
  message: string | null = null;
  // ── notices (issue 15) ──
  /** While rate-limited: epoch ms when the panel answers again (buttons and headers count down to it). */
  retryAtMs: number | null = null;
  private waitTimer: unknown = null;

  constructor(
    private readonly clock: Clock,
    private readonly onChange: () => void,
  ) {}

  set(status: AccountStatus, message: string | null): void {
    this.clearWait();
    if (this.status === status && this.message === message && this.retryAtMs === null) return;
    this.retryAtMs = null;
    this.status = status;
    this.message = message;
    this.onChange();
  }

  /**
   * The panel asked to wait. Shown as `rate-limited` until a request succeeds, or the wait is
   * over: with every server followed live, no request may come along to say so.
   */
  rateLimited(message: string, waitMs: number): void {
    if (this.status !== 'ok' && this.status !== 'checking' && this.status !== 'rate-limited') return;
    this.set('rate-limited', message);
    const retryAtMs = this.clock.now() + Math.max(1_000, waitMs);
    if (this.retryAtMs !== retryAtMs) {
      this.retryAtMs = retryAtMs;
      this.onChange();
    }
    this.waitTimer = this.clock.setTimeout(
      () => {
        this.waitTimer = null;
        if (this.status === 'rate-limited') this.set('ok', null);
      },
      Math.max(1_000, waitMs),
    );
  }

  dispose(): void {
    this.clearWait();
  }

  private clearWait(): void {
    if (this.waitTimer !== null) this.clock.clearTimeout(this.waitTimer);
    this.waitTimer = null;
  }
}

/** The single timer of the next list refresh. */
export class ListSchedule {
  private timer: unknown = null;
  private atMs = Number.POSITIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly run: () => void,
  ) {}

  get isPending(): boolean {
    return this.timer !== null;
  }

  /** Replaces whatever was scheduled. */
  in(delayMs: number): void {
    this.clear();
    this.atMs = this.clock.now() + delayMs;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.atMs = Number.POSITIVE_INFINITY;
      this.run();
    }, delayMs);
  }

  /** Brings the next refresh forward to `delayMs` from now, never later than it was. */
  soon(delayMs: number): void {
    if (this.atMs > this.clock.now() + delayMs) this.in(delayMs);
  }

  clear(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.atMs = Number.POSITIVE_INFINITY;
  }
}
