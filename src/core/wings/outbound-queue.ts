/**
 * What one socket sends, paced by Wings' own limits (outbound-pacer.ts): a frame goes at once
 * when its buckets allow, else it waits in order behind the frames of its bucket, and a timer
 * sends it when they allow. Frames of other buckets are not held up (a `send logs` waiting out
 * its 5 s does not hold a command). Commands are the user's: one that cannot go is handed back
 * (`drainCommands`), never dropped.
 */
import type { Clock } from '../util/deps';
import { OutboundPacer, wingsEventLimit } from './outbound-pacer';

/** Commands waiting at most; one more is refused so the caller sends it another way (REST). */
export const MAX_QUEUED_COMMANDS = 50;

/** One frame to send. */
export interface OutboundFrame {
  event: string;
  args?: string[];
}

/** What the queue needs from its socket. */
export interface OutboundQueueDeps {
  clock: Clock;
  /** Writes one frame now; false when it could not (the socket is not open). */
  write(frame: OutboundFrame): boolean;
  /** False while frames other than `auth` must wait (not authenticated, or the token died). */
  isAuthenticated(): boolean;
  /** A command was written (for the `jwt error` and `throttled` bookkeeping). */
  onCommandSent(command: string): void;
}

/** The outbound side of one socket. */
export class OutboundQueue {
  private pacer: OutboundPacer;
  private waiting: OutboundFrame[] = [];
  private timer: unknown = null;

  constructor(private readonly deps: OutboundQueueDeps) {
    this.pacer = new OutboundPacer(() => deps.clock.now());
  }

  /**
   * Sends `frame` now or as soon as Wings' limits allow. Control frames (`send stats`, `send logs`)
   * already waiting are not queued twice. False when it can never go on this socket: a command
   * over the queue's bound.
   */
  send(frame: OutboundFrame): boolean {
    const isCommand = frame.event === 'send command';
    if (isCommand && this.queuedCommands().length >= MAX_QUEUED_COMMANDS) return false;
    if (!isCommand && frame.event !== 'auth' && this.waiting.some((f) => f.event === frame.event)) return true;
    this.waiting.push(frame);
    this.flush();
    return true;
  }

  /** True when a frame of `event` would be written now rather than wait. */
  canSendNow(event: string): boolean {
    const bucket = wingsEventLimit(event).bucket;
    return this.pacer.waitMs(event) === 0 && !this.waiting.some((f) => wingsEventLimit(f.event).bucket === bucket);
  }

  /** Wings sent `throttled` for `name` (an event, or `global`): that bucket backs off. */
  throttled(name: string): void {
    this.pacer.throttled(name);
    this.flush();
  }

  /** The socket authenticated (again): frames held for it may go. */
  resume(): void {
    this.flush();
  }

  /** Takes back the commands not sent yet (the token died, the socket closed): they go another way. */
  drainCommands(): string[] {
    const commands = this.queuedCommands();
    this.waiting = this.waiting.filter((f) => f.event !== 'send command');
    if (this.waiting.length === 0) this.cancelTimer();
    return commands;
  }

  /** A new socket: Wings makes a new limiter per connection (`NewLimiter()` in GetHandler). */
  reset(): string[] {
    const commands = this.drainCommands();
    this.waiting = [];
    this.cancelTimer();
    this.pacer = new OutboundPacer(() => this.deps.clock.now());
    return commands;
  }

  private queuedCommands(): string[] {
    return this.waiting.filter((f) => f.event === 'send command').map((f) => f.args?.[0] ?? '');
  }

  private flush(): void {
    this.cancelTimer();
    const blocked = new Set<string>();
    let nextMs = Number.POSITIVE_INFINITY;
    for (const frame of [...this.waiting]) {
      const bucket = wingsEventLimit(frame.event).bucket;
      if (blocked.has(bucket)) continue;
      if (frame.event !== 'auth' && !this.deps.isAuthenticated()) {
        blocked.add(bucket);
        continue; // resume() flushes again
      }
      const waitMs = this.pacer.waitMs(frame.event);
      if (waitMs > 0) {
        blocked.add(bucket);
        nextMs = Math.min(nextMs, waitMs);
        continue;
      }
      // Not open: the frame stays, and the close hands the commands back (reset()).
      if (!this.deps.write(frame)) return;
      this.waiting.splice(this.waiting.indexOf(frame), 1);
      this.pacer.take(frame.event);
      if (frame.event === 'send command') this.deps.onCommandSent(frame.args?.[0] ?? '');
    }
    if (Number.isFinite(nextMs)) {
      this.timer = this.deps.clock.setTimeout(() => {
        this.timer = null;
        this.flush();
      }, nextMs);
    }
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
