/**
 * Console lines gathered into one terminal write per animation frame. A chatty server prints
 * hundreds of lines a second; one `term.write` per line made xterm parse and lay out each on its
 * own, and the newest line fell seconds behind (issue 15: 160–265 lines a second at most). A
 * frame is the most the eye can see anyway. While frames do not come (a hidden window), the
 * pending lines are kept no longer than the terminal's scrollback would keep them. A clear waits
 * for the same frame as the lines that follow it (a redraw with timestamps turned on or off), so
 * the terminal is never drawn empty between the two.
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
  #isClearing = false;

  /**
   * `flush` gets each frame's lines at once, with `clearFirst` when the terminal is to be emptied
   * before them; at most `maxLines` wait (the oldest go first).
   */
  constructor(
    private readonly flush: (lines: readonly string[], clearFirst: boolean) => void,
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

  /** The view is cleared: what waits is dropped, and the terminal emptied at the next frame. */
  clear(): void {
    this.#pending = [];
    this.#isClearing = true;
    this.#frame ??= this.frames.request(() => this.#run());
  }

  stop(): void {
    if (this.#frame !== null) this.frames.cancel(this.#frame);
    this.#frame = null;
    this.#pending = [];
    this.#isClearing = false;
  }

  #run(): void {
    this.#frame = null;
    const lines = this.#pending;
    const clearFirst = this.#isClearing;
    this.#pending = [];
    this.#isClearing = false;
    if (lines.length > 0 || clearFirst) this.flush(lines, clearFirst);
  }
}
