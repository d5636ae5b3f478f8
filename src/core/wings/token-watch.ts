/**
 * The life of the token a socket is authenticated with: when to ask for the next one, and when
 * the current one is dead even though Wings has not said so (see token-lifetime.ts). Wings
 * announces `token expiring` only on a 30-second tick when at most 60 s remain, and `token
 * expired` hardly ever gets through; these timers do not depend on either.
 */
import type { Clock } from '../util/deps';
import { tokenExpiresAtMs } from './token-lifetime';

/**
 * A refresh is asked for this long before the token dies (Wings warns at <= 60 s left, on a 30 s
 * tick), or at half its life for short-lived tokens, so a 60 s token is not refreshed non-stop.
 */
export const REFRESH_LEAD_MS = 60_000;
/**
 * Commands are not sent over a socket whose token dies within this long: Wings would drop them
 * with a `jwt error` if its clock is a little ahead, and a dropped command must go by REST instead.
 */
export const DELIVERY_MARGIN_MS = 5_000;

/** What the watch tells its socket. */
export interface TokenWatchHandlers {
  /** The token is near its end: fetch the next one now. */
  onRefreshDue(): void;
  /** The token is dead by the claims' own clock. */
  onExpired(): void;
}

/** Timers for one socket's current token. */
export class TokenWatch {
  private expiresAtMs: number | null = null;
  private refreshTimer: unknown = null;
  private expiryTimer: unknown = null;

  constructor(
    private readonly clock: Clock,
    private readonly handlers: TokenWatchHandlers,
  ) {}

  /** A token was accepted by Wings (`auth success`): watch it instead of the previous one. */
  track(token: string, receivedAtMs: number): void {
    this.cancel();
    this.expiresAtMs = tokenExpiresAtMs(token, receivedAtMs);
    if (this.expiresAtMs === null) return;
    const now = this.clock.now();
    const leadMs = Math.min(REFRESH_LEAD_MS, (this.expiresAtMs - receivedAtMs) / 2);
    this.refreshTimer = this.clock.setTimeout(
      () => {
        this.refreshTimer = null;
        this.handlers.onRefreshDue();
      },
      Math.max(0, this.expiresAtMs - leadMs - now),
    );
    this.expiryTimer = this.clock.setTimeout(
      () => {
        this.expiryTimer = null;
        this.handlers.onExpired();
      },
      Math.max(0, this.expiresAtMs - now),
    );
  }

  /** True while the token has comfortably long to live (or its lifetime is not known). */
  canDeliver(): boolean {
    return this.expiresAtMs === null || this.clock.now() < this.expiresAtMs - DELIVERY_MARGIN_MS;
  }

  /** Stops both timers; the token is no longer this socket's. */
  cancel(): void {
    if (this.refreshTimer !== null) this.clock.clearTimeout(this.refreshTimer);
    if (this.expiryTimer !== null) this.clock.clearTimeout(this.expiryTimer);
    this.refreshTimer = null;
    this.expiryTimer = null;
    this.expiresAtMs = null;
  }
}
