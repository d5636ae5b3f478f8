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
import type { ConnectionChange } from '../wings';
import type { ConsoleConnection, ConsoleLine } from '../../shared/types';
import type { WingsSocketLike } from './types';

/** Failed connects in a row after which the server is polled instead. */
export const MAX_CONNECT_FAILURES = 2;
/** Console lines this soon after connecting are Wings' replay of its backlog (`send logs`). */
export const REPLAY_WINDOW_MS = 2_000;

/** Token failures that retrying the socket will not cure: the server (or key) must change first. */
const GIVE_UP_KINDS: ReadonlySet<PanelErrorKind> = new Set<PanelErrorKind>(['conflict', 'node-unreachable', 'auth', 'forbidden', 'not-found', 'two-factor-required']);

/** `transfer status` values while a transfer runs; any other (completed, failure…) ends it. */
const TRANSFER_UNDER_WAY: ReadonlySet<string> = new Set(['starting', 'pending', 'processing']);

/** Why following stopped. */
export type FollowEnd =
  | { reason: 'suspended' | 'deleted' | 'forbidden' | 'unreachable' }
  | { reason: 'credentials'; error: PanelError };

/** What a follower reports. */
export interface FollowHandlers {
  status(state: PowerState): void;
  stats(resources: ServerResources): void;
  console(text: string, kind: ConsoleLine['kind'], isReplay: boolean): void;
  connection(connection: ConsoleConnection, isLive: boolean): void;
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
  private lastConnection: ConsoleConnection = 'connecting';

  constructor(
    private readonly socket: WingsSocketLike,
    private readonly handlers: FollowHandlers,
    private readonly clock: Clock,
  ) {}

  get isConnected(): boolean {
    return !this.isDisposed && this.socket.state === 'connected';
  }

  /** The console's connection as the window shows it. */
  get connection(): ConsoleConnection {
    return this.isDisposed ? 'offline' : this.lastConnection;
  }

  start(): void {
    const s = this.socket;
    const h = this.handlers;
    const seen = (): void => {
      this.activity += 1;
    };
    this.subscriptions.push(
      s.on('connection', (change) => this.onConnection(change)),
      s.on('status', (state) => (seen(), h.status(state))),
      s.on('stats', (resources) => (seen(), h.stats(resources))),
      s.on('console', (text) => (seen(), h.console(text, 'output', this.isReplay()))),
      s.on('daemon-message', (text) => h.console(text, 'daemon-message', this.isReplay())),
      s.on('daemon-error', (text) => h.console(text, 'daemon-error', false)),
      s.on('install-started', () => this.hintSoon('installing')),
      s.on('install-completed', () => this.hintSoon('settled')),
      s.on('backup-restore-completed', () => this.hintSoon('settled')),
      s.on('transfer-status', (status) => this.hintSoon(TRANSFER_UNDER_WAY.has(status) ? 'transferring' : 'settled')),
      s.on('deleted', () => this.endSoon({ reason: 'deleted' })),
    );
    s.connect();
  }

  /** Sends a power signal if connected; false means "use REST". */
  setState(signal: PowerSignal): boolean {
    return this.isConnected && this.socket.setState(signal);
  }

  /** Sends a console command if connected; false means "use REST". */
  sendCommand(command: string): boolean {
    return this.isConnected && this.socket.sendCommand(command);
  }

  /** Asks for one `stats` event (free: no REST request), e.g. for "Refresh now". */
  requestStats(): void {
    if (this.isConnected) this.socket.sendStats();
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

  private isReplay(): boolean {
    return this.connectedAtMs !== null && this.clock.now() - this.connectedAtMs < REPLAY_WINDOW_MS;
  }

  private onConnection(change: ConnectionChange): void {
    if (this.isDisposed) return;
    switch (change.state) {
      case 'connecting':
      case 'authenticating':
        return this.report('connecting');
      case 'connected':
        this.failures = 0;
        this.connectedAtMs = this.clock.now();
        return this.report('connected');
      case 'reconnecting':
        this.connectedAtMs = null;
        this.report('reconnecting');
        return this.onReconnecting(change);
      case 'idle':
        this.connectedAtMs = null;
        this.report('failed');
        return this.onStopped(change);
      case 'disposed':
        return;
    }
  }

  private report(connection: ConsoleConnection): void {
    this.lastConnection = connection;
    this.handlers.connection(connection, connection === 'connected');
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
    if (change.reason === 'credentials-failed' && change.error) return this.endSoon({ reason: 'credentials', error: change.error });
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
