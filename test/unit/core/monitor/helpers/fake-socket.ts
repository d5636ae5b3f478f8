/**
 * A WingsSocket double: `connect()` fetches credentials through the monitor's own function (so
 * token requests are counted and paced as for real), then connects or fails as the test says.
 * Tests push Wings events with `emit`.
 */
import type { PanelError } from '../../../../../src/core/api/errors';
import type { PowerSignal, PowerState } from '../../../../../src/core/api/models';
import type { Disposer } from '../../../../../src/core/util/deps';
import type { ConnectionChange, WingsEvents, WingsSocketOptions, WingsSocketState } from '../../../../../src/core/wings';
import type { WingsSocketLike } from '../../../../../src/core/monitor';

const FATAL_KINDS = new Set(['auth', 'forbidden', 'not-found', 'two-factor-required']);
const RETRY_MS = 1_000;

/** What happens after credentials arrive. */
export type ConnectBehaviour = 'connect' | 'fail' | 'hang';

export class FakeSocket implements WingsSocketLike {
  state: WingsSocketState = 'idle';
  readonly sent: string[] = [];
  isDisposed = false;
  private readonly listeners = new Map<keyof WingsEvents, Set<(payload: never) => void>>();

  /**
   * `connectStatus` is what Wings sends after the first `auth success` (it always sends the
   * state, wings router/websocket/websocket.go); null sends nothing, so the test says when.
   */
  constructor(
    readonly opts: WingsSocketOptions,
    private readonly behaviour: () => ConnectBehaviour,
    private readonly connectStatus: () => PowerState | null = () => null,
  ) {}

  retryCount = 0;

  get canDeliver(): boolean {
    return this.state === 'connected';
  }

  /** As WingsSocket: a reconnect waiting for its turn starts now. */
  retryNow(): void {
    this.retryCount += 1;
    if (this.state !== 'reconnecting' || this.isDisposed) return;
    if (this.retryTimer !== null && this.retryTimer !== undefined) this.opts.clock?.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempt();
  }

  /** The server, learnt from the socket URL of the last credentials (`ws://node/<identifier>`). */
  identifier: string | null = null;

  on<E extends keyof WingsEvents>(event: E, cb: (payload: WingsEvents[E]) => void): Disposer {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const entry = cb as (payload: never) => void;
    set.add(entry);
    return () => set.delete(entry);
  }

  emit<E extends keyof WingsEvents>(event: E, payload: WingsEvents[E]): void {
    for (const cb of [...(this.listeners.get(event) ?? [])]) (cb as (p: WingsEvents[E]) => void)(payload);
  }

  connect(): void {
    this.attempt();
  }

  /** One connection attempt, as WingsSocket makes one: fetch credentials, then open. */
  attempt(): void {
    this.transition({ state: 'connecting', reason: 'connect' });
    this.opts.fetchCredentials().then(
      (credentials) => {
        if (this.isDisposed) return;
        this.identifier = credentials.socket.split('/').pop() ?? null;
        const behaviour = this.behaviour();
        if (behaviour === 'connect') {
          this.transition({ state: 'connected', reason: 'auth-success' });
          const status = this.connectStatus();
          if (status !== null) this.emit('status', status);
        }
        if (behaviour === 'fail') this.retry({ state: 'reconnecting', reason: 'closed', closeCode: 1006, retryInMs: RETRY_MS });
      },
      (error: PanelError) => {
        if (this.isDisposed) return;
        // As WingsSocket: a refusal that waiting cannot fix stops; anything else is retried.
        if (FATAL_KINDS.has(error.kind)) this.transition({ state: 'idle', reason: 'credentials-failed', error });
        else this.retry({ state: 'reconnecting', reason: 'credentials-failed', error, retryInMs: RETRY_MS });
      },
    );
  }

  private retryTimer: unknown = null;

  private retry(change: ConnectionChange): void {
    this.transition(change);
    this.retryTimer = this.opts.clock?.setTimeout(() => {
      this.retryTimer = null;
      if (!this.isDisposed) this.attempt();
    }, RETRY_MS);
  }

  /** Simulates Wings dropping the connection. */
  drop(): void {
    this.transition({ state: 'reconnecting', reason: 'closed', closeCode: 1006, retryInMs: 1000 });
  }

  transition(change: ConnectionChange): void {
    if (this.isDisposed) return;
    this.state = change.state;
    this.emit('connection', change);
  }

  dispose(): void {
    if (this.retryTimer !== null && this.retryTimer !== undefined) this.opts.clock?.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.isDisposed = true;
    this.state = 'disposed';
    this.listeners.clear();
  }

  setState(signal: PowerSignal): boolean {
    if (this.state !== 'connected') return false;
    this.sent.push(`set state ${signal}`);
    return true;
  }

  sendCommand(command: string): boolean {
    if (this.state !== 'connected') return false;
    this.sent.push(`send command ${command}`);
    return true;
  }

  sendStats(): boolean {
    if (this.state !== 'connected') return false;
    this.sent.push('send stats');
    return true;
  }
}
