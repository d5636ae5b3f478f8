/**
 * Command-line parsing on top of node's `util.parseArgs`. One pass with every option any command
 * knows (so `pterotray --json servers` and `pterotray servers --json` both work), then a check
 * that each given option belongs to the chosen command.
 */
import { parseArgs } from 'node:util';

/** A mistake in how the CLI was called: exit code 2, with a hint to the command's help. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose `--help` to suggest, e.g. `files ls`; empty for the top level. */
    readonly helpFor = '',
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Every option, as typed values. Which command accepts which is in the command table. */
export interface CliOptions {
  json: boolean;
  help: boolean;
  version: boolean;
  debug: boolean;
  account: string | undefined;
  output: string | undefined;
  servers: string | undefined;
  port: string | undefined;
  seed: string | undefined;
  page: string | undefined;
  event: string | undefined;
  // backups (issue 13)
  name: string | undefined;
  /** `--ignore` may be given more than once. */
  ignore: string[];
  locked: boolean;
  wait: boolean;
  truncate: boolean;
  yes: boolean;
  /** `--set VAR=value`, repeatable (`startup`). */
  set: string[];
  // ── daemon (issue 14) ──
  /** `--config <file>` (`daemon`). */
  config: string | undefined;
  // ── incidents (issue 14) ──
  /** `incidents --server S`: one server, by identifier or name. */
  server: string | undefined;
  /** `incidents --since 24h|7d|2026-12-01`. */
  since: string | undefined;
  /** `incidents --kind crash,state`. */
  kind: string | undefined;
  // ── history (issue 14) ──
  range: string | undefined;
  csv: boolean;
}

/** Options every command accepts. */
export const GLOBAL_OPTIONS = ['help', 'version', 'debug', 'account'] as const;

export type OptionName = keyof CliOptions;

const OPTION_CONFIG = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  debug: { type: 'boolean' },
  account: { type: 'string' },
  output: { type: 'string', short: 'o' },
  servers: { type: 'string' },
  port: { type: 'string' },
  seed: { type: 'string' },
  page: { type: 'string' },
  event: { type: 'string' },
  // backups (issue 13)
  name: { type: 'string' },
  ignore: { type: 'string', multiple: true },
  locked: { type: 'boolean' },
  wait: { type: 'boolean' },
  truncate: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  set: { type: 'string', multiple: true },
  // ── daemon (issue 14) ──
  config: { type: 'string' },
  // ── incidents (issue 14) ──
  server: { type: 'string' },
  since: { type: 'string' },
  kind: { type: 'string' },
  // ── history (issue 14) ──
  range: { type: 'string' },
  csv: { type: 'boolean' },
} as const;

/** The words and options of one invocation, before a command is chosen. */
export interface ParsedArgs {
  /** Every positional, command words included, in order (those after `--` too). */
  positionals: string[];
  options: CliOptions;
  /** The options actually given, by long name. */
  given: Set<OptionName>;
}

/** Parses `argv` (without `node` and the script); throws UsageError on unknown or malformed options. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTION_CONFIG, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError(parseErrorMessage(error));
  }
  const given = new Set<OptionName>();
  for (const token of parsed.tokens) {
    if (token.kind === 'option') given.add(token.name as OptionName);
  }
  const v = parsed.values;
  return {
    positionals: parsed.positionals,
    given,
    options: {
      json: v.json === true,
      help: v.help === true,
      version: v.version === true,
      debug: v.debug === true,
      account: v.account,
      output: v.output,
      servers: v.servers,
      port: v.port,
      seed: v.seed,
      page: v.page,
      event: v.event,
      name: v.name,
      ignore: v.ignore ?? [],
      locked: v.locked === true,
      wait: v.wait === true,
      truncate: v.truncate === true,
      yes: v.yes === true,
      set: v.set ?? [],
      // ── daemon (issue 14) ──
      config: v.config,
      // ── incidents (issue 14) ──
      server: v.server,
      since: v.since,
      kind: v.kind,
      range: v.range,
      csv: v.csv === true,
    },
  };
}

/** Throws UsageError when an option was given that `allowed` (plus the global ones) does not list. */
export function checkOptions(given: ReadonlySet<OptionName>, allowed: readonly OptionName[], command: string): void {
  for (const name of given) {
    if (!(GLOBAL_OPTIONS as readonly string[]).includes(name) && !allowed.includes(name)) {
      throw new UsageError(`'${command}' does not take --${name}`, command);
    }
  }
}

/** Parses an integer option within bounds, or throws UsageError naming the option. */
export function parseIntegerOption(raw: string | undefined, spec: { name: string; min: number; max: number; fallback: number; command: string }): number {
  if (raw === undefined) return spec.fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < spec.min || value > spec.max) {
    throw new UsageError(`--${spec.name} must be a whole number from ${spec.min} to ${spec.max}, not '${raw}'`, spec.command);
  }
  return value;
}

function parseErrorMessage(error: unknown): string {
  // parseArgs' own message is good (it explains `--` for names starting with '-'); keep it on one line.
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim() || 'invalid arguments';
}
