/** A Clock the test moves by hand, for timeouts that must fire while a real socket waits. */
import type { Clock } from '../../../../../src/core/util/deps';

export class ManualClock implements Clock {
  private nowMs = 1_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { atMs: number; fn: () => void }>();

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

  /** Timers still pending (a disposed client must leave none). */
  pending(): number {
    return this.timers.size;
  }

  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const target = this.nowMs + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.atMs <= target).sort((a, b) => a[1].atMs - b[1].atMs)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.nowMs = due[1].atMs;
      due[1].fn();
    }
    this.nowMs = target;
  }
}
