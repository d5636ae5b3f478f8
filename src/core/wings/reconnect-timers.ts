/**
 * The timers of one WingsSocket's connection attempts: the connect timeout (socket created to
 * `auth success`) and the jittered back-off before the next attempt, which resets once a
 * connection stayed up `stableAfterMs`. Each timer is cleared before another is set.
 */
import { backoffDelayMs } from './backoff';
import type { ResolvedSocketOptions } from './options';

type TimerOptions = Pick<ResolvedSocketOptions, 'clock' | 'backoff' | 'random' | 'stableAfterMs' | 'connectTimeoutMs'>;

export class ReconnectTimers {
  /** Attempts since the last stable connection: the back-off's exponent. */
  private attempt = 0;
  private connectedAtMs: number | null = null;
  private retryTimer: unknown = null;
  private connectTimer: unknown = null;

  constructor(private readonly cfg: TimerOptions) {}

  /** A fresh start (`connect()`): the back-off begins again. */
  reset(): void {
    this.attempt = 0;
  }

  /** Wings said `throttled`: the next reconnect waits longer. */
  slowDown(): void {
    this.attempt += 1;
  }

  /** A socket was created: `onTimeout` runs unless `authenticated()` comes first. */
  startConnectTimer(onTimeout: () => void): void {
    this.clearConnectTimer();
    this.connectTimer = this.cfg.clock.setTimeout(() => {
      this.connectTimer = null;
      onTimeout();
    }, this.cfg.connectTimeoutMs);
  }

  /** The first `auth success` of a socket. */
  authenticated(): void {
    this.clearConnectTimer();
    this.connectedAtMs = this.cfg.clock.now();
  }

  /** The connection ended without a retry (a stop). */
  ended(): void {
    this.connectedAtMs = null;
  }

  /** Schedules `attempt` after the back-off (at least `minDelayMs`); returns the delay. */
  scheduleRetry(minDelayMs: number, attempt: () => void): number {
    const { clock, stableAfterMs } = this.cfg;
    if (this.connectedAtMs !== null && clock.now() - this.connectedAtMs >= stableAfterMs) this.attempt = 0;
    this.connectedAtMs = null;
    this.clear();
    const delayMs = Math.max(backoffDelayMs(this.attempt, this.cfg.backoff, this.cfg.random), minDelayMs);
    this.attempt += 1;
    this.retryTimer = clock.setTimeout(() => {
      this.retryTimer = null;
      attempt();
    }, delayMs);
    return delayMs;
  }

  clearConnectTimer(): void {
    if (this.connectTimer !== null) this.cfg.clock.clearTimeout(this.connectTimer);
    this.connectTimer = null;
  }

  /** Clears both timers. */
  clear(): void {
    this.clearConnectTimer();
    if (this.retryTimer !== null) this.cfg.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
