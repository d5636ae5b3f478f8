/**
 * A shell-like command history for the console's input: ↑ walks back through earlier commands,
 * ↓ walks forward and finally returns the line that was being typed before ↑ was pressed.
 */

/** Commands kept in the window (main keeps its own list per server; the panel keeps 32). */
export const COMMAND_HISTORY_LIMIT = 100;

export class CommandHistory {
  #entries: string[] = [];
  /** Position while browsing; equal to the length when not browsing. */
  #index = 0;
  #draft = '';

  constructor(private readonly limit = COMMAND_HISTORY_LIMIT) {}

  get entries(): readonly string[] {
    return this.#entries;
  }

  /** Replaces the entries (oldest first), e.g. with main's history for the server. */
  reset(entries: readonly string[]): void {
    this.#entries = entries.slice(-this.limit);
    this.#index = this.#entries.length;
    this.#draft = '';
  }

  /** Records a sent command (a repeat of the last one is kept once) and stops browsing. */
  push(command: string): void {
    if (command !== '' && this.#entries.at(-1) !== command) this.#entries = [...this.#entries, command].slice(-this.limit);
    this.#index = this.#entries.length;
    this.#draft = '';
  }

  /** The line to show after ↑, given what the input holds now. */
  up(current: string): string {
    if (this.#entries.length === 0) return current;
    if (this.#index === this.#entries.length) this.#draft = current;
    this.#index = Math.max(0, this.#index - 1);
    return this.#entries[this.#index] ?? current;
  }

  /** The line to show after ↓: a later command, then the draft. */
  down(current: string): string {
    if (this.#index >= this.#entries.length) return current;
    this.#index += 1;
    return this.#index === this.#entries.length ? this.#draft : (this.#entries[this.#index] ?? current);
  }
}
