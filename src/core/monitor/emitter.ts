/**
 * The monitor's listeners, and the coalescing of `changed`. A throwing listener is logged and
 * does not stop the others: one bad subscriber must not starve the tray of updates.
 */
import type { Clock, Disposer, Logger } from '../util/deps';
import type { MonitorEventMap, MonitorListener } from './types';

type AnyListener = (...args: never[]) => void;

/** Typed listeners keyed by event name. */
export class MonitorEmitter {
  private readonly listeners = new Map<keyof MonitorEventMap, Set<AnyListener>>();

  constructor(private readonly logger: Logger) {}

  /** Adds a listener; the disposer removes exactly this one. */
  on<E extends keyof MonitorEventMap>(event: E, cb: MonitorListener<E>): Disposer {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const entry = cb as AnyListener;
    set.add(entry);
    return () => {
      this.listeners.get(event)?.delete(entry);
    };
  }

  /** True when someone listens; lets hot paths skip building payloads nobody reads. */
  has(event: keyof MonitorEventMap): boolean {
    return (this.listeners.get(event)?.size ?? 0) > 0;
  }

  emit<E extends keyof MonitorEventMap>(event: E, ...args: MonitorEventMap[E]): void {
    const set = this.listeners.get(event);
    if (!set) return;
    for (const cb of [...set]) {
      try {
        (cb as (...a: MonitorEventMap[E]) => void)(...args);
      } catch (err) {
        this.logger.error('monitor: a listener threw', { event, error: String(err) });
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

/**
 * Calls `fire` at most once per `intervalMs`, after the marks that asked for it. The first mark
 * after a quiet period fires on the next turn of the clock, so a lone change is not delayed.
 */
export class ChangeCoalescer {
  private timer: unknown = null;
  private lastFiredMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly fire: () => void,
  ) {}

  mark(): void {
    if (this.timer !== null) return;
    const delayMs = Math.max(0, this.lastFiredMs + this.intervalMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.lastFiredMs = this.clock.now();
      this.fire();
    }, delayMs);
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
