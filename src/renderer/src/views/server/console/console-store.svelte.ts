/**
 * One server's console as the window keeps it while its view is open: the backlog from attach,
 * then the pushed lines, as terminal text in a bounded buffer. A terminal (the Console tab)
 * connects as a sink and gets the buffer replayed, so switching tabs loses nothing.
 */
import { formatLine, timestampPrefix } from './line-format';
import { t } from '../../../lib/strings';
import type { ConsoleConnection, ConsoleLine } from '../../../../../shared/types';

/**
 * Lines kept, and the terminal's scrollback, unless Settings says otherwise (issue 15): enough to
 * scroll back through a server's start, bounded for a chatty one (the panel keeps 500 on screen).
 */
export const CONSOLE_SCROLLBACK = 10_000;
// Trim in batches so a busy console does not shift the whole buffer for every line.
const TRIM_SLACK = 500;

/** Where formatted lines go: the terminal of the Console tab. */
export interface ConsoleSink {
  write(lines: readonly string[]): void;
  clear(): void;
}

export type AttachStatus = 'attaching' | 'attached' | 'failed';

/** A formatted line and when the window received it (null: from the backlog, printed earlier). */
interface Entry {
  atMs: number | null;
  text: string;
}

export class ConsoleStore {
  connection = $state<ConsoleConnection>('connecting');
  attachStatus = $state<AttachStatus>('attaching');
  attachError = $state<string | null>(null);
  /** Lines in the buffer, for the "no output yet" hint. */
  lineCount = $state(0);
  /** Each line after the time it arrived (Timestamps in the console's strip). */
  showsTimestamps = $state(false);

  #lines: Entry[] = [];
  #sink: ConsoleSink | null = null;
  // Lines pushed before attach answered: they come after its backlog.
  #early: Entry[] = [];
  #isBacklogStale = false;

  constructor(
    readonly capacity = CONSOLE_SCROLLBACK,
    private readonly now: () => number = Date.now,
  ) {}

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
    const lines = this.#isBacklogStale ? [] : backlog.map((text): Entry => ({ atMs: null, text: formatLine({ text, kind: 'output' }, t.console.prelude) }));
    this.#append([...lines, ...this.#early]);
    this.#early = [];
  }

  attachFailed(message: string): void {
    this.attachStatus = 'failed';
    this.attachError = message;
  }

  /** A line main pushed for this server. */
  push(line: ConsoleLine): void {
    // A line Wings replayed on reconnecting was printed earlier: its time is not known, as the backlog's.
    const entry = { atMs: line.isReplay ? null : this.now(), text: formatLine(line, t.console.prelude) };
    if (this.attachStatus === 'attaching') {
      this.#early.push(entry);
      if (this.#early.length > this.capacity) this.#early.splice(0, this.#early.length - this.capacity);
      return;
    }
    this.#append([entry]);
  }

  /** Lines main pushed in one batch, in order: appended at once (one write to the terminal). */
  pushMany(lines: readonly ConsoleLine[]): void {
    if (lines.length === 0) return;
    if (this.attachStatus === 'attaching') {
      for (const line of lines) this.push(line);
      return;
    }
    const atMs = this.now();
    this.#append(lines.map((line) => ({ atMs: line.isReplay ? null : atMs, text: formatLine(line, t.console.prelude) })));
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

  /** Timestamps on or off: the terminal is redrawn from the buffer, so earlier lines get them too. */
  setTimestamps(isOn: boolean): void {
    if (isOn === this.showsTimestamps) return;
    this.showsTimestamps = isOn;
    if (!this.#sink) return;
    this.#sink.clear();
    this.#replay(this.#sink);
  }

  /** Connects a terminal: it gets the buffer now and every line after; returns the disconnect. */
  connect(sink: ConsoleSink): () => void {
    this.#sink = sink;
    this.#replay(sink);
    return () => {
      if (this.#sink === sink) this.#sink = null;
    };
  }

  #replay(sink: ConsoleSink): void {
    if (this.#lines.length > 0) sink.write(this.#render(this.#lines.slice(-this.capacity)));
  }

  #render(entries: readonly Entry[]): string[] {
    return this.showsTimestamps ? entries.map((e) => `${timestampPrefix(e.atMs)}${e.text}`) : entries.map((e) => e.text);
  }

  #append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    for (const entry of entries) this.#lines.push(entry);
    if (this.#lines.length > this.capacity + TRIM_SLACK) this.#lines.splice(0, this.#lines.length - this.capacity);
    this.lineCount = Math.min(this.#lines.length, this.capacity);
    this.#sink?.write(this.#render(entries));
  }
}
