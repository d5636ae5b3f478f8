/**
 * macOS: the Dock icon is there while the window is, as a tray app's should be. The installed app
 * has none at all (LSUIElement in electron-builder.yml), so with the window open it could not be
 * found in the Dock or with Cmd+Tab; a development run has one always. So: shown with the window,
 * hidden once it is gone. `dock.hide()` within a second of a previous call does nothing (Electron's
 * documented known issue, electron.d.ts Dock.hide), so a hide waits 1.1 s after the last call,
 * and is dropped if the window came back meanwhile.
 */
export interface DockLike {
  show(): Promise<void>;
  hide(): void;
  isVisible(): boolean;
}

export interface DockClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: DockClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The gap Electron's known issue asks for between dock calls, with a margin. */
export const DOCK_CALL_GAP_MS = 1_100;

export class DockPresence {
  #lastCallMs = Number.NEGATIVE_INFINITY;
  #pendingHide: unknown = null;
  #isWindowVisible = false;

  constructor(
    private readonly dock: DockLike | undefined,
    private readonly clock: DockClock = systemClock,
  ) {}

  /** At start, with no window yet: no Dock icon (a development run has one until now). */
  start(): void {
    this.windowVisibilityChanged(false);
  }

  windowVisibilityChanged(isVisible: boolean): void {
    const dock = this.dock;
    if (!dock) return;
    this.#isWindowVisible = isVisible;
    this.#cancelHide();
    if (isVisible) {
      if (!dock.isVisible()) this.#call(() => void dock.show().catch(() => {}));
      return;
    }
    if (!dock.isVisible()) return;
    const wait = Math.max(0, this.#lastCallMs + DOCK_CALL_GAP_MS - this.clock.now());
    this.#pendingHide = this.clock.setTimeout(() => {
      this.#pendingHide = null;
      if (!this.#isWindowVisible && dock.isVisible()) this.#call(() => dock.hide());
    }, wait);
  }

  dispose(): void {
    this.#cancelHide();
  }

  #call(action: () => void): void {
    this.#lastCallMs = this.clock.now();
    action();
  }

  #cancelHide(): void {
    if (this.#pendingHide !== null) this.clock.clearTimeout(this.#pendingHide);
    this.#pendingHide = null;
  }
}
