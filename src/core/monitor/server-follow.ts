/**
 * Follows one server live over its Wings websocket, as the panel's own UI does: `status` for
 * power state, `stats` for resources, console lines for crash banners. It gives up (and the
 * server falls back to polling) when the socket cannot do its job: the server is suspended or
 * deleted, the key may not open it, or it failed to connect twice in a row. Twice, because every
 * reconnect costs a token request: a node that is down must not cost one every 30 s per server.
 */
import type { PanelError, PanelErrorKind } from '../api/errors';
import type { PowerSignal, PowerState, ServerResources } from '../api/models';
import type { Clock, Disposer } from '../util/deps';
import type { BackupCompleted, ConnectionChange, WingsStats } from '../wings';
import type { ConsoleConnection, ConsoleLine } from '../../shared/types';
import type { WingsSocketLike } from './types';

/** Failed connects in a row after which the server is polled instead. */
export const MAX_CONNECT_FAILURES = 2;
/** Console lines this soon after connecting are Wings' replay of its backlog (`send logs`). */
export const REPLAY_WINDOW_MS = 2_000;
/**
 * A stats frame's state that disagrees with a `status` this recent is older than it: Wings
 * builds a stats frame and publishes it in two steps, and a state change can land in between.
 */
export const STATUS_PRECEDENCE_MS = 2_000;

/** Token failures that retrying the socket will not cure: the server (or key) must change first. */
const GIVE_UP_KINDS: ReadonlySet<PanelErrorKind> = new Set<PanelErrorKind>([
  'conflict',
  'node-unreachable',
  'auth',
  'forbidden',
  'not-found',
  'two-factor-required',
]);

/** `transfer status` values while a transfer runs; any other (completed, failure…) ends it. */
const TRANSFER_UNDER_WAY: ReadonlySet<string> = new Set(['starting', 'pending', 'processing']);

/** Why following stopped. */
export type FollowEnd =
  | { reason: 'suspended' | 'deleted' | 'forbidden' | 'refused' | 'unreachable' }
  /** Wings refused the token in a way no new one cures: Wings' words (inbound.ts explains them). */
  | { reason: 'jwt'; message: string }
  | { reason: 'credentials'; error: PanelError };

/** WebSocket close code of a connection that dropped without a close frame (RFC 6455 §7.1.5). */
export const CLOSE_ABNORMAL = 1006;

/** What changed about the socket, as the registry needs it. */
export interface FollowConnection {
  connection: ConsoleConnection;
  /** True once the socket is authenticated and has told the server's state since. */
  isLive: boolean;
  /** A new socket authenticated: Wings replays its console backlog on it. */
  isNewSocket: boolean;
  /** The socket dropped without a close frame (1006): a suspension on Pelican's Wings looks so. */
  isAbnormalDrop: boolean;
  /** `connection` differs from the last one reported (a state seen changes `isLive` only). */
  hasConnectionChanged: boolean;
}

/** What a follower reports. */
export interface FollowHandlers {
  status(state: PowerState): void;
  stats(resources: ServerResources, reportedState: PowerState | null): void;
  console(text: string, kind: ConsoleLine['kind'], isReplay: boolean): void;
  connection(change: FollowConnection): void;
  /** Commands Wings refused with a `jwt error` (see WingsSocket's `commands-refused`). */
  commandsRefused(commands: string[]): void;
  /** Commands Wings may have dropped for going too fast (WingsSocket's `commands-throttled`). */
  commandsThrottled(commands: string[]): void;
  /** Pelican's Wings matched an egg feature (`feature match`). */
  featureMatch(key: string): void;
  /** Backups tab (issue 13): Wings' `backup completed` (the panel's record is updated before it). */
  backupCompleted?(payload: BackupCompleted): void;
  /** Incidents (issue 14): Wings' `backup restore completed`. */
  backupRestored?(): void;
  /** Wings said what the panel's record will say later (install, transfer, restore). */
  hint(hint: 'installing' | 'transferring' | 'settled'): void;
  /** Called once, after the current event has run its course. */
  end(why: FollowEnd): void;
}

/** One socket, the subscriptions on it, and the bookkeeping of its failures. */
export class ServerFollower {
  private readonly subscriptions: Disposer[] = [];
  private failures = 0;
  private connectedAtMs: number | null = null;
  private activity = 0;
  private probeTimer: unknown = null;
  private isDisposed = false;
  private hasEnded = false;
  private lastConnection: ConsoleConnection | null = null;
  /** Authenticated, but no state seen since: the state shown is not known to be current yet. */
  private isAwaitingState = true;
  private isAuthenticated = false;
  private lastStatus: { state: PowerState; atMs: number } | null = null;
  /** Wings' words when it refused the token for good (`auth-error`). */
  private jwtRefusal: string | null = null;

  constructor(
    private readonly socket: WingsSocketLike,
    private readonly handlers: FollowHandlers,
    private readonly clock: Clock,
  ) {}

  get isConnected(): boolean {
    return !this.isDisposed && this.socket.state === 'connected';
  }

  /** Authenticated and its state seen since: what the socket says is the server's state now. */
  get isLive(): boolean {
    return this.isConnected && !this.isAwaitingState;
  }

  /**
   * The socket is open and was authenticated, though its token may be dead now: a token request
   * for it is a refresh, and it needs no reconnect when the panel comes back.
   */
  get hasOpenSession(): boolean {
    return !this.isDisposed && this.isAuthenticated && (this.socket.state === 'connected' || this.socket.state === 'authenticating');
  }

  /** The console's connection as the window shows it. */
  get connection(): ConsoleConnection {
    return this.isDisposed ? 'offline' : (this.lastConnection ?? 'connecting');
  }

  start(): void {
    const s = this.socket;
    const h = this.handlers;
    const seen = (): void => {
      this.activity += 1;
    };
    this.subscriptions.push(
      s.on('connection', (change) => this.onConnection(change)),
      s.on('status', (state) => (seen(), this.onStatus(state))),
      s.on('stats', (stats) => (seen(), this.onStats(stats))),
      s.on('commands-refused', (commands) => h.commandsRefused(commands)),
      s.on('commands-throttled', (commands) => h.commandsThrottled(commands)),
      s.on('feature-match', (match) => h.featureMatch(match.key)),
      s.on('auth-error', (message) => (this.jwtRefusal = message)),
      s.on('console', (text) => (seen(), h.console(text, 'output', this.isReplay()))),
      s.on('daemon-message', (text) => h.console(text, 'daemon-message', this.isReplay())),
      s.on('daemon-error', (text) => h.console(text, 'daemon-error', false)),
      s.on('install-started', () => this.hintSoon('installing')),
      s.on('install-completed', () => this.hintSoon('settled')),
      s.on('backup-restore-completed', () => (this.hintSoon('settled'), h.backupRestored?.())),
      s.on('backup-completed', (payload) => h.backupCompleted?.(payload)),
      s.on('transfer-status', (status) => this.hintSoon(TRANSFER_UNDER_WAY.has(status) ? 'transferring' : 'settled')),
      s.on('deleted', () => this.endSoon({ reason: 'deleted' })),
    );
    s.connect();
  }

  /** Sends a power signal if the socket can deliver it; false means "use REST". */
  setState(signal: PowerSignal): boolean {
    return !this.isDisposed && this.socket.canDeliver && this.socket.setState(signal);
  }

  /** Sends a console command if the socket can deliver it; false means "use REST". */
  sendCommand(command: string): boolean {
    return !this.isDisposed && this.socket.canDeliver && this.socket.sendCommand(command);
  }

  /**
   * "Refresh now": a `stats` frame (free: no REST request) from a live socket, whose state is
   * current the moment it arrives; a socket whose token died fetches its next one now.
   */
  refresh(): void {
    if (this.isDisposed) return;
    if (!this.socket.sendStats()) this.socket.retryNow();
  }

  /** The panel answers again: a socket waiting on a token or a reconnect tries now. */
  retryNow(): void {
    if (!this.isDisposed) this.socket.retryNow();
  }

  /**
   * After a sleep or a network change a socket can look open and be dead. Asks Wings for stats
   * and calls `onDead` when nothing at all arrives within `timeoutMs`.
   */
  probe(timeoutMs: number, onDead: () => void): void {
    if (!this.isConnected || this.probeTimer !== null) return;
    const mark = this.activity;
    if (!this.socket.sendStats()) {
      onDead();
      return;
    }
    this.probeTimer = this.clock.setTimeout(() => {
      this.probeTimer = null;
      if (!this.isDisposed && this.activity === mark) onDead();
    }, timeoutMs);
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    if (this.probeTimer !== null) this.clock.clearTimeout(this.probeTimer);
    this.probeTimer = null;
    for (const off of this.subscriptions.splice(0)) off();
    this.socket.dispose();
  }

  private onStatus(state: PowerState): void {
    this.lastStatus = { state, atMs: this.clock.now() };
    this.handlers.status(state);
    this.onStateSeen();
  }

  private onStats(stats: WingsStats): void {
    const { reportedState } = stats;
    const status = this.lastStatus;
    const isOutrun = reportedState !== null && status !== null && status.state !== reportedState && this.clock.now() - status.atMs < STATUS_PRECEDENCE_MS;
    const state = isOutrun ? null : reportedState;
    // `stats.state` is parseStats' fallback when the frame had none; the handler gets the one to trust.
    this.handlers.stats(stats, state);
    if (state !== null) this.onStateSeen();
  }

  /** The first state after (re-)authenticating makes the follower live. */
  private onStateSeen(): void {
    if (!this.isAwaitingState || !this.isConnected) return;
    this.isAwaitingState = false;
    this.report('connected', { isNewSocket: false });
  }

  private isReplay(): boolean {
    return this.connectedAtMs !== null && this.clock.now() - this.connectedAtMs < REPLAY_WINDOW_MS;
  }

  private onConnection(change: ConnectionChange): void {
    if (this.isDisposed) return;
    this.isAwaitingState = true;
    switch (change.state) {
      case 'connecting':
        return this.report('connecting');
      case 'authenticating':
        // A token that died on an open socket: the console reads as reconnecting until re-auth.
        return this.report(change.reason === 'token-expired' ? 'reconnecting' : 'connecting');
      case 'connected': {
        this.failures = 0;
        const isNewSocket = change.reason === 'auth-success' && !this.isAuthenticated;
        this.isAuthenticated = true;
        if (isNewSocket) this.connectedAtMs = this.clock.now();
        return this.report('connected', { isNewSocket });
      }
      case 'reconnecting':
        this.connectedAtMs = null;
        this.isAuthenticated = false;
        this.report('reconnecting', { isAbnormalDrop: change.closeCode === CLOSE_ABNORMAL });
        return this.onReconnecting(change);
      case 'idle':
        this.connectedAtMs = null;
        this.isAuthenticated = false;
        this.report('failed');
        return this.onStopped(change);
      case 'disposed':
        return;
    }
  }

  private report(connection: ConsoleConnection, extra: Partial<Pick<FollowConnection, 'isNewSocket' | 'isAbnormalDrop'>> = {}): void {
    const hasConnectionChanged = connection !== this.lastConnection;
    this.lastConnection = connection;
    this.handlers.connection({ connection, isLive: this.isLive, isNewSocket: false, isAbnormalDrop: false, hasConnectionChanged, ...extra });
  }

  private onReconnecting(change: ConnectionChange): void {
    const kind = change.error?.kind;
    if (change.error && kind !== undefined && GIVE_UP_KINDS.has(kind)) return this.endSoon({ reason: 'credentials', error: change.error });
    if (kind === 'rate-limited' || kind === 'cancelled') return; // the panel or the budget said wait; not the socket's fault
    this.failures += 1;
    if (this.failures >= MAX_CONNECT_FAILURES) this.endSoon({ reason: 'unreachable' });
  }

  private onStopped(change: ConnectionChange): void {
    if (change.reason === 'suspended') return this.endSoon({ reason: 'suspended' });
    if (change.reason === 'deleted') return this.endSoon({ reason: 'deleted' });
    if (change.reason === 'refused') return this.endSoon({ reason: 'refused' });
    if (change.reason === 'credentials-failed' && change.error) return this.endSoon({ reason: 'credentials', error: change.error });
    if ((change.reason === 'auth-error' || change.reason === 'denied') && this.jwtRefusal !== null)
      return this.endSoon({ reason: 'jwt', message: this.jwtRefusal });
    this.endSoon({ reason: 'forbidden' });
  }

  /** Deferred like `endSoon`: a hint may lead to disposing this follower. */
  private hintSoon(hint: 'installing' | 'transferring' | 'settled'): void {
    queueMicrotask(() => {
      if (!this.isDisposed) this.handlers.hint(hint);
    });
  }

  /**
   * Deferred to a microtask: the socket is still inside its own state change, and disposing it
   * from there would leave the timer it is about to set running.
   */
  private endSoon(why: FollowEnd): void {
    if (this.hasEnded) return;
    this.hasEnded = true;
    queueMicrotask(() => {
      if (!this.isDisposed) this.handlers.end(why);
    });
  }
}
