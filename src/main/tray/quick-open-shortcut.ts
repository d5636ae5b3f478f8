/**
 * Owns the quick-open search's global shortcut (Electron's globalShortcut): registers the one the
 * settings name, swaps it when they change, and says when the system refused it (another app holds
 * it, or Electron cannot register that key), so the tray shows no shortcut that does nothing and
 * Settings says why.
 */
import { globalShortcut } from 'electron';
import type { Logger } from '../../core/util/deps';
import type { QuickOpenShortcutProblem } from '../../shared/types';

export class QuickOpenShortcut {
  readonly #onPress: (accelerator: string) => void;
  readonly #logger: Logger;
  #registered: string | null = null;
  #wanted = '';
  #problem: QuickOpenShortcutProblem | null = null;

  constructor(options: { onPress: (accelerator: string) => void; logger: Logger }) {
    this.#onPress = options.onPress;
    this.#logger = options.logger;
  }

  /** The accelerator registered now, or null (none set, or refused). */
  get registered(): string | null {
    return this.#registered;
  }

  /** The accelerator asked for when the system refused it, and why; null when registered or off. */
  get problem(): QuickOpenShortcutProblem | null {
    return this.#problem;
  }

  /** Registers `accelerator` ('' for none) in place of the last one; does nothing when it is the same. */
  apply(accelerator: string): void {
    if (accelerator === this.#wanted) return;
    this.#wanted = accelerator;
    this.#release();
    this.#problem = null;
    if (accelerator !== '') this.#register(accelerator);
  }

  /**
   * Tries again a shortcut another application held, which it may have let go since (Settings asks
   * whenever it shows the field). True when it is registered now; a key the system cannot register
   * is not tried again.
   */
  retry(): boolean {
    if (this.#problem?.reason !== 'taken') return false;
    this.#problem = null;
    this.#register(this.#wanted);
    return this.#registered !== null;
  }

  dispose(): void {
    this.#release();
    this.#wanted = '';
    this.#problem = null;
  }

  /** Registers `accelerator` with nothing registered, or keeps why the system refused it. */
  #register(accelerator: string): void {
    let isRegistered: boolean;
    try {
      isRegistered = globalShortcut.register(accelerator, () => this.#onPress(accelerator));
    } catch {
      // Electron throws "conversion failure" for a key it cannot register (numpad keys, Pause:
      // electron/electron#12990); the setting's check lets few through, but one must not stop
      // the settings' other listeners.
      this.#problem = { accelerator, reason: 'unsupported' };
      this.#logger.warn('quick-open: the system cannot register this global shortcut', { accelerator });
      return;
    }
    // register() returns false when another application holds the shortcut (docs/api/global-shortcut.md).
    if (isRegistered) this.#registered = accelerator;
    else {
      this.#problem = { accelerator, reason: 'taken' };
      this.#logger.warn('quick-open: the global shortcut is taken by another application', { accelerator });
    }
  }

  #release(): void {
    if (this.#registered !== null) globalShortcut.unregister(this.#registered);
    this.#registered = null;
  }
}
