/**
 * With every server followed live, the monitor may send a panel nothing for minutes: the sockets
 * talk to Wings, not to the panel. A panel that goes down meanwhile must still show as unreachable
 * within half a minute, so when nothing was heard from it for HEARTBEAT_MS, one small request
 * (`GET /account`) asks it. Any answer the monitor gets otherwise resets the wait, so a panel
 * that is being polled anyway costs nothing extra.
 */
import { isPanelError } from '../api/errors';
import type { Clock } from '../util/deps';
import type { MonitorClient } from './types';

/** Silence after which the panel is asked. */
export const HEARTBEAT_MS = 20_000;
/** How often the silence is looked at; with HEARTBEAT_MS, a failure is seen within 25 s. */
export const HEARTBEAT_TICK_MS = 5_000;
/** Up to this much is added to HEARTBEAT_MS per panel, so many apps do not ask in step. */
export const HEARTBEAT_JITTER_MS = 3_000;

/** What the heartbeat needs from its account. */
export interface HeartbeatOptions {
  clock: Clock;
  random: () => number;
  /** The client to ask now, or null when the panel must not be asked (no client, known down). */
  probe(): MonitorClient | null;
  /** Runs the request through the panel's budget (which holds it while the panel says to wait). */
  run<T>(request: () => Promise<T>): Promise<T>;
  onFailed(error: unknown): void;
}

/** One timer per panel. */
export class PanelHeartbeat {
  private lastAnswerMs: number;
  private readonly silenceMs: number;
  private timer: unknown = null;
  private isInFlight = false;
  private isDisposed = false;

  constructor(private readonly opts: HeartbeatOptions) {
    this.lastAnswerMs = opts.clock.now();
    this.silenceMs = HEARTBEAT_MS + Math.floor(opts.random() * HEARTBEAT_JITTER_MS);
  }

  start(): void {
    if (this.timer !== null || this.isDisposed) return;
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = null;
      void this.tick().finally(() => this.start());
    }, HEARTBEAT_TICK_MS);
  }

  /** The panel answered something. */
  noteAnswer(): void {
    this.lastAnswerMs = this.opts.clock.now();
  }

  dispose(): void {
    this.isDisposed = true;
    if (this.timer !== null) this.opts.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  private isSilent(): boolean {
    return this.opts.clock.now() - this.lastAnswerMs >= this.silenceMs;
  }

  private async tick(): Promise<void> {
    if (this.isInFlight || !this.isSilent()) return;
    const client = this.opts.probe();
    if (!client) {
      this.noteAnswer(); // nothing to ask now: count the silence from here
      return;
    }
    this.isInFlight = true;
    try {
      // The budget may hold this a while (the panel said to wait: it is up). Then the next tick
      // decides afresh, after whatever else was held has been answered.
      const queuedAtMs = this.opts.clock.now();
      await this.opts.run(async () => {
        if (this.opts.clock.now() - queuedAtMs > HEARTBEAT_TICK_MS || !this.isSilent() || this.opts.probe() !== client) return;
        await client.getAccount({ priority: 'background' });
        if (!this.isDisposed) this.noteAnswer();
      });
    } catch (err) {
      if (isPanelError(err) && err.kind === 'cancelled') return;
      if (!this.isDisposed) {
        this.noteAnswer();
        this.opts.onFailed(err);
      }
    } finally {
      this.isInFlight = false;
    }
  }
}
