/**
 * An interactive console over the Wings websocket: Wings' lines to stdout, stdin's lines to Wings,
 * connection news to stderr. Ends cleanly on stdin EOF or an interrupt; fails on what needs a
 * person (suspended, deleted, revoked key).
 */
import { createInterface, type Interface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { ClientApi } from '../core/api/client-types';
import { isPanelError, PanelError } from '../core/api/errors';
import type { Server } from '../core/api/models';
import type { Clock, Disposer } from '../core/util/deps';
import { explainJwtError } from '../core/wings/inbound';
import type { ConnectionChange } from '../core/wings/types';
import type { ConsoleSocket } from './external-deps';
import type { Output } from './output';
import { panelErrorLine } from './failure';
import { keepOnlyColours, stripControl, stripControlKeepingLines } from './format/sanitize';

/**
 * After stdin ends, how long to keep printing after the last command sent, or after connecting
 * (`echo list | pterotray console lobby` would otherwise exit before the server replied, and
 * `pterotray console lobby < /dev/null` before the recent log lines arrived).
 */
export const ANSWER_GRACE_MS = 2000;

export interface ConsoleSessionOptions {
  client: ClientApi;
  server: Server;
  socket: ConsoleSocket;
  stdin: Readable;
  out: Output;
  clock: Clock;
  signal: AbortSignal;
}

/** One console run; `run()` resolves when it ends cleanly and rejects on a failure. */
export class ConsoleSession {
  private readonly disposers: Disposer[] = [];
  private readonly pending: string[] = [];
  private hasConnected = false;
  private hasStdinEnded = false;
  private lastActivityAtMs = Number.NEGATIVE_INFINITY;
  private reader: Interface | null = null;
  private graceTimer: unknown = null;
  private settle: { resolve: () => void; reject: (error: unknown) => void } | null = null;

  constructor(private readonly opts: ConsoleSessionOptions) {}

  run(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
      if (this.opts.signal.aborted) return this.finish();
      const onAbort = (): void => this.finish();
      this.opts.signal.addEventListener('abort', onAbort);
      this.disposers.push(() => this.opts.signal.removeEventListener('abort', onAbort));
      this.listen();
      this.opts.socket.connect();
      this.readStdin();
    }).finally(() => this.dispose());
  }

  private listen(): void {
    const { socket, out } = this.opts;
    // On a terminal the game's colours stay and nothing else does (a console line could set the
    // clipboard with OSC 52 or retitle the window); in a file or a pipe colours are noise too.
    const clean = out.stdout.isTTY ? keepOnlyColours : stripControlKeepingLines;
    this.disposers.push(
      socket.on('console', (line) => out.stdout.write(withNewline(clean(line)))),
      socket.on('status', (state) => out.stderr.line(`[pterotray] server marked as ${stripControl(state)}`)),
      socket.on('daemon-message', (text) => out.stderr.line(`[daemon] ${stripControl(text)}`)),
      socket.on('daemon-error', (text) => out.stderr.line(`[daemon error] ${stripControl(text)}`)),
      socket.on('auth-error', (message) =>
        this.fail(new PanelError({ kind: 'forbidden', message: explainJwtError(message) ?? `The node refused the console: ${message}` })),
      ),
      socket.on('connection', (change) => this.onConnection(change)),
      // Wings dropped these unread (its token check runs first): the panel takes them instead.
      socket.on('commands-refused', (commands) => void this.resendRefused(commands)),
      // Wings throttled commands sent too fast: one may not have run; not resent (it may have).
      socket.on('commands-throttled', (commands) =>
        out.stderr.line(`[pterotray] the node throttled commands sent too fast; ${commands.map((c) => `"${c}"`).join(', ')} may not have run`),
      ),
    );
  }

  private async resendRefused(commands: string[]): Promise<void> {
    for (const command of commands) {
      this.opts.out.stderr.line(`[pterotray] the node did not take "${command}" (its token had expired, or the socket closed); sending it through the panel`);
      await this.viaRest(command);
    }
  }

  private async viaRest(command: string): Promise<void> {
    try {
      await this.opts.client.sendCommand(this.opts.server.identifier, command, { signal: this.opts.signal });
    } catch (error) {
      if (isPanelError(error) && error.kind !== 'cancelled') this.opts.out.stderr.line(panelErrorLine(error));
    }
  }

  private onConnection(change: ConnectionChange): void {
    const { out, server } = this.opts;
    if (change.state === 'connected') {
      if (!this.hasConnected) out.stderr.line(`[pterotray] connected to ${stripControl(server.name)}; type commands, Ctrl-D to quit`);
      else out.stderr.line('[pterotray] reconnected');
      this.hasConnected = true;
      this.lastActivityAtMs = this.opts.clock.now();
      // After the socket's own `send logs` (sent right after this event): otherwise the replayed
      // history would include, and so repeat, the answers to these commands.
      queueMicrotask(() => this.flushPending());
    } else if (change.state === 'reconnecting' && change.error !== undefined && this.shouldGiveUp(change.error)) {
      this.fail(change.error);
    } else if (change.state === 'reconnecting') {
      const seconds = Math.ceil((change.retryInMs ?? 0) / 1000);
      out.stderr.line(`[pterotray] connection lost, retrying in ${seconds}s`);
    } else if (change.state === 'idle' && change.reason !== 'connect') {
      this.fail(change.error ?? new PanelError({ kind: stopKind(change.reason), message: stopMessage(change.reason) }));
    }
  }

  /**
   * The socket retries what waiting may fix, which suits the tray. A person at a prompt is better
   * told at once: a 409 (suspended, installing) ends the console, and so does any failure to get
   * a token before the first connection.
   */
  private shouldGiveUp(error: PanelError): boolean {
    return error.kind === 'conflict' || !this.hasConnected;
  }

  private readStdin(): void {
    const reader = createInterface({ input: this.opts.stdin, crlfDelay: Infinity, terminal: false });
    this.reader = reader;
    reader.on('line', (line) => void this.send(line));
    reader.on('close', () => this.onStdinEnd());
  }

  private async send(line: string): Promise<void> {
    const command = line.trimEnd();
    if (command === '') return;
    // Before the first connection, hold lines (piped input arrives before the socket is up).
    if (!this.hasConnected) {
      this.pending.push(command);
      return;
    }
    this.lastActivityAtMs = this.opts.clock.now();
    if (this.opts.socket.sendCommand(command)) return;
    // The socket cannot deliver it now: REST `POST /command` reaches the same console.
    await this.viaRest(command);
  }

  private flushPending(): void {
    for (const command of this.pending.splice(0)) void this.send(command);
    this.finishIfInputDone();
  }

  private onStdinEnd(): void {
    this.hasStdinEnded = true;
    this.finishIfInputDone();
  }

  /**
   * With stdin at its end and every line sent, ends once the last answers had time to arrive.
   * Even without input it connects first, so a suspended server still fails the command.
   */
  private finishIfInputDone(): void {
    if (!this.hasStdinEnded || !this.hasConnected || this.pending.length > 0 || this.graceTimer !== null) return;
    const waitMs = this.lastActivityAtMs + ANSWER_GRACE_MS - this.opts.clock.now();
    if (waitMs <= 0) return this.finish();
    this.graceTimer = this.opts.clock.setTimeout(() => this.finish(), waitMs);
  }

  private finish(): void {
    this.settle?.resolve();
    this.settle = null;
  }

  private fail(error: unknown): void {
    this.settle?.reject(error);
    this.settle = null;
  }

  private dispose(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    if (this.graceTimer !== null) this.opts.clock.clearTimeout(this.graceTimer);
    this.reader?.close();
    this.opts.socket.dispose();
  }
}

function stopKind(reason: ConnectionChange['reason']): PanelError['kind'] {
  if (reason === 'suspended') return 'conflict';
  if (reason === 'deleted') return 'not-found';
  return 'forbidden';
}

function stopMessage(reason: ConnectionChange['reason']): string {
  if (reason === 'suspended') return 'The server is suspended; its console is closed.';
  if (reason === 'deleted') return 'The server was deleted.';
  if (reason === 'refused') return 'Wings refused the console connection (close code 4400). Try again later, or ask the panel’s admin to check the node.';
  return 'The node closed the console.';
}

function withNewline(line: string): string {
  return line.endsWith('\n') ? line : `${line}\n`;
}
