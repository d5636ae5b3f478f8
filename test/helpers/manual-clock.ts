/**
 * Clocks whose time moves only when the test says so. They share the timer queue and differ in
 * what happens between two timers: nothing (ManualClock), letting promises settle (AsyncClock),
 * or letting real I/O settle (the fault suite's CompressedClock).
 */
import type { Clock } from '../../src/core/util/deps';

interface Timer {
  atMs: number;
  fn: () => void;
}

/** The timer queue every manual clock is built on. */
export abstract class TimerClock implements Clock {
  protected nowMs: number;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { atMs: this.nowMs + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Timers still pending (a disposed object must leave none). */
  get pendingCount(): number {
    return this.timers.size;
  }

  /** Delays of the pending timers from now, soonest first. */
  pendingDelays(): number[] {
    return [...this.timers.values()].map((t) => t.atMs - this.nowMs).sort((a, b) => a - b);
  }

  /**
   * Takes the earliest timer due by `targetMs` off the queue and moves the clock to its time;
   * null when none is due. Ties fire in the order they were set.
   */
  protected takeNextDue(targetMs: number): (() => void) | null {
    let due: [number, Timer] | null = null;
    for (const entry of this.timers) {
      if (entry[1].atMs <= targetMs && (due === null || entry[1].atMs < due[1].atMs)) due = entry;
    }
    if (due === null) return null;
    this.timers.delete(due[0]);
    this.nowMs = Math.max(this.nowMs, due[1].atMs);
    return due[1].fn;
  }
}

/** Fires due timers synchronously, in order. */
export class ManualClock extends TimerClock {
  constructor(startMs = 1_000_000) {
    super(startMs);
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.nowMs + ms;
    for (let fn = this.takeNextDue(target); fn; fn = this.takeNextDue(target)) fn();
    this.nowMs = target;
  }
}

/** Lets every queued promise continuation run (setImmediate runs after the microtask queue). */
export async function flush(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * Fires due timers in order and lets promises settle between them (before the first, after each
 * and at the end), for code whose work is mostly promise chains. `settle` can be replaced.
 */
export class AsyncClock extends TimerClock {
  constructor(startMs = 1_000_000) {
    super(startMs);
  }

  /** What runs between two timers. */
  protected settle(): Promise<void> {
    return flush();
  }

  /** Moves time forward by `ms`, firing due timers in order and settling between them. */
  async advance(ms: number): Promise<void> {
    const target = this.nowMs + ms;
    await this.settle();
    for (let fn = this.takeNextDue(target); fn; fn = this.takeNextDue(target)) {
      fn();
      await this.settle();
    }
    this.nowMs = target;
    await this.settle();
  }

  /** Advances in steps of `stepMs`, calling `each` after every step (for sampling over time). */
  async advanceBy(totalMs: number, stepMs: number, each?: () => void): Promise<void> {
    for (let t = 0; t < totalMs; t += stepMs) {
      await this.advance(Math.min(stepMs, totalMs - t));
      each?.();
    }
  }
}
