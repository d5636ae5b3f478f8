/**
 * Owns the quick-open search's global shortcut (Electron's globalShortcut): registers the one the
 * settings name, swaps it when they change, and says when the system refused it (another app holds
 * it), so the tray shows no shortcut that does nothing.
 */
import { globalShortcut } from 'electron';
import type { Logger } from '../../core/util/deps';

export class QuickOpenShortcut {
  readonly #onPress: () => void;
  readonly #logger: Logger;
  #registered: string | null = null;
  #wanted = '';

  constructor(options: { onPress: () => void; logger: Logger }) {
    this.#onPress = options.onPress;
    this.#logger = options.logger;
  }

  /** The accelerator registered now, or null (none set, or refused). */
  get registered(): string | null {
    return this.#registered;
  }

  /** The accelerator asked for that the system refused (another application holds it), or null. */
  get taken(): string | null {
    return this.#wanted !== '' && this.#registered === null ? this.#wanted : null;
  }

  /** Registers `accelerator` ('' for none) in place of the last one; does nothing when it is the same. */
  apply(accelerator: string): void {
    if (accelerator === this.#wanted) return;
    this.#wanted = accelerator;
    this.#release();
    if (accelerator === '') return;
    // register() returns false when another application holds the shortcut (docs/api/global-shortcut.md).
    if (globalShortcut.register(accelerator, () => this.#onPress())) this.#registered = accelerator;
    else this.#logger.warn('quick-open: the global shortcut is taken by another application', { accelerator });
  }

  dispose(): void {
    this.#release();
    this.#wanted = '';
  }

  #release(): void {
    if (this.#registered !== null) globalShortcut.unregister(this.#registered);
    this.#registered = null;
  }
}
