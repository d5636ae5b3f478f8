/**
 * The console's command line for one server: the typed text, sending it, the error of the last
 * send, and ↑/↓ through the server's history (loaded from main, which keeps it per server).
 * A failed send keeps the text, so nothing typed is lost.
 */
import { CommandHistory } from './command-history';
import { sendErrorMessage } from './send-errors';
import type { Api } from '../../../../../shared/ipc-contract';
import type { ServerRef } from '../../../../../shared/types';

export type CommandApi = Pick<Api, 'consoleSend' | 'consoleHistory'>;

export class CommandLine {
  value = $state('');
  error = $state<string | null>(null);
  isSending = $state(false);
  readonly #history = new CommandHistory();

  constructor(
    private readonly ref: ServerRef,
    private readonly api: CommandApi,
  ) {}

  /** Loads the server's history; without it ↑ simply has nothing yet. */
  async load(): Promise<void> {
    try {
      const entries = await this.api.consoleHistory(this.ref);
      // Commands sent while it loaded are newer than anything main had.
      this.#history.reset([...entries, ...this.#history.entries.filter((c) => !entries.includes(c))]);
    } catch {
      // History is a convenience: the command line works without it.
    }
  }

  /** Sends what was typed; resolves when main answered. */
  async send(): Promise<void> {
    const command = this.value.trim();
    if (command === '' || this.isSending) return;
    this.isSending = true;
    this.error = null;
    this.#history.push(command);
    try {
      await this.api.consoleSend({ server: this.ref, command });
      if (this.value.trim() === command) this.value = '';
    } catch (failure) {
      this.error = sendErrorMessage(failure);
    } finally {
      this.isSending = false;
    }
  }

  previous(): void {
    this.value = this.#history.up(this.value);
  }

  next(): void {
    this.value = this.#history.down(this.value);
  }

  dismissError(): void {
    this.error = null;
  }
}
