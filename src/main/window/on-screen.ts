/**
 * What the window shows counts only while it can be seen: the page reports its rows in view and
 * the open server, and a hidden or closed window shows nothing (core/monitor/attention.ts).
 */
export class OnScreen {
  #reported: string[] = [];
  #isVisible = false;

  constructor(private readonly apply: (keys: string[]) => void) {}

  /** The page's report: applied now when the window is visible, kept for when it is shown again. */
  report(keys: string[]): void {
    this.#reported = keys;
    if (this.#isVisible) this.apply(keys);
  }

  visibilityChanged(isVisible: boolean): void {
    if (isVisible === this.#isVisible) return;
    this.#isVisible = isVisible;
    this.apply(isVisible ? this.#reported : []);
  }
}
