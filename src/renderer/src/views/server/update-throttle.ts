/**
 * Runs a redraw at most once per interval, however often it is asked for: the first request runs
 * at once, later ones within the interval collapse into one run at its end. Timers are injectable
 * so tests use fake ones.
 */

export interface ThrottleTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: ThrottleTimers = {
  now: () => performance.now(),
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};

export class UpdateThrottle {
  #lastRunAt = Number.NEGATIVE_INFINITY;
  #pending: unknown = null;
  #isStopped = false;

  constructor(
    private readonly run: () => void,
    private readonly intervalMs: number,
    private readonly timers: ThrottleTimers = browserTimers,
  ) {}

  /** Asks for a run. */
  request(): void {
    if (this.#isStopped || this.#pending !== null) return;
    const wait = this.#lastRunAt + this.intervalMs - this.timers.now();
    if (wait <= 0) {
      this.#fire();
      return;
    }
    this.#pending = this.timers.setTimeout(() => {
      this.#pending = null;
      this.#fire();
    }, wait);
  }

  /** Drops any pending run; later requests are ignored. */
  stop(): void {
    this.#isStopped = true;
    if (this.#pending !== null) this.timers.clearTimeout(this.#pending);
    this.#pending = null;
  }

  #fire(): void {
    if (this.#isStopped) return;
    this.#lastRunAt = this.timers.now();
    this.run();
  }
}
