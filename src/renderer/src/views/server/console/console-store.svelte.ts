/**
 * One server's console as the window keeps it while its view is open: the backlog from attach,
 * then the pushed lines, as terminal text in a bounded buffer. A terminal (the Console tab)
 * connects as a sink and gets the buffer replayed, so switching tabs loses nothing.
 */
import { formatLine } from './line-format';
import { t } from '../../../lib/strings';
import type { ConsoleConnection, ConsoleLine } from '../../../../../shared/types';

/** Lines kept, and the terminal's scrollback: enough to scroll back, bounded for a chatty server. */
export const CONSOLE_SCROLLBACK = 5000;
// Trim in batches so a busy console does not shift the whole buffer for every line.
const TRIM_SLACK = 500;

/** Where formatted lines go: the terminal of the Console tab. */
export interface ConsoleSink {
  write(lines: readonly string[]): void;
  clear(): void;
}

export type AttachStatus = 'attaching' | 'attached' | 'failed';

export class ConsoleStore {
  connection = $state<ConsoleConnection>('connecting');
  attachStatus = $state<AttachStatus>('attaching');
  attachError = $state<string | null>(null);
  /** Lines in the buffer, for the "no output yet" hint. */
  lineCount = $state(0);

  #lines: string[] = [];
  #sink: ConsoleSink | null = null;
  // Lines pushed before attach answered: they come after its backlog.
  #early: ConsoleLine[] = [];
  #isBacklogStale = false;

  constructor(private readonly capacity = CONSOLE_SCROLLBACK) {}

  beginAttach(): void {
    this.attachStatus = 'attaching';
    this.attachError = null;
    this.#early = [];
    this.#isBacklogStale = false;
  }

  /** Attach answered: the backlog, then what was pushed meanwhile. */
  attached(backlog: readonly string[], connection: ConsoleConnection): void {
    this.attachStatus = 'attached';
    if (!this.#isBacklogStale) this.connection = connection;
    const lines = this.#isBacklogStale ? [] : backlog.map((text) => formatLine({ text, kind: 'output' }, t.console.prelude));
    this.#append([...lines, ...this.#early.map((line) => formatLine(line, t.console.prelude))]);
    this.#early = [];
  }

  attachFailed(message: string): void {
    this.attachStatus = 'failed';
    this.attachError = message;
  }

  /** A line main pushed for this server. */
  push(line: ConsoleLine): void {
    if (this.attachStatus === 'attaching') {
      this.#early.push(line);
      if (this.#early.length > this.capacity) this.#early.splice(0, this.#early.length - this.capacity);
      return;
    }
    this.#append([formatLine(line, t.console.prelude)]);
  }

  /**
   * A connection change main pushed. On a new connection Wings replays its recent log, so the
   * view starts over, as the panel's console does; otherwise every reconnect would repeat lines.
   */
  setConnection(connection: ConsoleConnection): void {
    const wasConnected = this.connection === 'connected';
    this.connection = connection;
    if (connection !== 'connected' || wasConnected) return;
    if (this.attachStatus === 'attaching') {
      this.#early = [];
      this.#isBacklogStale = true;
    } else this.clear();
  }

  /** Empties the view (Ctrl/Cmd+L); the server's own log is untouched. */
  clear(): void {
    this.#lines = [];
    this.lineCount = 0;
    this.#sink?.clear();
  }

  /** Connects a terminal: it gets the buffer now and every line after; returns the disconnect. */
  connect(sink: ConsoleSink): () => void {
    this.#sink = sink;
    if (this.#lines.length > 0) sink.write(this.#lines.slice(-this.capacity));
    return () => {
      if (this.#sink === sink) this.#sink = null;
    };
  }

  #append(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.#lines.push(...lines);
    if (this.#lines.length > this.capacity + TRIM_SLACK) this.#lines.splice(0, this.#lines.length - this.capacity);
    this.lineCount = Math.min(this.#lines.length, this.capacity);
    this.#sink?.write(lines);
  }
}
