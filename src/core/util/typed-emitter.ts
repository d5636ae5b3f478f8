/**
 * The one typed event emitter of core (issue 12): events map to their argument tuples, every `on`
 * returns its disposer, and a throwing listener is logged and does not stop the others (one bad
 * subscriber must not starve the tray of updates, nor break a socket's message loop). Node's
 * EventEmitter would do, but it is untyped and throws on an unhandled `error` event.
 */
import type { Disposer, Logger } from './deps';

type AnyListener = (...args: unknown[]) => void;

/** An event map of single payloads as the tuples TypedEmitter takes: `{ state: S }` → `{ state: [S] }`. */
export type PayloadTuples<Events> = { [E in keyof Events]: [Events[E]] };

export class TypedEmitter<Events extends { [E in keyof Events]: unknown[] }> {
  readonly #listeners = new Map<keyof Events, Set<AnyListener>>();
  readonly #logger: Logger;
  readonly #name: string;

  /** `name` prefixes the log line of a throwing listener ("monitor", "wings"). */
  constructor(logger: Logger, name: string) {
    this.#logger = logger;
    this.#name = name;
  }

  /** Adds a listener; the returned disposer removes exactly this one. */
  on<E extends keyof Events>(event: E, cb: (...args: Events[E]) => void): Disposer {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    const entry = cb as unknown as AnyListener;
    set.add(entry);
    return () => {
      this.#listeners.get(event)?.delete(entry);
    };
  }

  /** True when someone listens; lets hot paths skip building payloads nobody reads. */
  has(event: keyof Events): boolean {
    return (this.#listeners.get(event)?.size ?? 0) > 0;
  }

  /** Calls every listener of `event` in the order they were added. */
  emit<E extends keyof Events>(event: E, ...args: Events[E]): void {
    const set = this.#listeners.get(event);
    if (!set) return;
    for (const cb of [...set]) {
      try {
        (cb as unknown as (...a: Events[E]) => void)(...args);
      } catch (err) {
        this.#logger.error(`${this.#name}: a listener threw`, { event: String(event), error: String(err) });
      }
    }
  }

  /** Drops every listener. */
  clear(): void {
    this.#listeners.clear();
  }
}
