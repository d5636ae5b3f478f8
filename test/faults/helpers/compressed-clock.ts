/**
 * Compressed time for the monitor's slow paths (a panel down for five minutes, a 5-minute list
 * refresh): a Clock whose time moves only when the test says so, while the sockets to the
 * simulated panel stay real. After each timer it fires, `advance` lets the real I/O that timer
 * started settle (the sim's request log stops changing) before firing the next one, so five
 * minutes of back-offs run in a second or two.
 */
import { AsyncClock, flush } from '../../helpers/manual-clock';

/** What the clock watches to know the I/O a timer started is done. */
export interface Activity {
  /** Changes whenever something happens (a request made or answered). */
  signature(): string;
  /** Requests and handshakes started and not finished yet. */
  inFlight(): number;
}

/** A request in flight this long without any change is held by the panel (a delay fault): stop waiting. */
const HUNG_MS = 150;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A manual clock that settles real I/O between the timers it fires. */
export class CompressedClock extends AsyncClock {
  /** Requests found held by the panel: they no longer count as "busy". */
  private hungInFlight = 0;

  constructor(
    private readonly activity: Activity,
    startMs = Date.now(),
  ) {
    super(startMs);
  }

  /**
   * Waits until nothing is in flight and nothing changed for two event-loop turns: the requests a
   * timer started were answered and the answers processed. Real waiting, but only for real
   * sockets on 127.0.0.1 (milliseconds); no compressed time passes meanwhile.
   */
  protected override async settle(): Promise<void> {
    let last = this.activity.signature();
    let quietTurns = 0;
    let unchangedSinceMs = Date.now();
    while (quietTurns < 2) {
      await flush();
      this.hungInFlight = Math.min(this.hungInFlight, this.activity.inFlight());
      const busy = this.activity.inFlight() > this.hungInFlight;
      if (busy) await pause(1);
      const now = this.activity.signature();
      if (now !== last) unchangedSinceMs = Date.now();
      if (busy && Date.now() - unchangedSinceMs > HUNG_MS) this.hungInFlight = this.activity.inFlight();
      quietTurns = now === last && this.activity.inFlight() <= this.hungInFlight ? quietTurns + 1 : 0;
      last = now;
    }
  }

  /** Advances in steps until `predicate` holds; resolves with the time it took, or rejects after `maxMs`. */
  async advanceUntil(what: string, predicate: () => boolean, maxMs: number, stepMs = 1_000): Promise<number> {
    const startMs = this.nowMs;
    while (!predicate()) {
      if (this.nowMs - startMs >= maxMs) throw new Error(`${what}: not within ${maxMs} ms of compressed time`);
      await this.advance(stepMs);
    }
    return this.nowMs - startMs;
  }
}
