/**
 * `app.dock` (macOS only; undefined elsewhere, as in Electron): the Dock icon's visibility and
 * every call, with the documented known issue of `dock.hide()` (electron.d.ts, Dock.hide):
 * "Calling dock.hide() within one second of a previous call will have no effect."
 * A packaged build starts hidden (electron-builder.yml sets LSUIElement: a tray app, no Dock
 * icon); a development run starts with the icon shown, as Electron's own bundle does.
 */
export interface DockRecord {
  visible: boolean;
  /** 'show', 'hide', or 'hide (ignored)' for one within a second of the previous call. */
  calls: string[];
}

export class Dock {
  #visible: boolean;
  #lastCallMs = Number.NEGATIVE_INFINITY;
  readonly #calls: string[] = [];

  constructor(
    isPackaged: boolean,
    private readonly touch: () => void,
    private readonly now: () => number = Date.now,
  ) {
    this.#visible = !isPackaged;
  }

  show(): Promise<void> {
    this.#lastCallMs = this.now();
    this.#visible = true;
    this.#calls.push('show');
    this.touch();
    return Promise.resolve();
  }

  hide(): void {
    const now = this.now();
    const isTooSoon = now - this.#lastCallMs < 1_000;
    this.#lastCallMs = now;
    if (isTooSoon) {
      this.#calls.push('hide (ignored)');
    } else {
      this.#visible = false;
      this.#calls.push('hide');
    }
    this.touch();
  }

  isVisible(): boolean {
    return this.#visible;
  }

  record(): DockRecord {
    return { visible: this.#visible, calls: [...this.#calls] };
  }
}
