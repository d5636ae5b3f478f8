/**
 * Console lines gathered into one terminal write per animation frame. A chatty server prints
 * hundreds of lines a second; one `term.write` per line made xterm parse and lay out each on its
 * own, and the newest line fell seconds behind (issue 15: 160–265 lines a second at most). A
 * frame is the most the eye can see anyway. While frames do not come (a hidden window), the
 * pending lines are kept no longer than the terminal's scrollback would keep them.
 */

/** How a frame is asked for and cancelled: requestAnimationFrame in the window, a fake in tests. */
export interface FrameScheduler {
  request(run: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameScheduler = {
  request: (run) => requestAnimationFrame(run),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export class FrameBatcher {
  #pending: string[] = [];
  #frame: number | null = null;

  /** `flush` gets each frame's lines at once; at most `maxLines` wait (the oldest go first). */
  constructor(
    private readonly flush: (lines: readonly string[]) => void,
    private readonly maxLines: number,
    private readonly frames: FrameScheduler = animationFrames,
  ) {}

  push(lines: readonly string[]): void {
    if (lines.length === 0) return;
    for (const line of lines) this.#pending.push(line);
    // Lines beyond the scrollback would scroll out of the terminal in the same write.
    if (this.#pending.length > this.maxLines) this.#pending.splice(0, this.#pending.length - this.maxLines);
    this.#frame ??= this.frames.request(() => this.#run());
  }

  /** Drops what waits (the view was cleared). */
  discard(): void {
    this.#pending = [];
  }

  stop(): void {
    if (this.#frame !== null) this.frames.cancel(this.#frame);
    this.#frame = null;
    this.#pending = [];
  }

  #run(): void {
    this.#frame = null;
    const lines = this.#pending;
    this.#pending = [];
    if (lines.length > 0) this.flush(lines);
  }
}
