/**
 * Console lines pushed to the window in batches (issue 15): one `console:lines` message per
 * ~frame rather than one `console:line` per line. At 400 lines a second each message is a trip
 * through IPC and the page's event loop; gathered, the window's one-write-per-frame terminal
 * (renderer console/frame-batcher.ts) keeps up with 1,000 lines a second. Order is kept, and a
 * connection change flushes first, so the view never clears after lines of the old connection.
 */
import type { ConsoleLine } from '../shared/types';

/** About one frame of the window's 60 Hz. */
export const CONSOLE_PUSH_INTERVAL_MS = 16;
/** The most that wait (a window that does not read); the oldest go first, as the scrollback would. */
export const CONSOLE_PUSH_MAX_LINES = 20_000;

export interface PushTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: PushTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class ConsolePushBatcher {
  #pending: ConsoleLine[] = [];
  #timer: unknown = null;

  constructor(
    private readonly send: (lines: ConsoleLine[]) => void,
    private readonly timers: PushTimers = realTimers,
    private readonly intervalMs = CONSOLE_PUSH_INTERVAL_MS,
  ) {}

  push(line: ConsoleLine): void {
    this.#pending.push(line);
    if (this.#pending.length > CONSOLE_PUSH_MAX_LINES) this.#pending.splice(0, this.#pending.length - CONSOLE_PUSH_MAX_LINES);
    this.#timer ??= this.timers.set(() => this.flush(), this.intervalMs);
  }

  /** Sends what waits now (before a connection change, which must come after its lines). */
  flush(): void {
    if (this.#timer !== null) this.timers.clear(this.#timer);
    this.#timer = null;
    if (this.#pending.length === 0) return;
    const lines = this.#pending;
    this.#pending = [];
    this.send(lines);
  }

  stop(): void {
    if (this.#timer !== null) this.timers.clear(this.#timer);
    this.#timer = null;
    this.#pending = [];
  }
}
