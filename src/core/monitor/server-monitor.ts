/**
 * The ServerMonitor keeps every server of every account up to date, for the tray and the window.
 *
 * How, per panel (see account-watch.ts, server-registry.ts, budget.ts):
 * - Servers that can be followed are followed over their Wings websocket (`status`, `stats` and
 *   console), as the panel's own UI does. A token lives 10 minutes, so a followed server costs
 *   ~0.11 REST requests a minute, and a state change arrives as soon as Wings sends it.
 * - The others (suspended, installing, no websocket permission, sockets that keep failing) are
 *   polled through `/resources`, paced so the total stays inside `budgetShare` of the panel's
 *   rate limit (256 a minute assumed until its headers say otherwise) and never faster than
 *   `pollIntervalS` per server.
 * - Every background request goes through one token bucket per panel, which also staggers socket
 *   connects and holds everything while the panel says to wait.
 * - The server list is refreshed every `listRefreshMs`, on demand, and on resync; it doubles as
 *   the health check of a panel that is down (jittered back-off) or a key that was refused.
 */
import { PanelError } from '../api/errors';
import type { PowerSignal } from '../api/models';
import { systemClock, silentLogger, type Disposer } from '../util/deps';
import { Attention, type AttentionInput } from './attention';
import type { CachedAccount } from './state-cache';
import { WingsSocket } from '../wings';
import type { TrayServerFlags } from '../tray/tray-model';
import type { AccountView, ConsoleConnection, FeatureKey, ServerRef, ServerView, StatsSample } from '../../shared/types';
import { AccountWatch } from './account-watch';
import { ChangeCoalescer } from './emitter';
import { TypedEmitter } from '../util/typed-emitter';
import type { MonitorAccount, MonitorDeps, MonitorEventMap, MonitorListener, MonitorSink, ServerMonitorOptions } from './types';

/** Defaults of the options; the README and the tests refer to these. */
export const MONITOR_DEFAULTS = {
  listRefreshMs: 300_000,
  historySamples: 180,
  historyMinSpacingMs: 2_000,
  changeCoalesceMs: 250,
} as const;

/**
 * Resource-only updates (a stats frame every second from each running server) fire `changed` at
 * most this often: views stay fresh for the dashboard without redrawing 500 servers 4 times a
 * second. State, availability and account changes keep the short `changeCoalesceMs`.
 */
export const RESOURCES_CHANGE_MS = 2_000;

function resolveDeps(opts: ServerMonitorOptions): MonitorDeps {
  return {
    createClient: opts.createClient,
    releaseClient: opts.releaseClient ?? ((_account, client) => client.dispose?.()),
    createSocket: opts.createSocket ?? ((o) => new WingsSocket(o)),
    clock: opts.clock ?? systemClock,
    logger: opts.logger ?? silentLogger,
    random: opts.random ?? Math.random,
    settings: opts.settings,
    listRefreshMs: opts.listRefreshMs ?? MONITOR_DEFAULTS.listRefreshMs,
    historySamples: opts.historySamples ?? MONITOR_DEFAULTS.historySamples,
    historyMinSpacingMs: opts.historyMinSpacingMs ?? MONITOR_DEFAULTS.historyMinSpacingMs,
    attention: new Attention(),
  };
}

/** Watches the servers of every account. `start()` begins, `dispose()` leaves nothing running. */
export class ServerMonitor {
  private readonly deps: MonitorDeps;
  private readonly emitter: TypedEmitter<MonitorEventMap>;
  private readonly coalescer: ChangeCoalescer;
  private readonly resourcesCoalescer: ChangeCoalescer;
  private readonly sink: MonitorSink;
  private watches = new Map<string, AccountWatch>();
  private serverViews: ServerView[] | null = null;
  private isStarted = false;
  private isDisposed = false;

  constructor(opts: ServerMonitorOptions) {
    this.deps = resolveDeps(opts);
    this.emitter = new TypedEmitter<MonitorEventMap>(this.deps.logger, 'monitor');
    this.coalescer = new ChangeCoalescer(this.deps.clock, opts.changeCoalesceMs ?? MONITOR_DEFAULTS.changeCoalesceMs, () => this.emitter.emit('changed'));
    this.resourcesCoalescer = new ChangeCoalescer(this.deps.clock, RESOURCES_CHANGE_MS, () => this.coalescer.mark());
    this.sink = this.createSink();
  }

  /** Adds and removes panels; a removed panel's sockets and timers are disposed at once. */
  setAccounts(accounts: readonly MonitorAccount[]): void {
    if (this.isDisposed) return;
    const next = new Map<string, AccountWatch>();
    for (const account of accounts) {
      const known = this.watches.get(account.id);
      if (known && known.url === account.url) {
        known.update(account);
        next.set(account.id, known);
        continue;
      }
      known?.dispose();
      const watch = new AccountWatch(account, this.deps, this.sink);
      next.set(account.id, watch);
      if (this.isStarted) watch.start();
    }
    for (const [id, watch] of this.watches) if (!next.has(id)) watch.dispose();
    this.watches = next;
    this.sink.changed();
  }

  /**
   * The last states kept on disk (state-cache.ts), for accounts whose URL is still the same: shown
   * with their age until each server is seen again. Call after setAccounts, before the lists come.
   */
  seed(cache: Readonly<Record<string, CachedAccount>>): void {
    for (const [id, watch] of this.watches) {
      const cached = cache[id];
      if (cached && cached.url === watch.url) watch.registry.seed(cached.servers);
    }
  }

  /** What to keep on disk now: every account's last known states. */
  cacheable(): Record<string, CachedAccount> {
    const out: Record<string, CachedAccount> = {};
    for (const [id, watch] of this.watches) out[id] = { url: watch.url, servers: watch.registry.cacheable() };
    return out;
  }

  /** What the person looks at: live states come first for it (attention.ts). */
  setAttention(input: AttentionInput): void {
    this.deps.attention.set(input);
  }

  /** Starts watching every account given so far, and any added later. Idempotent. */
  start(): void {
    if (this.isStarted || this.isDisposed) return;
    this.isStarted = true;
    for (const watch of this.watches.values()) watch.start();
  }

  /** Stops everything: no timer, socket or client is left, and no listener is called again. */
  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    for (const watch of this.watches.values()) watch.dispose();
    this.watches.clear();
    this.coalescer.dispose();
    this.resourcesCoalescer.dispose();
    this.emitter.clear();
  }

  /** The list and every state, now (the "Refresh now" item). Resolves when the lists are in. */
  async refresh(accountId?: string): Promise<void> {
    const watches = accountId === undefined ? [...this.watches.values()] : [this.watches.get(accountId)].filter((w) => w !== undefined);
    await Promise.all(watches.map((w) => w.refresh()));
  }

  /** After a sleep, a network change or a keychain unlock: a quick, jittered resync, not a storm. */
  resync(reason: 'resume' | 'network' | 'unlock'): void {
    for (const watch of this.watches.values()) watch.resync(reason);
  }

  /** Every account with its status, in the order given to setAccounts. */
  accounts(): AccountView[] {
    return [...this.watches.values()].map((w) => w.view());
  }

  /** Every server, account by account, in the panels' order. Cached until something changes. */
  servers(): ServerView[] {
    this.serverViews ??= [...this.watches.values()].flatMap((w) => w.serverViews());
    return this.serverViews;
  }

  /** Servers that crashed (not acknowledged yet) and those offline that should run, for the tray. */
  flags(): TrayServerFlags {
    const crashed = new Set<string>();
    const shouldRun = new Set<string>();
    for (const watch of this.watches.values()) watch.registry.collectFlags(crashed, shouldRun);
    return { crashed, shouldRun };
  }

  /** The person has seen the crash (opened the console, clicked the notice). */
  acknowledgeCrash(ref: ServerRef): void {
    this.watches.get(ref.accountId)?.registry.acknowledgeCrash(ref.identifier);
  }

  /** A power action asked elsewhere in the app: a stop or kill is then not a crash. */
  noteUserPower(ref: ServerRef, signal: PowerSignal): void {
    this.watches.get(ref.accountId)?.registry.noteUserPower(ref.identifier, signal);
  }

  /** Over the websocket's `set state` when connected, else REST `/power`; noted for crash detection. */
  async power(ref: ServerRef, signal: PowerSignal): Promise<void> {
    await this.watchOf(ref).registry.power(ref.identifier, signal);
    // ── incidents (issue 14) ── who asked is the recorder's to say; the monitor says that it was asked.
    if (!this.isDisposed) this.emitter.emit('power-asked', { accountId: ref.accountId, identifier: ref.identifier }, signal, this.deps.clock.now());
  }

  /** Over the websocket's `send command` when connected, else REST `/command`. */
  async sendCommand(ref: ServerRef, command: string): Promise<void> {
    await this.watchOf(ref).registry.sendCommand(ref.identifier, command);
  }

  /** Takes an egg feature's action (accepts the EULA: writes eula.txt, restarts). */
  async acceptFeature(ref: ServerRef, feature: FeatureKey): Promise<void> {
    await this.watchOf(ref).registry.acceptFeature(ref.identifier, feature);
  }

  /** Puts an egg feature's prompt away until a console line asks again. */
  dismissFeature(ref: ServerRef, feature: FeatureKey): void {
    this.watchOf(ref).registry.dismissFeature(ref.identifier, feature);
  }

  /** Stats samples, oldest first; network values are rates in bytes/s. */
  history(ref: ServerRef): StatsSample[] {
    return this.watches.get(ref.accountId)?.registry.history(ref.identifier) ?? [];
  }

  /** Where the server's console connection stands; `offline` when it is not followed live. */
  consoleConnection(ref: ServerRef): ConsoleConnection {
    return this.watches.get(ref.accountId)?.registry.consoleConnection(ref.identifier) ?? 'offline';
  }

  /** The last console lines of a followed server, oldest first. */
  consoleBacklog(ref: ServerRef): string[] {
    return this.watches.get(ref.accountId)?.registry.consoleBacklog(ref.identifier) ?? [];
  }

  /** Subscribes; the disposer unsubscribes. `changed` is coalesced to `changeCoalesceMs`. */
  on<E extends keyof MonitorEventMap>(event: E, cb: MonitorListener<E>): Disposer {
    return this.emitter.on(event, cb);
  }

  /** For diagnostics and tests: how a server is watched right now. */
  watchModeOf(ref: ServerRef): 'followed' | 'polled' | 'none' {
    return this.watches.get(ref.accountId)?.registry.modeOf(ref.identifier) ?? 'none';
  }

  private watchOf(ref: ServerRef): AccountWatch {
    const watch = this.watches.get(ref.accountId);
    if (watch) return watch;
    throw new PanelError({ kind: 'not-found', message: 'Pterotray does not know this panel; it may have been removed.' });
  }

  private createSink(): MonitorSink {
    return {
      changed: (isResourcesOnly = false) => {
        if (this.isDisposed) return;
        this.serverViews = null;
        if (isResourcesOnly) this.resourcesCoalescer.mark();
        else this.coalescer.mark();
      },
      event: (e) => !this.isDisposed && this.emitter.emit('event', e),
      stats: (ref, sample) => !this.isDisposed && this.emitter.emit('stats', ref, sample),
      console: (line) => !this.isDisposed && this.emitter.emit('console', line),
      consoleConnection: (ref, c) => !this.isDisposed && this.emitter.emit('console-connection', ref, c),
      backupCompleted: (ref, backup) => !this.isDisposed && this.emitter.emit('backup-completed', ref, backup),
      backupRestored: (ref) => !this.isDisposed && this.emitter.emit('backup-restored', ref),
    };
  }
}
