/**
 * The servers of one panel and how each is watched. The rule: follow live over the websocket
 * every server that can be (available, its socket not given up on, the account usable), and poll
 * `/resources` for the rest, inside the panel's budget. `reconcile` applies that rule to one
 * server whenever something it depends on changed.
 */
import { PanelError } from '../api/errors';
import type { PowerSignal, Server } from '../api/models';
import type { ConsoleConnection, FeatureKey, ServerView, StatsSample } from '../../shared/types';
import { pollSpacingMs, serverPollIntervalMs } from './budget';
import { FollowManager } from './follow-manager';
import { observeAvailability, observeConsole, observeThrottledCommands } from './observe';
import { EULA_FILE } from './feature-prompts';
import type { PollScheduler } from './poll-scheduler';
import { createPoller } from './poll-runner';
import type { RegistryContext } from './registry-context';
import { ServerEntry } from './server-entry';
import { applyUserPower } from './signals';
import { FreshnessTimer, freshForMs, isStateCurrent } from './state-freshness';
import { cacheableServer, type CachedServer } from './state-cache';
import { SuspensionCheck } from './suspension-check';
import { availabilityOf } from './availability';
import { isUnavailable, toServerView } from './view-model';
import { serverKey } from '../../shared/server-key';

/** After a sleep, how long the first state seen of a server whose events were lost is a new baseline. */
export const STALE_BASELINE_MS = 5 * 60_000;
/**
 * A followed server whose socket is not live (reconnecting, its token dead) is polled once it has
 * been so for this long: long enough that a Wings restart costs no polls, short enough that a
 * socket stuck without a token does not leave the state unseen.
 */
export const NOT_LIVE_POLL_AFTER_MS = 15_000;
/** Start-up (every state unknown, the budget in bursts) lasts at most this long after the first list. */
export const CATCH_UP_MAX_MS = 10 * 60_000;

/** Entries, followers and the poller of one panel. */
export class ServerRegistry {
  private entries = new Map<string, ServerEntry>();
  private readonly follows: FollowManager;
  private readonly poller: PollScheduler;
  private readonly suspicions: SuspensionCheck;
  private readonly freshness: FreshnessTimer;
  /** Followed servers in the poll rotation only because their socket is not live yet. */
  private readonly notLivePolls = new Set<string>();
  private isActive = false;
  /** When the first list came in; null before. */
  private firstListAtMs: number | null = null;
  private catchUp = { atMs: Number.NaN, value: true };

  constructor(private readonly ctx: RegistryContext) {
    this.follows = new FollowManager(ctx, {
      ended: (entry) => this.reconcile(entry),
      liveChanged: (entry) => this.reconcile(entry),
      suspicion: (entry) => this.suspicions.begin(entry),
      commandsRefused: (entry, commands) => void this.resendRefused(entry, commands),
      commandsThrottled: (entry, commands) => observeThrottledCommands(this.ctx, entry, commands),
    });
    this.poller = createPoller(ctx, {
      entry: (id) => this.entries.get(id),
      isLive: (id) => this.follows.isLive(id),
      isAwaitingToken: (id) => this.follows.isAwaitingToken(id),
      rank: (id) => ctx.deps.attention.rank(ctx.accountId, id),
      serverCount: () => this.entries.size,
      followedCount: () => this.follows.size,
      afterPoll: (entry) => this.reconcile(entry),
    });
    this.suspicions = new SuspensionCheck(ctx, { entry: (id) => this.entries.get(id), settled: (entry) => this.reconcile(entry) });
    this.freshness = new FreshnessTimer({
      clock: ctx.clock,
      entries: () => this.entries.values(),
      freshMs: () => this.freshMs(),
      onStale: () => ctx.sink.changed(),
    });
    this.poller.setActive(false);
  }

  /** Takes a fresh server list: adds, updates and removes entries, in the panel's order. */
  applyList(servers: readonly Server[]): void {
    this.firstListAtMs ??= this.ctx.clock.now();
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
      this.notLivePolls.delete(identifier);
      this.ctx.crashes.forget(identifier);
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

  /**
   * The last states known before the app last quit, shown until the panel's list comes in (and
   * kept for the servers it still lists): with their age, never as current, and the first state
   * seen this run is a baseline (no notice of a change nobody saw).
   */
  seed(cached: readonly CachedServer[]): void {
    if (this.firstListAtMs !== null || this.entries.size > 0) return;
    for (const { server, state, seenAtMs } of cached) {
      if (this.entries.has(server.identifier)) continue;
      const entry = new ServerEntry(server, this.ctx.deps);
      entry.state = state;
      entry.stateSeenAtMs = seenAtMs;
      entry.isFromDisk = true;
      entry.crashBaselineStaleUntilMs = Number.POSITIVE_INFINITY;
      this.entries.set(server.identifier, entry);
    }
    if (this.entries.size > 0) this.ctx.sink.changed();
  }

  /** What to keep on disk: each server's last state seen, this run's or the last run's. */
  cacheable(): CachedServer[] {
    const out: CachedServer[] = [];
    for (const entry of this.entries.values()) {
      if (entry.state === 'unknown' || entry.stateSeenAtMs === null) continue;
      const seenAtMs = entry.isLive ? this.ctx.clock.now() : entry.stateSeenAtMs;
      out.push({ server: cacheableServer(entry.server), state: entry.state, seenAtMs });
    }
    return out;
  }

  /**
   * Start-up: the list has not come in, or some server the monitor can watch has no state seen
   * this run yet. Bounded in time, so a server that never answers does not keep it so.
   */
  isCatchingUp(): boolean {
    if (this.firstListAtMs === null) return true;
    const now = this.ctx.clock.now();
    if (now - this.firstListAtMs > CATCH_UP_MAX_MS) return false;
    // The budget asks many times a turn: one look per millisecond at 500 entries is plenty.
    if (this.catchUp.atMs === now) return this.catchUp.value;
    let value = false;
    for (const entry of this.entries.values()) {
      if (entry.availability === 'ok' && (entry.state === 'unknown' || entry.isFromDisk)) {
        value = true;
        break;
      }
    }
    this.catchUp = { atMs: now, value };
    return value;
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

  /**
   * Follow or poll, by the rule above. A followed server whose socket is not live is polled too,
   * once it has not been live for NOT_LIVE_POLL_AFTER_MS: its state must not go unseen.
   */
  reconcile(entry: ServerEntry): void {
    this.freshness.mark();
    if (!this.isActive || this.entries.get(entry.identifier) !== entry) return;
    const id = entry.identifier;
    const canFollow = entry.availability === 'ok' && this.ctx.clock.now() >= entry.followRetryAtMs;
    if (!canFollow) {
      if (this.follows.has(id)) this.follows.unfollow(entry);
      // Polled for good now: not after the grace a socket gets to become live.
      if (this.notLivePolls.delete(id)) this.poller.remove(id);
      this.poller.add(id);
      return;
    }
    this.follows.follow(entry);
    if (this.follows.isLive(id)) {
      this.notLivePolls.delete(id);
      this.poller.remove(id);
    } else if (!this.poller.has(id)) {
      this.notLivePolls.add(id);
      this.poller.add(id, this.ctx.clock.now() + NOT_LIVE_POLL_AFTER_MS);
    }
  }

  /**
   * "Refresh now": every server it shows, now. Live sockets send a stats frame (free, and it
   * carries the state); sockets whose token died fetch one now; every server not live is due
   * for a poll now (paced by the budget).
   */
  refreshStates(): void {
    this.follows.refreshAll();
    for (const entry of this.entries.values()) if (!this.follows.isLive(entry.identifier) && this.isActive) this.poller.add(entry.identifier);
    this.poller.pollSoon();
  }

  /**
   * The panel answers again after an outage: sockets whose token died while it was away fetch one
   * now instead of at their back-off, and servers not live are polled now.
   */
  onPanelBack(): void {
    this.follows.retryAll();
    const now = this.ctx.clock.now();
    for (const entry of this.entries.values()) {
      // A server given up on while the panel was away (its token request failed, so it waits a
      // minute to follow again) is followed again now: the panel that failed it is back.
      if (entry.followRetryAtMs > now && entry.availability === 'ok') {
        entry.followRetryAtMs = now;
        this.reconcile(entry);
      }
      if (!this.follows.isLive(entry.identifier) && this.isActive) this.poller.add(entry.identifier);
    }
    this.poller.pollSoon();
    this.ctx.sink.changed();
  }

  /**
   * After a sleep or a network change: sockets that stay silent are replaced (through the budget,
   * so never a storm), servers given up on are tried again, and polled ones are due now.
   */
  resync(isAfterSleep: boolean): void {
    const now = this.ctx.clock.now();
    const staleUntilMs = isAfterSleep ? now + STALE_BASELINE_MS : 0;
    for (const entry of this.entries.values()) {
      // Never shortens a mark already there (a socket that lost its events keeps its own).
      if (!this.follows.isConnected(entry.identifier)) entry.crashBaselineStaleUntilMs = Math.max(entry.crashBaselineStaleUntilMs, staleUntilMs);
      if (entry.followRetryAtMs > now && entry.availability === 'ok') entry.followRetryAtMs = now;
    }
    this.follows.probeAll((identifier) => {
      const entry = this.entries.get(identifier);
      if (!entry) return;
      // A live socket delivers what happened while asleep; a dead one lost it.
      entry.crashBaselineStaleUntilMs = Math.max(entry.crashBaselineStaleUntilMs, staleUntilMs);
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

  /**
   * Sends a console command: over the socket when it can deliver it, else `POST /command`, whose
   * refusal (the server offline, the panel down) reaches the caller with its reason. Never shown
   * as sent when it was not.
   */
  async sendCommand(identifier: string, command: string): Promise<void> {
    const entry = this.require(identifier);
    if (!this.follows.get(identifier)?.sendCommand(command)) {
      await this.viaRest((client) => client.sendCommand(identifier, command, { priority: 'user' }));
    }
    observeConsole(this.ctx, entry, command, 'command', false);
  }

  /**
   * Takes the egg feature's action, as the panels do: `eula.txt` with `eula=true` through the
   * files API, then a restart (pterodactyl/panel EulaModalFeature.tsx `onAcceptEULA`: saveFileContents
   * then `set state` restart; pelican-dev/panel MinecraftEulaSchema.php: putContent, power('restart')).
   * The prompt goes once the file is written; a refused write reaches the caller and keeps it.
   */
  async acceptFeature(identifier: string, feature: FeatureKey): Promise<void> {
    const entry = this.require(identifier);
    if (feature !== 'eula') return;
    await this.viaRest((client) => client.writeFile(identifier, EULA_FILE.path, EULA_FILE.content, { priority: 'user' }));
    this.dismissFeature(identifier, feature);
    await this.power(entry.identifier, 'restart');
  }

  /** "Not now": the prompt goes until a console line asks again. */
  dismissFeature(identifier: string, feature: FeatureKey): void {
    const entry = this.require(identifier);
    if (entry.featurePrompt?.feature !== feature) return;
    entry.featurePrompt = null;
    this.ctx.sink.changed();
  }

  /** Wings dropped commands with a `jwt error`: they go by REST, or the console says they did not go. */
  private async resendRefused(entry: ServerEntry, commands: string[]): Promise<void> {
    for (const command of commands) {
      try {
        await this.viaRest((client) => client.sendCommand(entry.identifier, command, { priority: 'user' }));
        observeConsole(
          this.ctx,
          entry,
          `The node did not take "${command}" over the websocket (its token had expired, or the socket closed); it was sent through the panel instead.`,
          'daemon-message',
          false,
        );
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        observeConsole(
          this.ctx,
          entry,
          `"${command}" did not reach the server: the node did not take it (its token had expired, or the socket closed) and the panel refused it too: ${reason}`,
          'daemon-error',
          false,
        );
      }
    }
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

  /** The view of every server; `isAccountOk` false marks every state not seen live as not current. */
  views(username: string | null, isAccountOk: boolean): ServerView[] {
    const now = this.ctx.clock.now();
    const freshMs = this.freshMs();
    return [...this.entries.values()].map((entry) => toServerView(this.ctx.accountId, entry, username, isStateCurrent(entry, now, freshMs, isAccountOk)));
  }

  /** How long a polled state stays current: the cadence the polls can keep, doubled, plus slack. */
  private freshMs(): number {
    const intervalMs = serverPollIntervalMs(this.ctx.settings().pollIntervalS, false);
    const spacingMs = pollSpacingMs({
      perMinute: this.ctx.perMinute(),
      followed: this.follows.size,
      servers: this.entries.size,
      listRefreshMs: this.ctx.deps.listRefreshMs,
    });
    return freshForMs(Math.max(intervalMs, spacingMs * Math.max(1, this.poller.size)));
  }

  /** Adds this panel's servers to the tray's crashed and should-run sets. */
  collectFlags(crashed: Set<string>, shouldRun: Set<string>): void {
    for (const entry of this.entries.values()) {
      const key = serverKey({ accountId: this.ctx.accountId, identifier: entry.identifier });
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
    this.suspicions.dispose();
    this.freshness.dispose();
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
