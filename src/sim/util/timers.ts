/**
 * Every timer the sim starts goes through a TimerSet, so `close()` can stop them all at once
 * (house style rule 14) and tests never leave a handle open.
 */
import type { Clock } from '../../core/util/deps';

/** Tracks timeouts and intervals made through an injected clock. */
export class TimerSet {
  private readonly handles = new Set<{ handle: unknown }>();
  private closed = false;

  constructor(private readonly clock: Clock) {}

  /** Runs `fn` once after `ms`; the returned function cancels it. */
  timeout(fn: () => void, ms: number): () => void {
    if (this.closed) return () => {};
    const entry = { handle: undefined as unknown };
    entry.handle = this.clock.setTimeout(() => {
      this.handles.delete(entry);
      fn();
    }, ms);
    this.handles.add(entry);
    return () => {
      if (this.handles.delete(entry)) this.clock.clearTimeout(entry.handle);
    };
  }

  /** Runs `fn` every `ms` (chained timeouts, so the Clock needs no setInterval). */
  interval(fn: () => void, ms: number): () => void {
    let cancelCurrent: () => void = () => {};
    let stopped = false;
    const schedule = (): void => {
      cancelCurrent = this.timeout(() => {
        if (stopped) return;
        fn();
        if (!stopped) schedule();
      }, ms);
    };
    schedule();
    return () => {
      stopped = true;
      cancelCurrent();
    };
  }

  /** A promise resolved after `ms` (or never, once closed: the caller's socket is gone anyway). */
  delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.timeout(resolve, ms);
    });
  }

  /** Cancels everything; later calls start nothing. */
  clearAll(): void {
    this.closed = true;
    for (const entry of this.handles) this.clock.clearTimeout(entry.handle);
    this.handles.clear();
  }
}
