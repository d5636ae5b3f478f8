/**
 * Writing to stdout and stderr for the CLI. Three promises: the API key never reaches either
 * stream (every chunk passes the redactor, even debug lines), no line carries an escape sequence
 * or control character (`line()`; only `files cat` and `console` write raw, each on purpose), and
 * a closed pipe (`pterotray servers | head`) ends the command quietly instead of crashing with EPIPE.
 */
import type { Writable } from 'node:stream';
import { secretsOf } from '../core/api/redact';
import { stripControlKeepingLines } from './format/sanitize';

const REDACTED = '[redacted]';

/**
 * The secrets to keep out of every output. Filled once credentials are read, which happens after
 * the streams exist; secrets shorter than 8 characters are ignored (too many false hits).
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string): void {
    if (secret.length >= 8) this.secrets.add(secret);
  }

  /** The key and its secret half (the core's rule), so a partial echo is caught too. */
  addApiKey(apiKey: string): void {
    for (const secret of secretsOf(apiKey)) this.add(secret);
  }

  apply(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join(REDACTED);
    return result;
  }
}

/** One output stream: redacts, and notes (rather than throws) when the reader went away. */
export class OutputStream {
  private closed = false;
  private readonly closeListeners = new Set<() => void>();

  constructor(
    private readonly stream: Writable,
    private readonly redactor: Redactor,
  ) {
    // Without a listener an EPIPE is an uncaught 'error' event and kills the process loudly.
    stream.on('error', this.onError);
  }

  /** True once the reader closed the pipe: further writes are dropped. */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Whether the stream is an interactive terminal (progress lines are drawn only then). */
  get isTTY(): boolean {
    return (this.stream as Writable & { isTTY?: boolean }).isTTY === true;
  }

  /** Writes `text` as it is (redacted): for a file's bytes, a console line, a progress redraw. */
  write(text: string): void {
    if (this.closed || text.length === 0) return;
    try {
      this.stream.write(this.redactor.apply(text));
    } catch {
      this.onError();
    }
  }

  /**
   * Writes one line (or several, as pretty JSON is) for a person to read. Whatever a command
   * forgot to clean, no escape sequence or control character but newline and tab gets through:
   * panel text reaches lines in many places (names, messages, errors).
   */
  line(text = ''): void {
    this.write(`${stripControlKeepingLines(text)}\n`);
  }

  /** Calls `listener` once when the reader goes away; returns a disposer. */
  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Resolves once everything written so far has been handed to the OS (or the pipe closed). */
  flush(): Promise<void> {
    if (this.closed || this.stream.writableLength === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.stream.once('drain', resolve);
      this.onClose(resolve);
    });
  }

  dispose(): void {
    this.stream.off('error', this.onError);
    this.closeListeners.clear();
  }

  // EPIPE is the usual cause; any other write error leaves the stream as unusable, so all count
  // as "the reader went away" rather than a crash in the middle of an event handler.
  private readonly onError = (): void => {
    if (this.closed) return;
    this.closed = true;
    for (const listener of [...this.closeListeners]) listener();
  };
}

/** stdout for data, stderr for everything a person reads about the run. */
export interface Output {
  stdout: OutputStream;
  stderr: OutputStream;
  redactor: Redactor;
}

/** Builds both streams around one redactor. */
export function createOutput(stdout: Writable, stderr: Writable): Output {
  const redactor = new Redactor();
  return { stdout: new OutputStream(stdout, redactor), stderr: new OutputStream(stderr, redactor), redactor };
}
