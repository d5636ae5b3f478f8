/**
 * One panel account: its client, its status, and the server list. The list is the account's
 * heartbeat: refreshed every `listRefreshMs`, sooner on demand, and it is also the one request
 * that checks a panel that is down (with a jittered back-off) or a key that was refused (slowly,
 * with a fresh client each time, as the key may have been replaced). Everything else about the
 * servers is the registry's.
 */
import { isPanelError, PanelError } from '../api/errors';
import type { NotifiableEvent } from '../rules/notification-policy';
import type { AccountStatus, AccountView, ServerView } from '../../shared/types';
import { AccountState, ListSchedule } from './account-state';
import { accountVerdict, DownSchedule, type AccountVerdict, type FailureSource } from './account-status';
import { budgetPerMinute, MAX_BUDGET_SHARE, SERVERS_PER_PAGE, windowHeadroom } from './budget';
import { CrashNotices } from './crash-notices';
import { PanelHeartbeat } from './heartbeat';
import { NodeHealth } from './node-health';
import type { RegistryContext } from './registry-context';
import { RequestBudget } from './request-budget';
import { ServerRegistry } from './server-registry';
import type { MonitorAccount, MonitorClient, MonitorDeps, MonitorSink } from './types';
import { toAccountView } from './view-model';

/** A list refresh asked for "soon" waits this long, so a burst of reasons makes one request. */
export const LIST_SOON_MS = 2_000;
/** Background list refreshes are never closer than this. */
export const LIST_MIN_GAP_MS = 10_000;
/** A resync starts within this much of the wake-up, at random, so accounts do not all go at once. */
export const RESYNC_JITTER_MS = 3_000;

const BLOCKED: ReadonlySet<AccountStatus> = new Set<AccountStatus>(['key-revoked', 'two-factor-required', 'keychain-locked']);

/** The watch of one account. */
export class AccountWatch {
  readonly registry: ServerRegistry;
  private readonly budget: RequestBudget;
  private readonly nodes: NodeHealth;
  private readonly crashes: CrashNotices;
  private readonly state: AccountState;
  private readonly nextList: ListSchedule;
  private client: MonitorClient | null = null;
  /** Stops hearing of the client's rate-limit blocks (onRateLimitBlock). */
  private stopBlockWatch: (() => void) | null = null;
  private username: string | null = null;
  private resyncTimer: unknown = null;
  private listInFlight: Promise<void> | null = null;
  private lastListMs = Number.NEGATIVE_INFINITY;
  private readonly down = new DownSchedule();
  private readonly heartbeat: PanelHeartbeat;
  private lastListOk = false;
  private generation = 0;
  private isDisposed = false;

  constructor(
    private account: MonitorAccount,
    private readonly deps: MonitorDeps,
    private readonly sink: MonitorSink,
  ) {
    this.state = new AccountState(deps.clock, () => sink.changed());
    this.nextList = new ListSchedule(deps.clock, () => void this.runList('background'));
    // While states are still unknown (start-up) the monitor may use the user's whole half of the
    // limit, in bursts; the window rule keeps the other half free whatever the share says.
    // Only where the panel tells its window (X-RateLimit-*): elsewhere the share is all there is.
    const isCatchingUp = (): boolean => (this.client?.rateLimit().limitPerMinute ?? null) !== null && (this.registry?.isCatchingUp() ?? true);
    const perMinute = (): number =>
      budgetPerMinute(this.client?.rateLimit().limitPerMinute ?? null, isCatchingUp() ? MAX_BUDGET_SHARE : deps.settings().budgetShare);
    this.budget = new RequestBudget({
      clock: deps.clock,
      perMinute,
      blockedUntilMs: () => this.client?.rateLimit().blockedUntilMs ?? null,
      onBlocked: () => this.onRateLimited(),
      burstShare: () => (isCatchingUp() ? 1 : 0),
      headroom: () => windowHeadroom(this.client?.rateLimit() ?? { limitPerMinute: null }, deps.clock.now()),
    });
    this.nodes = new NodeHealth({ clock: deps.clock, accountId: account.id, accountName: () => this.account.name, emit: (e) => this.emit(e) });
    this.crashes = new CrashNotices(deps.clock, (e) => this.emit(e));
    this.heartbeat = new PanelHeartbeat({
      clock: deps.clock,
      random: deps.random,
      // Only while the account looks fine: a panel known to be down has its own checks.
      probe: () => (this.client && this.state.status === 'ok' && !this.listInFlight ? this.client : null),
      run: (request) => this.budget.run('normal', request),
      onFailed: (err) => this.onHeartbeatFailed(err),
    });
    this.registry = new ServerRegistry(this.registryContext(perMinute));
  }

  get id(): string {
    return this.account.id;
  }

  get url(): string {
    return this.account.url;
  }

  /** Takes a new name (or key storage); a new URL needs a new watch. */
  update(account: MonitorAccount): void {
    const isVisible = account.name !== this.account.name || account.keyStorage !== this.account.keyStorage || account.isDemo !== this.account.isDemo;
    this.account = account;
    if (isVisible) this.sink.changed();
  }

  start(): void {
    if (this.client === null && this.listInFlight === null) void this.runList('background');
    this.heartbeat.start();
  }

  /** "Refresh now": the list and every state, now. Resolves when the list is in; never rejects. */
  async refresh(): Promise<void> {
    this.down.restartBackoff();
    this.registry.refreshStates();
    await this.runList('user');
  }

  /** After a sleep, a network change or a keychain unlock: quick, jittered, one list request. */
  resync(reason: 'resume' | 'network' | 'unlock'): void {
    if (this.isDisposed || this.resyncTimer !== null) return;
    const delayMs = Math.floor(this.deps.random() * RESYNC_JITTER_MS);
    this.resyncTimer = this.deps.clock.setTimeout(() => {
      this.resyncTimer = null;
      this.down.restartBackoff();
      this.registry.resync(reason === 'resume');
      void this.runList('background', true);
    }, delayMs);
  }

  view(): AccountView {
    return toAccountView(this.account, this.state, this.username);
  }

  /** The views of this panel's servers; while it is not usable, no state but a live one is current. */
  serverViews(): ServerView[] {
    return this.registry.views(this.username, this.state.status === 'ok' || this.state.status === 'rate-limited');
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.generation += 1;
    this.nextList.clear();
    this.state.dispose();
    if (this.resyncTimer !== null) this.deps.clock.clearTimeout(this.resyncTimer);
    this.resyncTimer = null;
    this.registry.dispose();
    this.budget.dispose();
    this.nodes.dispose();
    this.crashes.dispose();
    this.heartbeat.dispose();
    this.dropClient();
  }

  private registryContext(perMinute: () => number): RegistryContext {
    return {
      accountId: this.account.id,
      clock: this.deps.clock,
      sink: this.sink,
      settings: this.deps.settings,
      nodes: this.nodes,
      crashes: this.crashes,
      deps: this.deps,
      panelUrl: this.account.url,
      budget: this.budget,
      client: () => this.client,
      perMinute,
      noteFailure: (error, source) => this.noteFailure(error, source),
      noteSuccess: () => this.noteSuccess(),
      requestListRefresh: () => this.listSoon(),
      refreshList: async () => {
        await this.runList('background', true);
        return this.lastListOk;
      },
    };
  }

  /** One list refresh at a time; a caller during one shares it. `isForced` ignores the min gap. */
  private runList(priority: 'user' | 'background', isForced = priority === 'user'): Promise<void> {
    if (this.isDisposed) return Promise.resolve();
    if (this.listInFlight) return this.listInFlight;
    if (!isForced && this.deps.clock.now() - this.lastListMs < LIST_MIN_GAP_MS) {
      this.nextList.in(this.lastListMs + LIST_MIN_GAP_MS - this.deps.clock.now());
      return Promise.resolve();
    }
    this.nextList.clear();
    const run = this.listNow(priority).finally(() => {
      this.listInFlight = null;
    });
    this.listInFlight = run;
    return run;
  }

  private async listNow(priority: 'user' | 'background'): Promise<void> {
    const generation = this.generation;
    const client = await this.ensureClient();
    if (!client || generation !== this.generation) return;
    this.lastListMs = this.deps.clock.now();
    // The list is also the health check of a panel that is down, so it is charged, never held.
    this.budget.charge();
    try {
      const servers = await client.listServers(undefined, { priority });
      if (generation !== this.generation) return;
      this.budget.charge(Math.max(0, Math.ceil(servers.length / SERVERS_PER_PAGE) - 1));
      this.onListed(servers);
    } catch (err) {
      if (generation !== this.generation) return;
      this.onListFailed(err);
    }
  }

  private async ensureClient(): Promise<MonitorClient | null> {
    if (this.client && !BLOCKED.has(this.state.status)) return this.client;
    // A refused key may have been replaced in the keychain since: build the client anew.
    this.dropClient();
    const generation = this.generation;
    try {
      const client = await this.deps.createClient(this.account);
      if (generation !== this.generation || this.isDisposed) {
        this.deps.releaseClient(this.account, client);
        return null;
      }
      this.client = client;
      // A short Retry-After (≤ 60 s) is waited out inside the call that met it (scheduler.ts), so
      // no failure comes to say so: the panel's header and buttons must say it while it lasts,
      // whichever caller (this watch or the window) met the 429.
      this.stopBlockWatch = client.onRateLimitBlock?.(() => this.onRateLimited()) ?? null;
      return client;
    } catch (err) {
      if (generation === this.generation) this.applyVerdict(accountVerdict(err, 'create-client'), err);
      return null;
    }
  }

  private onListed(servers: Parameters<ServerRegistry['applyList']>[0]): void {
    const wasRevoked = this.state.status === 'key-revoked';
    const wasAway = this.state.status !== 'ok' && this.state.status !== 'checking';
    this.down.reset();
    this.lastListOk = true;
    this.noteAnswer();
    this.budget.resume();
    this.state.set('ok', null);
    if (wasRevoked) this.emit({ type: 'account-recovered', accountId: this.account.id, atMs: this.deps.clock.now() });
    this.registry.applyList(servers);
    this.registry.setActive(true);
    // Sockets whose token died meanwhile wait on a back-off of up to 30 s: not now the panel is back.
    if (wasAway) this.registry.onPanelBack();
    if (this.username === null) void this.fetchUsername();
    this.nextList.in(this.deps.listRefreshMs);
  }

  private onListFailed(err: unknown): void {
    this.lastListOk = false;
    const verdict = accountVerdict(err, 'list');
    this.applyVerdict(verdict, err);
    if (verdict.scope === 'none') {
      this.deps.logger.warn('monitor: the server list failed', { accountId: this.account.id, error: String(err) });
      this.nextList.in(this.deps.listRefreshMs);
    }
  }

  private applyVerdict(verdict: AccountVerdict, err: unknown): void {
    switch (verdict.scope) {
      case 'blocked':
        return this.enterBlocked(verdict.status, verdict.message, err);
      case 'down':
        return this.enterDown(verdict.message, err);
      case 'wait':
        this.state.rateLimited(verdict.message, this.blockedForMs());
        return this.nextList.in(Math.max(LIST_SOON_MS, this.blockedForMs()));
      case 'check':
      case 'none':
        return;
    }
  }

  private enterBlocked(status: AccountStatus, message: string, err: unknown): void {
    const isNew = this.state.status !== status;
    this.state.set(status, message);
    if (isNew && status === 'key-revoked') {
      this.emit({ type: 'key-revoked', accountId: this.account.id, accountName: this.account.name, atMs: this.deps.clock.now() });
    }
    this.registry.stopAll();
    this.budget.pause(asPanelError(err, 'auth'));
    this.nextList.in(this.deps.listRefreshMs);
  }

  private enterDown(message: string, err: unknown): void {
    this.state.set('unreachable', message);
    this.registry.setActive(false);
    this.budget.pause(asPanelError(err, 'network'));
    this.nextList.in(this.down.next(this.deps.clock.now(), this.deps.random));
  }

  private noteFailure(error: unknown, source: FailureSource): void {
    if (this.isDisposed) return;
    const verdict = accountVerdict(error, source);
    if (verdict.scope === 'blocked') this.enterBlocked(verdict.status, verdict.message, error);
    else if (verdict.scope === 'down' || verdict.scope === 'check') this.listSoon();
    else if (verdict.scope === 'wait') this.state.rateLimited(verdict.message, this.blockedForMs());
    // A 409 or a 404 is still the panel answering.
    if (verdict.scope === 'none' && isPanelError(error) && error.status !== undefined) this.noteAnswer();
  }

  private noteSuccess(): void {
    this.noteAnswer();
    if (this.state.status === 'rate-limited') this.state.set('ok', null);
    else if (this.state.status === 'unreachable') this.listSoon();
  }

  /** The panel answered something: the heartbeat can wait. */
  private noteAnswer(): void {
    this.heartbeat.noteAnswer();
  }

  /** The heartbeat's request failed: judged as the list's, a panel that is down is checked now. */
  private onHeartbeatFailed(err: unknown): void {
    const verdict = accountVerdict(err, 'list');
    if (verdict.scope === 'down' || verdict.scope === 'blocked') void this.runList('background', true);
    else this.applyVerdict(verdict, err);
  }

  private onRateLimited(): void {
    this.state.rateLimited('The panel asked to wait before the next request.', this.blockedForMs());
  }

  private async fetchUsername(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      // Ahead of the socket connects: SFTP addresses need the username, and it is one request.
      const account = await this.budget.run('high', () => client.getAccount({ priority: 'background' }));
      if (this.isDisposed || this.client !== client) return;
      this.username = account.username;
      this.sink.changed();
    } catch (err) {
      this.deps.logger.debug('monitor: no username for this account', { accountId: this.account.id, error: String(err) });
    }
  }

  private listSoon(): void {
    if (this.isDisposed || BLOCKED.has(this.state.status) || this.listInFlight) return;
    // A panel that is down is checked on its back-off, not each time a request fails.
    if (this.state.status === 'unreachable' && this.nextList.isPending) return;
    this.nextList.soon(LIST_SOON_MS);
  }

  private blockedForMs(): number {
    const until = this.client?.rateLimit().blockedUntilMs ?? null;
    return until === null ? 0 : Math.max(0, until - this.deps.clock.now());
  }

  private emit(event: NotifiableEvent): void {
    if (!this.isDisposed) this.sink.event(event);
  }

  private dropClient(): void {
    const client = this.client;
    this.client = null;
    this.stopBlockWatch?.();
    this.stopBlockWatch = null;
    if (client) this.deps.releaseClient(this.account, client);
  }
}

function asPanelError(err: unknown, kind: 'auth' | 'network'): PanelError {
  return err instanceof PanelError ? err : new PanelError({ kind });
}
