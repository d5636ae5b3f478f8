/**
 * The coalescing of the monitor's `changed` (its listeners are core's one TypedEmitter,
 * util/typed-emitter.ts).
 */
import type { Clock } from '../util/deps';

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
