/** A Clock whose time moves only when the test says so; counts pending timers for leak checks. */
import type { Clock } from '../../../../../src/core/util/deps';

interface Timer {
  atMs: number;
  fn: () => void;
}

export class ManualClock implements Clock {
  private nowMs = 0;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

  now(): number {
    return this.nowMs;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { atMs: this.nowMs + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pendingCount(): number {
    return this.timers.size;
  }

  /** Delays of the pending timers from now, soonest first. */
  pendingDelays(): number[] {
    return [...this.timers.values()].map((t) => t.atMs - this.nowMs).sort((a, b) => a - b);
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.nowMs + ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.atMs <= target)
        .sort((a, b) => a[1].atMs - b[1].atMs)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.nowMs = due[1].atMs;
      due[1].fn();
    }
    this.nowMs = target;
  }
}
