/**
 * What a command gets to work with. Every side effect (streams, environment, signals, the panel
 * client, sockets, transfers, the simulator) comes in through `CliDeps`, so the whole CLI can run
 * in-process against fakes; `index.ts` passes the real ones.
 */
import type { Readable, Writable } from 'node:stream';
import type { ClientApi, PanelConnection } from '../core/api/client-types';
import type { Clock, Disposer, Logger } from '../core/util/deps';
import type { CliOptions } from './args';
import type { Output } from './output';
import type { ExternalDeps } from './external-deps';

/** A client the CLI can close when the command ends. */
export interface DisposableClient extends ClientApi {
  dispose(): void;
}

/** Everything the CLI touches outside itself. */
export interface CliDeps extends ExternalDeps {
  env: Readonly<Record<string, string | undefined>>;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Relative local paths (`-o`, `files put`) resolve against this. */
  cwd: string;
  clock: Clock;
  /** Calls `listener` on SIGINT or SIGTERM; returns a disposer. */
  onInterrupt(listener: () => void): Disposer;
  // ── daemon (issue 14) ──
  /** Calls `listener` on SIGHUP (`daemon` reloads its config); returns a disposer. Absent: never. */
  onHangup?(listener: () => void): Disposer;
  createClient(connection: PanelConnection, logger: Logger): DisposableClient;
}

/** One command's run. */
export interface CommandContext {
  /** The command words, e.g. `files ls`, for messages and help hints. */
  command: string;
  /** Positionals after the command words. */
  args: string[];
  options: CliOptions;
  out: Output;
  deps: CliDeps;
  /** Debug lines on stderr with `--debug` (redacted like all output), silent otherwise. */
  logger: Logger;
  /** The panel client, created on first use from the credentials. */
  client(): Promise<ClientApi>;
  /** Aborts on SIGINT/SIGTERM, or when stdout's reader went away (`| head`). */
  signal: AbortSignal;
}
