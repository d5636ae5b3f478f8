/**
 * The websockets of one panel: one ServerFollower per followed server. Every token request goes
 * through the panel's RequestBudget, so starting 200 followers spreads their token requests over
 * the minute (a token bucket inside the budget) instead of sending 200 in one second. A socket
 * whose token is about to expire asks with `high` priority and is served before new connects.
 */
import { PanelError } from '../api/errors';
import type { WebsocketCredentials } from '../api/models';
import type { ConsoleConnection, ServerRef } from '../../shared/types';
import { featureFromLine, featureFromMatch } from './feature-prompts';
import { followOutcome, liveIssueKind } from './follow-outcome';
import { observeAvailability, observeConsole, observeLive, observeStats, observeState } from './observe';
import type { RegistryContext } from './registry-context';
import type { ServerEntry } from './server-entry';
import { ServerFollower, type FollowConnection, type FollowEnd, type FollowHandlers } from './server-follow';
import { TokenRate } from './token-rate';

/** How long a probed socket may stay silent before it counts as dead (after a sleep). */
export const PROBE_TIMEOUT_MS = 5_000;

/** What the registry hears from its followers besides observations. */
export interface FollowHooks {
  /** A follower gave up and was removed: the registry decides what next. */
  ended(entry: ServerEntry): void;
  /** A follower became live or stopped being live. */
  liveChanged(entry: ServerEntry): void;
  /** Wings may have stopped the server for a suspension: ask the panel before telling anyone. */
  suspicion(entry: ServerEntry): void;
  /** Commands Wings dropped unread; they must go another way. */
  commandsRefused(entry: ServerEntry, commands: string[]): void;
  /** Commands Wings may have dropped for going too fast; the user is to be told. */
  commandsThrottled(entry: ServerEntry, commands: string[]): void;
}

/** Followers by server identifier. */
export class FollowManager {
  private readonly followers = new Map<string, ServerFollower>();
  /** Tokens asked for per server in the last minute: never a sixth (token-rate.ts). */
  private readonly tokens = new TokenRate();
  /** Servers whose token request waits for the budget: a poll would spend what the token will. */
  private readonly awaitingToken = new Set<string>();

  constructor(
    private readonly ctx: RegistryContext,
    private readonly hooks: FollowHooks,
  ) {}

  get size(): number {
    return this.followers.size;
  }

  has(identifier: string): boolean {
    return this.followers.has(identifier);
  }

  get(identifier: string): ServerFollower | undefined {
    return this.followers.get(identifier);
  }

  /** The console connection of a server; `offline` when it is not followed. */
  connectionOf(identifier: string): ConsoleConnection {
    return this.followers.get(identifier)?.connection ?? 'offline';
  }

  isConnected(identifier: string): boolean {
    return this.followers.get(identifier)?.isConnected ?? false;
  }

  /** Followed and live: what the socket says is the state now. */
  isLive(identifier: string): boolean {
    return this.followers.get(identifier)?.isLive ?? false;
  }

  /** Starts following; the socket waits for the budget before its first token request. */
  follow(entry: ServerEntry): void {
    if (this.followers.has(entry.identifier)) return;
    const { deps } = this.ctx;
    const identifier = entry.identifier;
    const isCurrent = (): boolean => this.followers.get(identifier) === follower;
    const socket = deps.createSocket({
      panelUrl: this.ctx.panelUrl,
      fetchCredentials: () => this.fetchCredentials(identifier, isCurrent),
      clock: deps.clock,
      logger: deps.logger,
      random: deps.random,
    });
    const follower: ServerFollower = new ServerFollower(socket, this.handlersFor(entry), deps.clock);
    this.followers.set(identifier, follower);
    follower.start();
  }

  /** Stops following; `isQuiet` skips the reports (the whole monitor is going away). */
  unfollow(entry: ServerEntry, isQuiet = false): void {
    const follower = this.followers.get(entry.identifier);
    if (!follower) return;
    this.followers.delete(entry.identifier);
    follower.dispose();
    if (isQuiet) return;
    observeLive(this.ctx, entry, false);
    this.ctx.sink.consoleConnection(this.refOf(entry), 'offline');
  }

  /** Every follower without an open, authenticated socket (a dead token still counts as open). */
  unconnected(): string[] {
    return [...this.followers].filter(([, f]) => !f.hasOpenSession).map(([id]) => id);
  }

  all(): string[] {
    return [...this.followers.keys()];
  }

  /** "Refresh now": a stats frame from every live socket, a token now for every dead one. */
  refreshAll(): void {
    for (const follower of this.followers.values()) follower.refresh();
  }

  /** The panel answers again: sockets waiting on a token or a reconnect try now. */
  retryAll(): void {
    for (const follower of this.followers.values()) follower.retryNow();
  }

  /** Checks every live socket is still alive; `onDead` gets those that stay silent. */
  probeAll(onDead: (identifier: string) => void): void {
    for (const [identifier, follower] of this.followers) follower.probe(PROBE_TIMEOUT_MS, () => onDead(identifier));
  }

  private async fetchCredentials(identifier: string, isCurrent: () => boolean): Promise<WebsocketCredentials> {
    const client = this.ctx.client();
    if (!client) throw new PanelError({ kind: 'cancelled', message: 'This panel has no client now.' });
    // A socket that was authenticated asking is a token refresh: it is live, or was until its token died.
    const priority = this.followers.get(identifier)?.hasOpenSession ? 'high' : 'normal';
    this.holdBackToken(identifier);
    this.awaitingToken.add(identifier);
    const rank = (): number => this.ctx.deps.attention.rank(this.ctx.accountId, identifier);
    const request = this.ctx.budget.run(
      priority,
      async () => {
        // The server may have been unfollowed while this waited its turn: spend nothing on it.
        if (!isCurrent()) throw new PanelError({ kind: 'cancelled', message: 'No longer followed.' });
        // Checked again: other requests for this server may have gone out while this one queued.
        this.holdBackToken(identifier);
        this.tokens.record(identifier, this.ctx.clock.now());
        try {
          const credentials = await client.getWebsocketCredentials(identifier, { priority: 'background' });
          this.ctx.noteSuccess();
          return credentials;
        } catch (err) {
          this.ctx.noteFailure(err, 'server');
          throw err;
        }
      },
      rank,
    );
    return request.finally(() => this.awaitingToken.delete(identifier));
  }

  /** A token request of this server waits for the budget, or is on its way. */
  isAwaitingToken(identifier: string): boolean {
    return this.awaitingToken.has(identifier);
  }

  /**
   * Throws when this server has had its five tokens this minute. Said as the panel would say it,
   * so the socket waits that long (and counts no failure); only this server waits: nothing
   * reaches the account's rate-limit state.
   */
  private holdBackToken(identifier: string): void {
    // The client's count also knows what the panel said (a 429, another user's tokens, a limit
    // the admin changed); the monitor's own knows the tokens it asked for.
    const panelWaitMs = this.ctx.client()?.routeLimitWaitMs?.(identifier, 'websocket') ?? 0;
    const waitMs = Math.max(this.tokens.waitMs(identifier, this.ctx.clock.now()), panelWaitMs);
    if (waitMs > 0)
      throw new PanelError({
        kind: 'rate-limited',
        retryAfterMs: waitMs,
        message: 'Five websocket tokens a minute per server is the panel’s limit: this one waits its turn.',
      });
  }

  private refOf(entry: ServerEntry): ServerRef {
    return { accountId: this.ctx.accountId, identifier: entry.identifier };
  }

  private handlersFor(entry: ServerEntry): FollowHandlers {
    const ctx = this.ctx;
    return {
      status: (state) => {
        // A stop nobody here asked for may be Wings stopping a server the panel suspended
        // (Wings 1.11 keeps the socket open and stops it: server/update.go): hold the news.
        if (state === 'stopping' && !isStopExpected(entry, ctx.clock.now())) this.hooks.suspicion(entry);
        observeState(ctx, entry, state);
        // As the panel's console prints it, so the console window reads the same.
        observeConsole(ctx, entry, `Server marked as ${state}...`, 'status', false);
      },
      stats: (resources, state) => observeStats(ctx, entry, resources, state),
      console: (text, kind, isReplay) => {
        observeConsole(ctx, entry, text, kind, isReplay);
        if (kind === 'output') this.offerFeature(entry, featureFromLine(text, entry.server.eggFeatures, entry.state));
      },
      featureMatch: (key) => this.offerFeature(entry, featureFromMatch(key)),
      backupCompleted: (payload) => ctx.sink.backupCompleted?.(this.refOf(entry), payload),
      backupRestored: () => ctx.sink.backupRestored?.(this.refOf(entry)),
      commandsThrottled: (commands) => this.hooks.commandsThrottled(entry, commands),
      connection: (change) => this.onConnection(entry, change),
      commandsRefused: (commands) => this.hooks.commandsRefused(entry, commands),
      hint: (hint) => this.onHint(entry, hint),
      end: (why) => this.onEnd(entry, why),
    };
  }

  private onConnection(entry: ServerEntry, change: FollowConnection): void {
    if (change.isNewSocket) {
      // Wings replays its backlog on a new socket; the console window clears on `connected` too.
      entry.backlog.clear();
      entry.followFailures = 0;
      if (entry.liveIssue !== null) {
        entry.liveIssue = null;
        this.ctx.sink.changed();
      }
      if (entry.availability === 'node-unreachable') observeAvailability(this.ctx, entry, 'ok');
    }
    // Pelican's Wings drops a suspended server's sockets without a close frame.
    if (change.isAbnormalDrop) this.hooks.suspicion(entry);
    const wasLive = entry.isLive;
    // Whatever happens while the socket is not live (dropped, its token dead) is lost: the
    // first state seen after is a new baseline, not a change to judge (a stop in the gap is
    // not a crash).
    if (wasLive && !change.isLive) entry.crashBaselineStaleUntilMs = Number.POSITIVE_INFINITY;
    observeLive(this.ctx, entry, change.isLive);
    if (change.hasConnectionChanged || change.isNewSocket) this.ctx.sink.consoleConnection(this.refOf(entry), change.connection);
    if (wasLive !== entry.isLive) this.hooks.liveChanged(entry);
  }

  private onHint(entry: ServerEntry, hint: 'installing' | 'transferring' | 'settled'): void {
    if (hint === 'settled') {
      this.ctx.requestListRefresh();
      return;
    }
    observeAvailability(this.ctx, entry, hint);
    this.unfollow(entry);
    this.hooks.ended(entry);
  }

  private onEnd(entry: ServerEntry, why: FollowEnd): void {
    if (!this.followers.has(entry.identifier)) return;
    const outcome = followOutcome(why, entry.followFailures);
    entry.followFailures = outcome.failures;
    entry.followRetryAtMs = this.ctx.clock.now() + outcome.retryInMs;
    this.ctx.deps.logger.info('monitor: stopped following a server', { identifier: entry.identifier, reason: why.reason, retryInMs: outcome.retryInMs });
    const issue = liveIssueKind(why);
    // Polled meanwhile: every server not followed is (the registry's reconcile), but a deleted one
    // waits for the list, which will most likely drop it.
    if (issue !== null) entry.liveIssue = { kind: issue, isPolled: issue !== 'deleted', at: this.ctx.clock.now() };
    this.unfollow(entry);
    if (outcome.availability !== null) observeAvailability(this.ctx, entry, outcome.availability);
    if (outcome.shouldRefreshList) this.ctx.requestListRefresh();
    this.hooks.ended(entry);
    if (issue !== null) this.ctx.sink.changed();
  }

  /** A console line or a `feature match` asked for an egg feature's action: offered once per line. */
  private offerFeature(entry: ServerEntry, feature: ReturnType<typeof featureFromMatch>): void {
    if (feature === null || entry.featurePrompt?.feature === feature) return;
    entry.featurePrompt = { feature, seenAt: this.ctx.clock.now() };
    this.ctx.sink.changed();
  }
}

function isStopExpected(entry: ServerEntry, nowMs: number): boolean {
  const until = entry.crashTrack.stopExpectedUntilMs;
  return until !== null && nowMs <= until;
}
