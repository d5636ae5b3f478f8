/**
 * A client for one server's Wings websocket: authenticates with a panel-issued JWT, refreshes it
 * on the same socket, reconnects with jittered back-off, and re-emits Wings' events typed.
 */
import type WebSocket from 'ws';
import type { PanelError } from '../api/errors';
import { POWER_SIGNALS, type PowerSignal, type WebsocketCredentials } from '../api/models';
import type { Disposer } from '../util/deps';
import { classifyClose, isTransferReconnectStatus } from './close-policy';
import { TypedEmitter, type PayloadTuples } from '../util/typed-emitter';
import { isFatalCredentialError, toPanelError } from './errors';
import { encodeFrame, parseFrame } from './frames';
import { explainJwtError, interpretFrame, type WingsEmit } from './inbound';
import { resolveSocketOptions, type ResolvedSocketOptions } from './options';
import { closeQuietly, isOpen, openWingsSocket } from './socket-io';
import { TokenRefresher } from './token-refresher';
import { AuthSession } from './auth-session';
import { DenialRecovery, denialRecoveryDelayMs, isAuthAnswer } from './denial-recovery';
import { OutboundQueue, type OutboundFrame } from './outbound-queue';
import { ReconnectTimers } from './reconnect-timers';
import type { ConnectionChange, ConnectionReason, WingsEvents, WingsSocketOptions, WingsSocketState } from './types';

type ChangeDetails = Omit<ConnectionChange, 'state' | 'reason'>;

/**
 * The Wings websocket of one server. `connect()` starts it, `dispose()` stops it for good.
 * Everything sent is paced by Wings' own limits (outbound-queue.ts). Commands are sent only while
 * authenticated; one that must wait for Wings' limit waits in order, and one that cannot go on
 * this socket (the token died, the socket closed) comes back as `commands-refused`. Power signals
 * never wait: one replayed later would surprise a person, so `setState` returns false instead and
 * the caller falls back to REST (`POST /power`), as it does when a command cannot go at all.
 */
export class WingsSocket {
  private current: WingsSocketState = 'idle';
  private readonly cfg: ResolvedSocketOptions;
  private readonly emitter: TypedEmitter<PayloadTuples<WingsEvents>>;
  private readonly refresher: TokenRefresher;
  private socket: WebSocket | null = null;
  private socketUrl: string | null = null;
  /** Bumped for every connection attempt; callbacks of an older attempt are ignored. */
  private generation = 0;
  private readonly timers: ReconnectTimers;
  private readonly auth: AuthSession;
  private readonly outbound: OutboundQueue;
  private readonly denial = new DenialRecovery();
  private sawDeletedEvent = false;

  constructor(opts: WingsSocketOptions) {
    const cfg = resolveSocketOptions(opts);
    this.cfg = cfg;
    this.timers = new ReconnectTimers(cfg);
    this.emitter = new TypedEmitter<PayloadTuples<WingsEvents>>(cfg.logger, 'wings');
    this.refresher = new TokenRefresher({
      ...cfg,
      minIntervalMs: cfg.minRefreshIntervalMs,
      onCredentials: (credentials) => this.onRefreshedCredentials(credentials),
      onFatal: (error) => this.stop('credentials-failed', { error }),
    });
    this.auth = new AuthSession(cfg.clock, {
      onRefreshDue: () => this.refresher.request(),
      onExpired: () => this.onTokenDead(),
    });
    this.outbound = new OutboundQueue({
      clock: cfg.clock,
      write: (frame) => this.writeFrame(frame),
      isAuthenticated: () => this.current === 'connected' && !this.auth.isTokenDead,
      onCommandSent: (command) => this.auth.noteCommand(command),
    });
  }

  /** The current state; `connection` events report every change. */
  get state(): WingsSocketState {
    return this.current;
  }

  /** Subscribes to a typed event; the disposer unsubscribes. */
  on<E extends keyof WingsEvents>(event: E, cb: (payload: WingsEvents[E]) => void): Disposer {
    return this.emitter.on(event, cb);
  }

  /** Starts connecting. Idempotent; also restarts a socket that stopped (`idle`). */
  connect(): void {
    if (this.current !== 'idle') return;
    this.timers.reset();
    this.sawDeletedEvent = false;
    this.startAttempt('connect');
  }

  /**
   * The panel answers again, or a person asked for a refresh: a dead token is fetched now rather
   * than at its back-off, and a reconnect waiting for its turn starts now.
   */
  retryNow(): void {
    if (this.auth.isTokenDead) {
      this.refresher.retryNow();
      return;
    }
    if (this.current !== 'reconnecting') return;
    this.timers.clear();
    this.startAttempt('connect');
  }

  /** True when a command or power signal sent now would reach the server (see DELIVERY_MARGIN_MS). */
  get canDeliver(): boolean {
    return this.current === 'connected' && this.auth.canDeliver() && isOpen(this.socket);
  }

  /** Closes the socket, cancels every timer and listener; nothing reconnects afterwards. */
  dispose(): void {
    if (this.current === 'disposed') return;
    this.generation += 1;
    this.timers.clear();
    this.refresher.cancel();
    this.teardownSocket('close');
    this.transition('disposed', 'disposed');
    this.emitter.clear();
  }

  /** Asks Wings to replay the recent console (throttled by Wings to 1 per 5 s: do not loop). */
  sendLogs(): boolean {
    return this.sendWhenReady('send logs');
  }

  /** Asks Wings for one `stats` event. */
  sendStats(): boolean {
    return this.sendWhenReady('send stats');
  }

  /**
   * Sends a console command, now or once Wings' limit allows. False when it cannot go on this
   * socket (nothing was sent). A `jwt error` soon after means Wings dropped it, and a command
   * still waiting when the token dies or the socket closes was never sent: `commands-refused`
   * names both.
   */
  sendCommand(command: string): boolean {
    return this.sendWhenReady('send command', [command]);
  }

  /** Sends a power signal now. False when not authenticated, or Wings' limit says wait (nothing was sent). */
  setState(signal: PowerSignal): boolean {
    if (!POWER_SIGNALS.includes(signal) || !this.outbound.canSendNow('set state')) return false;
    return this.sendWhenReady('set state', [signal]);
  }

  private sendWhenReady(event: string, args?: string[]): boolean {
    if (!this.canDeliver) return false;
    return this.sendFrame(event, args);
  }

  /** Through the pacing queue: true when sent or waiting its turn. */
  private sendFrame(event: string, args?: string[]): boolean {
    if (!isOpen(this.socket)) return false;
    return this.outbound.send(args === undefined ? { event } : { event, args });
  }

  private writeFrame(frame: OutboundFrame): boolean {
    if (!isOpen(this.socket)) return false;
    try {
      this.socket.send(encodeFrame(frame.event, frame.args));
      return true;
    } catch (err) {
      this.cfg.logger.warn('wings: send failed', { event: frame.event, error: String(err) });
      return false;
    }
  }

  private startAttempt(reason: ConnectionReason): void {
    const generation = ++this.generation;
    this.transition('connecting', reason);
    this.cfg.fetchCredentials().then(
      (credentials) => {
        if (generation === this.generation) this.openSocket(credentials, reason);
      },
      (err: unknown) => {
        if (generation === this.generation) this.onCredentialsFailed(toPanelError(err));
      },
    );
  }

  private onCredentialsFailed(error: PanelError): void {
    if (isFatalCredentialError(error)) {
      this.stop('credentials-failed', { error });
      return;
    }
    this.scheduleReconnect('credentials-failed', { error }, error.retryAfterMs ?? 0);
  }

  private openSocket(credentials: WebsocketCredentials, reason: ConnectionReason): void {
    const generation = ++this.generation;
    if (this.current !== 'connecting') this.transition('connecting', reason);
    this.refresher.noteFreshToken();
    this.socketUrl = credentials.socket;
    this.auth.reset();
    this.denial.reset();
    this.auth.sending(credentials.token);
    const isCurrent = (): boolean => generation === this.generation;
    try {
      this.socket = openWingsSocket(this.cfg.WebSocketImpl, credentials.socket, this.cfg.origin, {
        onOpen: () => isCurrent() && this.onOpen(credentials.token),
        onMessage: (data) => isCurrent() && this.onMessage(data),
        onClose: (code, why) => isCurrent() && this.onClose(code, why),
        onError: (err) => this.cfg.logger.debug('wings: socket error', { error: err.message }),
      });
    } catch (err) {
      this.cfg.logger.warn('wings: could not open the socket', { error: String(err) });
      this.scheduleReconnect('closed', { error: toPanelError(err) });
      return;
    }
    this.timers.startConnectTimer(() => this.onConnectTimeout());
  }

  private onOpen(token: string): void {
    this.transition('authenticating', 'open');
    this.sendFrame('auth', [token]);
  }

  private onMessage(data: unknown): void {
    const frame = parseFrame(data);
    if (!frame) {
      this.cfg.logger.debug('wings: ignored a malformed frame');
      return;
    }
    const action = interpretFrame(frame);
    switch (action.type) {
      case 'auth-success':
        return this.onAuthSuccess();
      case 'token-expired':
        return this.onTokenDead();
      case 'token-expiring':
        return this.refresher.request();
      case 'jwt-error':
        if (!action.isRefreshable) return this.onFatalJwtError(action.message);
        return action.isDenial ? this.onDenied(action.message) : this.onRefreshableJwtError();
      case 'emit':
        return this.onEvent(action.emit);
      case 'ignore':
        this.cfg.logger.debug('wings: ignored a frame', { event: frame.event, why: action.why });
    }
  }

  private onAuthSuccess(): void {
    const kind = this.auth.accepted();
    this.denial.reset();
    if (this.current === 'connected') return; // a refresh ahead of expiry: nothing was lost
    if (kind !== 'first') {
      // A re-auth gets `auth success` and nothing more ("prevents duplicate status messages",
      // wings router/websocket/websocket.go), and whatever happened while the token was dead came
      // as `jwt error`. Every stats frame carries the state: ask for one.
      this.transition('connected', kind === 'reauth-after-death' ? 'reauth' : 'auth-success');
      this.outbound.resume();
      this.sendFrame('send stats');
      return;
    }
    this.timers.authenticated();
    this.transition('connected', 'auth-success');
    // Once per socket, like the official UI: Wings throttles `send logs` to 1 per 5 s.
    this.sendFrame('send logs');
    this.sendFrame('send stats');
  }

  /**
   * A refreshable `jwt error` (an expired or denylisted token). While connected it is the news
   * that the token died; while authenticating, the answer to an `auth` with a stale token.
   */
  private onRefreshableJwtError(): void {
    if (this.current !== 'connected') return this.refresher.request();
    if (this.auth.isStraggler()) {
      this.cfg.logger.debug('wings: a jwt error from before the last auth, ignored');
      return;
    }
    if (this.markTokenDead()) this.refresher.request();
  }

  /** A denylist `jwt error`: one new token after the next whole second (denial-recovery.ts), a few at most. */
  private onDenied(message: string): void {
    if (this.current === 'connected' && this.auth.isStraggler()) return;
    const verdict = this.denial.denied(isAuthAnswer(message));
    if (verdict === 'ignore') return;
    if (verdict === 'give-up') return this.onFatalJwtError(message, 'denied');
    this.markTokenDead();
    this.refresher.requestAfter(denialRecoveryDelayMs(this.cfg.clock.now(), this.denial.marginMs));
  }

  /** The token is dead (by its claims): not live until a new one is accepted. */
  private onTokenDead(): void {
    if (this.markTokenDead()) this.refresher.request();
  }

  /**
   * Nothing sent now would be read: commands sent just before and those still waiting go another
   * way. False when the token was already dead (or there is no session).
   */
  private markTokenDead(): boolean {
    if (this.current !== 'connected' && this.current !== 'authenticating') return false;
    const wasConnected = this.current === 'connected';
    const refused = wasConnected ? this.auth.takeRefused() : [];
    if (!this.auth.died()) return false;
    refused.push(...this.outbound.drainCommands());
    if (wasConnected) this.transition('authenticating', 'token-expired');
    if (refused.length > 0) this.emitter.emit('commands-refused', refused);
    return true;
  }

  private onEvent(e: WingsEmit): void {
    if (e.event === 'deleted') this.sawDeletedEvent = true;
    if (e.event === 'throttled') this.onThrottled(e.payload);
    this.emitter.emit(e.event, e.payload as never);
    if (e.event === 'transfer-status' && this.current === 'connected' && isTransferReconnectStatus(e.payload)) {
      this.teardownSocket('close');
      this.timers.reset();
      this.scheduleReconnect('transfer');
    }
  }

  /** Wings dropped a message: that event backs off, and the user hears of commands it may have dropped. */
  private onThrottled(name: string): void {
    this.timers.slowDown();
    this.outbound.throttled(name);
    if (name !== 'send command' && name !== 'global') return;
    const commands = this.auth.takeRefused();
    if (commands.length > 0) this.emitter.emit('commands-throttled', commands);
  }

  private onFatalJwtError(message: string, reason: 'auth-error' | 'denied' = 'auth-error'): void {
    this.cfg.logger.warn('wings: fatal JWT error', { message, explanation: explainJwtError(message) ?? undefined });
    this.emitter.emit('auth-error', message);
    this.stop(reason);
  }

  private onRefreshedCredentials(credentials: WebsocketCredentials): void {
    if (credentials.socket !== this.socketUrl) {
      // The server moved to another node (a transfer): the old socket is of no more use.
      this.teardownSocket('close');
      this.timers.clear();
      this.openSocket(credentials, 'transfer');
      return;
    }
    this.auth.sending(credentials.token);
    this.denial.sending();
    if (!this.sendFrame('auth', [credentials.token])) {
      this.cfg.logger.debug('wings: refreshed token arrived with no open socket');
    }
  }

  private onClose(code: number, reason: string): void {
    this.teardownSocket('terminate');
    this.timers.clearConnectTimer();
    this.refresher.cancel();
    const verdict = classifyClose(code, reason, this.sawDeletedEvent);
    if (verdict !== 'reconnect') {
      this.stop(verdict, { closeCode: code });
      return;
    }
    this.scheduleReconnect('closed', { closeCode: code });
  }

  private onConnectTimeout(): void {
    this.cfg.logger.info('wings: no auth success in time, reconnecting');
    this.teardownSocket('terminate');
    this.scheduleReconnect('connect-timeout');
  }

  private scheduleReconnect(reason: ConnectionReason, details: ChangeDetails = {}, minDelayMs = 0): void {
    this.refresher.cancel();
    this.teardownSocket('terminate');
    this.generation += 1;
    const delayMs = this.timers.scheduleRetry(minDelayMs, () => this.startAttempt(reason));
    this.transition('reconnecting', reason, { ...details, retryInMs: delayMs });
  }

  /** Stops for a reason that needs a person; `connect()` may start again later. */
  private stop(reason: ConnectionReason, details: ChangeDetails = {}): void {
    this.generation += 1;
    this.timers.clear();
    this.refresher.cancel();
    this.teardownSocket('close');
    this.timers.ended();
    this.transition('idle', reason, details);
  }

  private teardownSocket(how: 'close' | 'terminate'): void {
    if (this.socket) closeQuietly(this.socket, how);
    this.socket = null;
    this.auth.reset();
    const unsent = this.outbound.reset();
    if (unsent.length > 0) this.emitter.emit('commands-refused', unsent);
  }

  private transition(state: WingsSocketState, reason: ConnectionReason, details: ChangeDetails = {}): void {
    this.current = state;
    this.cfg.logger.debug('wings: state', { state, reason, closeCode: details.closeCode });
    this.emitter.emit('connection', { state, reason, ...details });
  }
}
