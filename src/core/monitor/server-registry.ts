/**
 * The servers of one panel and how each is watched. The rule: follow live over the websocket
 * every server that can be (available, its socket not given up on, the account usable), and poll
 * `/resources` for the rest, inside the panel's budget. `reconcile` applies that rule to one
 * server whenever something it depends on changed.
 */
import { PanelError } from '../api/errors';
import type { PowerSignal, Server } from '../api/models';
import type { ConsoleConnection, ServerView, StatsSample } from '../../shared/types';
import { FollowManager } from './follow-manager';
import { observeAvailability, observeConsole } from './observe';
import type { PollScheduler } from './poll-scheduler';
import { createPoller } from './poll-runner';
import type { RegistryContext } from './registry-context';
import { ServerEntry } from './server-entry';
import { applyUserPower } from './signals';
import { availabilityOf, isUnavailable, toServerView } from './view-model';

/** After a sleep, how long the first state seen of a server whose events were lost is a new baseline. */
export const STALE_BASELINE_MS = 5 * 60_000;

/** Entries, followers and the poller of one panel. */
export class ServerRegistry {
  private entries = new Map<string, ServerEntry>();
  private readonly follows: FollowManager;
  private readonly poller: PollScheduler;
  private isActive = false;

  constructor(private readonly ctx: RegistryContext) {
    this.follows = new FollowManager(ctx, (entry) => this.reconcile(entry));
    this.poller = createPoller(ctx, {
      entry: (id) => this.entries.get(id),
      isFollowed: (id) => this.follows.has(id),
      serverCount: () => this.entries.size,
      followedCount: () => this.follows.size,
      afterPoll: (entry) => this.reconcile(entry),
    });
    this.poller.setActive(false);
  }

  /** Takes a fresh server list: adds, updates and removes entries, in the panel's order. */
  applyList(servers: readonly Server[]): void {
    const next = new Map<string, ServerEntry>();
    let hasChanged = servers.length !== this.entries.size;
    for (const server of servers) {
      if (next.has(server.identifier)) continue;
      const known = this.entries.get(server.identifier);
      if (known) hasChanged = this.updateFromList(known, server) || hasChanged;
      else hasChanged = true;
      next.set(server.identifier, known ?? new ServerEntry(server, this.ctx.deps));
    }
    for (const [identifier, entry] of this.entries) {
      if (next.has(identifier)) continue;
      this.follows.unfollow(entry, true);
      this.poller.remove(identifier);
    }
    this.entries = next;
    this.ctx.nodes.retain(new Set(servers.map((s) => s.node)));
    if (hasChanged) this.ctx.sink.changed();
    if (this.isActive) for (const entry of next.values()) this.reconcile(entry);
  }

  private updateFromList(entry: ServerEntry, server: Server): boolean {
    const before = JSON.stringify(entry.server);
    entry.server = server;
    const listed = availabilityOf(server);
    // The list is fresher than an old 409 and says nothing about the node's reachability.
    if (listed !== 'ok') observeAvailability(this.ctx, entry, listed);
    else if (isUnavailable(entry.availability)) observeAvailability(this.ctx, entry, 'ok');
    return before !== JSON.stringify(server);
  }

  /** Starts (true) or pauses (false) the background work. Paused keeps live sockets, which need no panel. */
  setActive(isActive: boolean): void {
    this.isActive = isActive;
    this.poller.setActive(isActive);
    if (isActive) {
      for (const entry of this.entries.values()) this.reconcile(entry);
      return;
    }
    for (const id of this.follows.unconnected()) {
      const entry = this.entries.get(id);
      if (entry) this.follows.unfollow(entry);
    }
  }

  /** Stops everything: the key can no longer be used. */
  stopAll(): void {
    this.isActive = false;
    this.poller.setActive(false);
    for (const id of this.follows.all()) {
      const entry = this.entries.get(id);
      if (entry) this.follows.unfollow(entry);
    }
  }

  /** Follow or poll, by the rule above. */
  reconcile(entry: ServerEntry): void {
    if (!this.isActive || this.entries.get(entry.identifier) !== entry) return;
    const canFollow = entry.availability === 'ok' && this.ctx.clock.now() >= entry.followRetryAtMs;
    if (canFollow) {
      this.poller.remove(entry.identifier);
      this.follows.follow(entry);
      return;
    }
    if (this.follows.has(entry.identifier)) this.follows.unfollow(entry);
    this.poller.add(entry.identifier);
  }

  /** "Refresh now": a stats frame from every socket, and every polled server due now (paced). */
  refreshStates(): void {
    this.follows.requestStats();
    this.poller.pollSoon();
  }

  /**
   * After a sleep or a network change: sockets that stay silent are replaced (through the budget,
   * so never a storm), servers given up on are tried again, and polled ones are due now.
   */
  resync(isAfterSleep: boolean): void {
    const now = this.ctx.clock.now();
    const staleUntilMs = isAfterSleep ? now + STALE_BASELINE_MS : 0;
    for (const entry of this.entries.values()) {
      if (!this.follows.isConnected(entry.identifier)) entry.crashBaselineStaleUntilMs = staleUntilMs;
      if (entry.followRetryAtMs > now && entry.availability === 'ok') entry.followRetryAtMs = now;
    }
    this.follows.probeAll((identifier) => {
      const entry = this.entries.get(identifier);
      if (!entry) return;
      // A live socket delivers what happened while asleep; a dead one lost it.
      entry.crashBaselineStaleUntilMs = staleUntilMs;
      this.follows.unfollow(entry);
      this.reconcile(entry);
    });
    if (this.isActive) for (const entry of this.entries.values()) this.reconcile(entry);
    this.poller.pollSoon();
  }

  /** Sends a power signal: over the socket when live, else `POST /power`. Noted for crash detection. */
  async power(identifier: string, signal: PowerSignal): Promise<void> {
    const entry = this.require(identifier);
    applyUserPower(entry, signal, this.ctx.clock.now());
    this.ctx.sink.changed();
    if (this.follows.get(identifier)?.setState(signal)) return;
    await this.viaRest((client) => client.power(identifier, signal, { priority: 'user' }));
  }

  /** Sends a console command: over the socket when live, else `POST /command`. */
  async sendCommand(identifier: string, command: string): Promise<void> {
    const entry = this.require(identifier);
    if (!this.follows.get(identifier)?.sendCommand(command)) {
      await this.viaRest((client) => client.sendCommand(identifier, command, { priority: 'user' }));
    }
    observeConsole(this.ctx, entry, command, 'command', false);
  }

  noteUserPower(identifier: string, signal: PowerSignal): void {
    const entry = this.entries.get(identifier);
    if (!entry) return;
    applyUserPower(entry, signal, this.ctx.clock.now());
    this.ctx.sink.changed();
  }

  acknowledgeCrash(identifier: string): void {
    const entry = this.entries.get(identifier);
    if (!entry?.isCrashed) return;
    entry.isCrashed = false;
    this.ctx.sink.changed();
  }

  views(username: string | null): ServerView[] {
    return [...this.entries.values()].map((entry) => toServerView(this.ctx.accountId, entry, username));
  }

  /** Adds this panel's servers to the tray's crashed and should-run sets. */
  collectFlags(crashed: Set<string>, shouldRun: Set<string>): void {
    for (const entry of this.entries.values()) {
      const key = `${this.ctx.accountId}/${entry.identifier}`;
      if (entry.isCrashed) crashed.add(key);
      if (entry.shouldRun) shouldRun.add(key);
    }
  }

  history(identifier: string): StatsSample[] {
    return this.entries.get(identifier)?.history.samples() ?? [];
  }

  consoleConnection(identifier: string): ConsoleConnection {
    return this.follows.connectionOf(identifier);
  }

  consoleBacklog(identifier: string): string[] {
    return this.entries.get(identifier)?.backlog.snapshot() ?? [];
  }

  dispose(): void {
    this.isActive = false;
    for (const entry of this.entries.values()) this.follows.unfollow(entry, true);
    this.poller.dispose();
  }

  private require(identifier: string): ServerEntry {
    const entry = this.entries.get(identifier);
    if (entry) return entry;
    throw new PanelError({ kind: 'not-found', message: 'Pterotray does not know this server; refresh the list and try again.' });
  }

  private async viaRest(call: (client: NonNullable<ReturnType<RegistryContext['client']>>) => Promise<void>): Promise<void> {
    const client = this.ctx.client();
    if (!client) throw new PanelError({ kind: 'network', message: 'This panel is not connected yet; try again in a moment.' });
    this.ctx.budget.charge();
    try {
      await call(client);
    } catch (err) {
      this.ctx.noteFailure(err, 'server');
      throw err;
    }
  }

  /** For tests and diagnostics: how a server is watched now. */
  modeOf(identifier: string): 'followed' | 'polled' | 'none' {
    if (this.follows.has(identifier)) return 'followed';
    return this.poller.has(identifier) ? 'polled' : 'none';
  }
}
