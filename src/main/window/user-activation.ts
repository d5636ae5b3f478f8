/**
 * The person's own input to the window, as main sees it (webContents `input-event`, which Electron
 * emits only for input the OS delivered, never for a page script's synthetic events). A link the
 * page asks main to open needs a press or key within the last few seconds, and one press opens one
 * link: the transient activation browsers give `window.open` (HTML, "activation-consuming APIs"),
 * held in main where no page can forge it (issue 11's gesture contract).
 */

/** Input types that count as the person acting (Electron's InputEvent `type`). */
const ACTIVATING = new Set(['mouseDown', 'rawKeyDown', 'keyDown', 'touchStart', 'gestureTap']);

/** How long a press counts, as Chromium's transient activation (5 s, kActivationLifespan). */
export const ACTIVATION_WINDOW_MS = 5_000;

export class UserActivation {
  #last = Number.NEGATIVE_INFINITY;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Called for every input event of the window. */
  observe(type: string): void {
    if (ACTIVATING.has(type)) this.#last = this.#now();
  }

  /** True (once) when the person pressed or typed in the window in the last few seconds. */
  consume(): boolean {
    const isActive = this.#now() - this.#last <= ACTIVATION_WINDOW_MS;
    if (isActive) this.#last = Number.NEGATIVE_INFINITY;
    return isActive;
  }
}
