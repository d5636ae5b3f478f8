/**
 * The CLI's dispatcher: parse, pick the command, handle `--help` and `--version`, run the command
 * with its context, and turn whatever it threw into an exit code and one line on stderr.
 */
import { PanelError } from '../core/api/errors';
import type { ClientApi } from '../core/api/client-types';
import type { Logger } from '../core/util/deps';
import { silentLogger } from '../core/util/deps';
import { checkOptions, parseCliArgs, UsageError, type CliOptions } from './args';
import type { CommandDefinition } from './command';
import type { CliDeps, DisposableClient } from './context';
import { API_KEY_ENV, chooseCredentialSource } from './credentials';
import { describeFailure, EXIT_OK, EXIT_USAGE } from './failure';
import { stripControl, toJson } from './format/sanitize';
import { commandHelp, groupHelp, topLevelHelp } from './help';
import { createOutput, type Output, type OutputStream } from './output';
import { CLI_VERSION } from './version';
import { isPlainNetworkAddress, PLAIN_HTTP_WARNING } from '../shared/transport';

/** Exit code after an interrupted one-shot command (128 + SIGINT), as shells expect. */
export const EXIT_INTERRUPTED = 130;

/** Runs one invocation of the CLI; resolves to the process exit code. Never rejects. */
export async function runCli(argv: readonly string[], deps: CliDeps, commands: readonly CommandDefinition[]): Promise<number> {
  const out = createOutput(deps.stdout, deps.stderr);
  // Redact the key from the very start: even a usage error may echo an argument.
  const envKey = deps.env[API_KEY_ENV]?.trim();
  if (envKey !== undefined && envKey !== '') out.redactor.addApiKey(envKey);
  try {
    return await dispatch(argv, deps, out, commands);
  } catch (error) {
    return report(error, out);
  } finally {
    await Promise.all([out.stdout.flush(), out.stderr.flush()]);
    out.stdout.dispose();
    out.stderr.dispose();
  }
}

function report(error: unknown, out: Output): number {
  const failure = describeFailure(error);
  for (const line of failure.lines) out.stderr.line(line);
  return failure.exitCode;
}

async function dispatch(argv: readonly string[], deps: CliDeps, out: Output, commands: readonly CommandDefinition[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  const { options, positionals } = parsed;
  if (options.version && positionals.length === 0) {
    out.stdout.line(CLI_VERSION);
    return EXIT_OK;
  }
  const found = findCommand(positionals, commands);
  if (found.kind === 'none') {
    if (positionals.length > 0) throw new UsageError(`unknown command '${positionals[0] ?? ''}'`);
    writeLines(options.help ? out.stdout : out.stderr, topLevelHelp(commands));
    return options.help ? EXIT_OK : EXIT_USAGE;
  }
  if (found.kind === 'group') {
    if (!options.help) {
      const names = found.commands.map((c) => c.path.split(' ').at(-1)).join(', ');
      throw new UsageError(`'${found.group}' needs a subcommand: ${names}`, found.group);
    }
    writeLines(out.stdout, groupHelp(found.group, found.commands));
    return EXIT_OK;
  }
  const { command, args } = found;
  if (options.help) {
    writeLines(out.stdout, commandHelp(command));
    return EXIT_OK;
  }
  checkOptions(parsed.given, command.options, command.path);
  if (args.length < command.minArgs) throw new UsageError(`missing arguments: ${command.usage}`, command.path);
  if (args.length > command.maxArgs) throw new UsageError(`too many arguments: ${command.usage}`, command.path);
  return execute(command, { args, options, deps, out });
}

type Found =
  { kind: 'none' } | { kind: 'group'; group: string; commands: CommandDefinition[] } | { kind: 'command'; command: CommandDefinition; args: string[] };

/** Matches the longest command path (`files ls` before `files`) at the start of the positionals. */
export function findCommand(positionals: readonly string[], commands: readonly CommandDefinition[]): Found {
  const [first, second] = positionals;
  if (first === undefined) return { kind: 'none' };
  const sub = commands.find((c) => c.path === `${first} ${second ?? ''}`);
  if (sub !== undefined) return { kind: 'command', command: sub, args: positionals.slice(2) };
  const top = commands.find((c) => c.path === first);
  if (top !== undefined) return { kind: 'command', command: top, args: positionals.slice(1) };
  const group = commands.filter((c) => c.path.startsWith(`${first} `));
  if (group.length === 0) return { kind: 'none' };
  if (second !== undefined && second !== '') throw new UsageError(`unknown command '${first} ${second}'`, first);
  return { kind: 'group', group: first, commands: group };
}

interface Invocation {
  args: string[];
  options: CliOptions;
  deps: CliDeps;
  out: Output;
}

async function execute(command: CommandDefinition, inv: Invocation): Promise<number> {
  const { deps, out, options } = inv;
  const interrupt = new AbortController();
  let isInterrupted = false;
  const stopInterrupt = deps.onInterrupt(() => {
    isInterrupted = true;
    interrupt.abort(new PanelError({ kind: 'cancelled', message: 'Interrupted.' }));
  });
  const stopClose = out.stdout.onClose(() => interrupt.abort(new PanelError({ kind: 'cancelled' })));
  const logger = options.debug ? debugLogger(out.stderr) : silentLogger;
  let client: DisposableClient | undefined;
  const getClient = async (): Promise<ClientApi> => {
    if (client === undefined) {
      const connection = await chooseCredentialSource(options.account, deps.env).resolve();
      out.redactor.addApiKey(connection.apiKey);
      // Allowed, but never silently: the key is about to cross the network in clear text.
      if (isPlainNetworkAddress(connection.url))
        out.stderr.line(`pterotray: warning: ${PLAIN_HTTP_WARNING} (${new URL(connection.url).host}: plain http allowed)`);
      client = deps.createClient(connection, logger);
    }
    return client;
  };
  try {
    const ctx = { command: command.path, args: inv.args, options, out, deps, logger, client: getClient, signal: interrupt.signal };
    return await command.run(ctx);
  } catch (error) {
    if (out.stdout.isClosed) return EXIT_OK;
    if (isInterrupted && !(error instanceof UsageError)) {
      out.stderr.line('pterotray: interrupted');
      return EXIT_INTERRUPTED;
    }
    throw error;
  } finally {
    stopInterrupt();
    stopClose();
    client?.dispose();
  }
}

function writeLines(stream: OutputStream, lines: readonly string[]): void {
  for (const line of lines) stream.line(line);
}

/**
 * Debug lines go to stderr through the redactor, like everything else. A message or a field can
 * hold what the panel sent (an error's detail), so each line is one clean line.
 */
function debugLogger(stderr: OutputStream): Logger {
  const log =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      const extra = fields === undefined ? '' : ` ${safeJson(fields)}`;
      stderr.line(stripControl(`debug: ${level} ${message}${extra}`));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function safeJson(value: unknown): string {
  try {
    return toJson(value);
  } catch {
    return '[unserialisable]';
  }
}
