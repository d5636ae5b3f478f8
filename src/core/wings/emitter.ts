/**
 * A small typed event emitter. Node's EventEmitter would do, but it is untyped, throws on an
 * unhandled `error` event, and lets one throwing listener break the socket's message loop.
 */
import type { Disposer, Logger } from '../util/deps';

type Listener<P> = (payload: P) => void;

/** Typed listeners keyed by event name; every `on` returns its disposer. */
export class TypedEmitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  constructor(private readonly logger: Logger) {}

  /** Adds a listener; the returned disposer removes exactly this one. */
  on<E extends keyof Events>(event: E, cb: Listener<Events[E]>): Disposer {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const entry = cb as Listener<never>;
    set.add(entry);
    return () => {
      this.listeners.get(event)?.delete(entry);
    };
  }

  /** Calls every listener; a throwing listener is logged and does not stop the others. */
  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const cb of [...set]) {
      try {
        (cb as Listener<Events[E]>)(payload);
      } catch (err) {
        this.logger.error('wings: a listener threw', { event: String(event), error: String(err) });
      }
    }
  }

  /** Drops every listener. */
  clear(): void {
    this.listeners.clear();
  }
}
