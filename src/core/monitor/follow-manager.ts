/**
 * The websockets of one panel: one ServerFollower per followed server. Every token request goes
 * through the panel's RequestBudget, so starting 200 followers spreads their token requests over
 * the minute (a token bucket inside the budget) instead of sending 200 in one second. A socket
 * whose token is about to expire asks with `high` priority and is served before new connects.
 */
import { PanelError } from '../api/errors';
import type { WebsocketCredentials } from '../api/models';
import type { ConsoleConnection, ServerRef } from '../../shared/types';
import { followOutcome } from './follow-outcome';
import { observeAvailability, observeConsole, observeLive, observeStats, observeState } from './observe';
import type { RegistryContext } from './registry-context';
import type { ServerEntry } from './server-entry';
import { ServerFollower, type FollowEnd, type FollowHandlers } from './server-follow';

/** How long a probed socket may stay silent before it counts as dead (after a sleep). */
export const PROBE_TIMEOUT_MS = 5_000;

/** Followers by server identifier. */
export class FollowManager {
  private readonly followers = new Map<string, ServerFollower>();

  /** `onEnded` runs after a follower gave up and was removed: the registry decides what next. */
  constructor(
    private readonly ctx: RegistryContext,
    private readonly onEnded: (entry: ServerEntry) => void,
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

  /** Every follower whose socket is not connected right now. */
  unconnected(): string[] {
    return [...this.followers].filter(([, f]) => !f.isConnected).map(([id]) => id);
  }

  all(): string[] {
    return [...this.followers.keys()];
  }

  /** Asks every live socket for a stats frame: fresh numbers at no REST cost. */
  requestStats(): void {
    for (const follower of this.followers.values()) follower.requestStats();
  }

  /** Checks every live socket is still alive; `onDead` gets those that stay silent. */
  probeAll(onDead: (identifier: string) => void): void {
    for (const [identifier, follower] of this.followers) follower.probe(PROBE_TIMEOUT_MS, () => onDead(identifier));
  }

  private async fetchCredentials(identifier: string, isCurrent: () => boolean): Promise<WebsocketCredentials> {
    const client = this.ctx.client();
    if (!client) throw new PanelError({ kind: 'cancelled', message: 'This panel has no client now.' });
    // A live socket asking is a token refresh: its token expires within a minute.
    const priority = this.isConnected(identifier) ? 'high' : 'normal';
    return this.ctx.budget.run(priority, async () => {
      // The server may have been unfollowed while this waited its turn: spend nothing on it.
      if (!isCurrent()) throw new PanelError({ kind: 'cancelled', message: 'No longer followed.' });
      try {
        const credentials = await client.getWebsocketCredentials(identifier, { priority: 'background' });
        this.ctx.noteSuccess();
        return credentials;
      } catch (err) {
        this.ctx.noteFailure(err, 'server');
        throw err;
      }
    });
  }

  private refOf(entry: ServerEntry): ServerRef {
    return { accountId: this.ctx.accountId, identifier: entry.identifier };
  }

  private handlersFor(entry: ServerEntry): FollowHandlers {
    const ctx = this.ctx;
    return {
      status: (state) => {
        observeState(ctx, entry, state);
        // As the panel's console prints it, so the console window reads the same.
        observeConsole(ctx, entry, `Server marked as ${state}...`, 'status', false);
      },
      stats: (resources) => observeStats(ctx, entry, resources, false),
      console: (text, kind, isReplay) => observeConsole(ctx, entry, text, kind, isReplay),
      connection: (connection, isLive) => this.onConnection(entry, connection, isLive),
      hint: (hint) => this.onHint(entry, hint),
      end: (why) => this.onEnd(entry, why),
    };
  }

  private onConnection(entry: ServerEntry, connection: ConsoleConnection, isLive: boolean): void {
    if (connection === 'connected') {
      // Wings replays its backlog on connect; the console window clears on `connected` too.
      entry.backlog.clear();
      entry.followFailures = 0;
      if (entry.availability === 'node-unreachable') observeAvailability(this.ctx, entry, 'ok');
    }
    observeLive(this.ctx, entry, isLive);
    this.ctx.sink.consoleConnection(this.refOf(entry), connection);
  }

  private onHint(entry: ServerEntry, hint: 'installing' | 'transferring' | 'settled'): void {
    if (hint === 'settled') {
      this.ctx.requestListRefresh();
      return;
    }
    observeAvailability(this.ctx, entry, hint);
    this.unfollow(entry);
    this.onEnded(entry);
  }

  private onEnd(entry: ServerEntry, why: FollowEnd): void {
    if (!this.followers.has(entry.identifier)) return;
    const outcome = followOutcome(why, entry.followFailures);
    entry.followFailures = outcome.failures;
    entry.followRetryAtMs = this.ctx.clock.now() + outcome.retryInMs;
    this.ctx.deps.logger.info('monitor: stopped following a server', { identifier: entry.identifier, reason: why.reason, retryInMs: outcome.retryInMs });
    this.unfollow(entry);
    if (outcome.availability !== null) observeAvailability(this.ctx, entry, outcome.availability);
    if (outcome.shouldRefreshList) this.ctx.requestListRefresh();
    this.onEnded(entry);
  }
}
