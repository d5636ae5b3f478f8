/**
 * A Clock whose time moves only when the test says so. `advance` fires due timers in order and
 * lets promises settle between them, since the monitor's work is mostly promise chains.
 */
import type { Clock } from '../../../../../src/core/util/deps';

interface Timer {
  atMs: number;
  fn: () => void;
}

/** Lets every queued promise continuation run (setImmediate runs after the microtask queue). */
export async function flush(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class AsyncClock implements Clock {
  private nowMs: number;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

  constructor(startMs = 1_000_000) {
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

  get pendingCount(): number {
    return this.timers.size;
  }

  /** Moves time forward by `ms`, firing due timers in order and settling promises between them. */
  async advance(ms: number): Promise<void> {
    const target = this.nowMs + ms;
    await flush();
    for (;;) {
      let due: [number, Timer] | null = null;
      for (const entry of this.timers) {
        if (entry[1].atMs <= target && (due === null || entry[1].atMs < due[1].atMs)) due = entry;
      }
      if (due === null) break;
      this.timers.delete(due[0]);
      this.nowMs = Math.max(this.nowMs, due[1].atMs);
      due[1].fn();
      await flush();
    }
    this.nowMs = target;
    await flush();
  }

  /** Advances in steps of `stepMs`, calling `each` after every step (for sampling over time). */
  async advanceBy(totalMs: number, stepMs: number, each?: () => void): Promise<void> {
    for (let t = 0; t < totalMs; t += stepMs) {
      await this.advance(Math.min(stepMs, totalMs - t));
      each?.();
    }
  }
}
