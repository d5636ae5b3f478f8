/**
 * The authentication of one open socket: which token was sent and accepted, whether it has died,
 * and the commands sent under it lately (a `jwt error` right after names them as refused).
 * Reset whenever the socket is replaced.
 */
import type { Clock } from '../util/deps';
import { TokenWatch, type TokenWatchHandlers } from './token-watch';

/** A `jwt error` this long after a command names that command as refused (Wings answers in ms). */
export const COMMAND_REFUSAL_WINDOW_MS = 2_000;
/**
 * A `jwt error` this soon after `auth success` was written before it: Wings checks the token and
 * writes in separate goroutines (`HandleInbound`, `SendJson` in wings router/websocket/
 * websocket.go), so a refusal under the old token can land just after the new one was accepted.
 */
export const JWT_STRAGGLER_MS = 1_000;

/** What an `auth success` was. */
export type AuthKind = 'first' | 'reauth-after-death' | 'refresh';

export class AuthSession {
  /** The token died and no new one was accepted yet: Wings drops whatever is sent. */
  isTokenDead = false;
  private hasAuthenticated = false;
  /** When a token replaced one that had died: only then can a refusal of the old one follow. */
  private lastReauthAtMs = Number.NEGATIVE_INFINITY;
  private pendingToken: { token: string; fetchedAtMs: number } | null = null;
  private readonly watch: TokenWatch;
  private recentCommands: Array<{ command: string; atMs: number }> = [];

  constructor(
    private readonly clock: Clock,
    handlers: TokenWatchHandlers,
  ) {
    this.watch = new TokenWatch(clock, handlers);
  }

  /** A token is about to be sent in `auth` (fetched just now). */
  sending(token: string): void {
    this.pendingToken = { token, fetchedAtMs: this.clock.now() };
  }

  /** Wings answered `auth success`: watch the token sent, and say what kind of auth it was. */
  accepted(): AuthKind {
    if (this.pendingToken) this.watch.track(this.pendingToken.token, this.pendingToken.fetchedAtMs);
    this.pendingToken = null;
    this.recentCommands = [];
    const wasDead = this.isTokenDead;
    this.isTokenDead = false;
    if (!this.hasAuthenticated) {
      this.hasAuthenticated = true;
      return 'first';
    }
    if (!wasDead) return 'refresh';
    this.lastReauthAtMs = this.clock.now();
    return 'reauth-after-death';
  }

  /** The token died (by its claims, or Wings said so). False when it already had. */
  died(): boolean {
    if (this.isTokenDead) return false;
    this.isTokenDead = true;
    this.watch.cancel();
    return true;
  }

  /** True when a command sent now would reach the server before the token dies. */
  canDeliver(): boolean {
    return !this.isTokenDead && this.watch.canDeliver();
  }

  /**
   * A `jwt error` this soon after a dead token was replaced may be a refusal under the old one,
   * written after `auth success`. After a first auth there is no old token (Wings pushes nothing
   * before it), and a refresh replaces a token that was still good: neither has stragglers.
   */
  isStraggler(): boolean {
    return this.clock.now() - this.lastReauthAtMs < JWT_STRAGGLER_MS;
  }

  noteCommand(command: string): void {
    const now = this.clock.now();
    this.recentCommands = [...this.recentCommands.filter((c) => now - c.atMs < COMMAND_REFUSAL_WINDOW_MS), { command, atMs: now }];
  }

  /** The commands a `jwt error` now refused; forgotten once told. */
  takeRefused(): string[] {
    const now = this.clock.now();
    const refused = this.recentCommands.filter((c) => now - c.atMs < COMMAND_REFUSAL_WINDOW_MS).map((c) => c.command);
    this.recentCommands = [];
    return refused;
  }

  /** The socket is gone or being replaced. */
  reset(): void {
    this.watch.cancel();
    this.pendingToken = null;
    this.isTokenDead = false;
    this.hasAuthenticated = false;
    this.lastReauthAtMs = Number.NEGATIVE_INFINITY;
    this.recentCommands = [];
  }
}
