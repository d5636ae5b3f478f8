/**
 * Fetches a fresh websocket token when Wings asks for one, without storms: one fetch in flight at
 * most, a minimum interval between fetches, and a back-off when fetches keep failing.
 */
import type { PanelError } from '../api/errors';
import type { WebsocketCredentials } from '../api/models';
import type { Clock, Logger } from '../util/deps';
import { backoffDelayMs } from './backoff';
import { isFatalCredentialError, toPanelError } from './errors';
import type { BackoffOptions } from './types';

/** What the refresher needs; the callbacks are the socket's. */
export interface TokenRefresherOptions {
  fetchCredentials: () => Promise<WebsocketCredentials>;
  clock: Clock;
  logger: Logger;
  random: () => number;
  backoff: BackoffOptions;
  minIntervalMs: number;
  /** A fresh token arrived: re-auth on the same socket (or move, if the socket URL changed). */
  onCredentials: (credentials: WebsocketCredentials) => void;
  /** The panel refused in a way waiting will not fix. */
  onFatal: (error: PanelError) => void;
}

/** Single-flight, rate-limited token refresh for one WingsSocket. */
export class TokenRefresher {
  private isInFlight = false;
  private timer: unknown = null;
  private lastFetchAtMs = Number.NEGATIVE_INFINITY;
  private failures = 0;
  /** Bumped by cancel(); a fetch that resolves under an older generation is dropped. */
  private generation = 0;

  constructor(private readonly opts: TokenRefresherOptions) {}

  /** The socket fetched credentials itself (a (re)connect): that counts against the interval. */
  noteFreshToken(): void {
    this.lastFetchAtMs = this.opts.clock.now();
    this.failures = 0;
  }

  /** Asks for a refresh. Extra requests while one is in flight or scheduled are folded into it. */
  request(): void {
    if (this.isInFlight || this.timer !== null) return;
    const waitMs = this.lastFetchAtMs + this.opts.minIntervalMs - this.opts.clock.now();
    if (waitMs > 0) {
      this.schedule(waitMs);
      return;
    }
    this.run();
  }

  /**
   * Fetches now instead of at the scheduled retry: the panel answers again (the account
   * recovered) or a person asked for a refresh. One fetch in flight still means one.
   */
  retryNow(): void {
    if (this.isInFlight) return;
    if (this.timer !== null) this.opts.clock.clearTimeout(this.timer);
    this.timer = null;
    this.run();
  }

  /**
   * Fetches exactly one token `delayMs` from now, in place of whatever was scheduled or under
   * way (a token from that fetch may predate a denial): denial recovery (denial-recovery.ts). It
   * is one fetch, so the minimum interval (a guard against bursts) does not hold it back.
   */
  requestAfter(delayMs: number): void {
    this.cancel();
    this.schedule(delayMs);
  }

  /** True while a fetch runs or a retry is scheduled. */
  get isPending(): boolean {
    return this.isInFlight || this.timer !== null;
  }

  /** Drops any scheduled or in-flight refresh (the socket went away or is being replaced). */
  cancel(): void {
    this.generation += 1;
    this.isInFlight = false;
    if (this.timer !== null) {
      this.opts.clock.clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private schedule(delayMs: number): void {
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = null;
      this.run();
    }, delayMs);
  }

  private run(): void {
    const generation = this.generation;
    this.isInFlight = true;
    this.lastFetchAtMs = this.opts.clock.now();
    this.opts.fetchCredentials().then(
      (credentials) => {
        if (generation !== this.generation) return;
        this.isInFlight = false;
        this.failures = 0;
        this.opts.onCredentials(credentials);
      },
      (err: unknown) => {
        if (generation !== this.generation) return;
        this.isInFlight = false;
        this.onFailure(toPanelError(err));
      },
    );
  }

  private onFailure(error: PanelError): void {
    if (isFatalCredentialError(error)) {
      this.opts.onFatal(error);
      return;
    }
    const delayMs = Math.max(backoffDelayMs(this.failures, this.opts.backoff, this.opts.random), error.retryAfterMs ?? 0);
    this.failures += 1;
    this.opts.logger.warn('wings: token refresh failed, retrying', { kind: error.kind, retryInMs: delayMs });
    this.schedule(delayMs);
  }
}
