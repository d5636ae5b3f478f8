/**
 * How a failed command ends: exit code 2 for a usage mistake or a plain-http address refused, 1
 * for everything else, and one line on stderr a person can act on (the PanelError's message, then
 * what to do about it).
 */
import { isPanelError, type PanelError, type PanelErrorKind } from '../core/api/errors';
import { ALLOW_PLAIN_HTTP_ENV } from '../shared/transport';
import { UsageError } from './args';
import { stripControl } from './format/sanitize';

/** Exit codes of the CLI. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** What to print and which code to exit with for a thrown value. */
export interface FailureReport {
  exitCode: typeof EXIT_FAILURE | typeof EXIT_USAGE;
  /** Lines for stderr; a single line except for usage errors, which add a hint. */
  lines: string[];
}

/** Turns anything a command threw into a FailureReport. */
export function describeFailure(error: unknown): FailureReport {
  if (error instanceof UsageError) {
    const help = error.helpFor === '' ? 'pterotray --help' : `pterotray ${error.helpFor} --help`;
    return { exitCode: EXIT_USAGE, lines: [`pterotray: ${oneLine(error.message)}`, `Run '${help}' for usage.`] };
  }
  if (isPanelError(error)) return { exitCode: USAGE_KINDS.has(error.kind) ? EXIT_USAGE : EXIT_FAILURE, lines: [panelErrorLine(error)] };
  return { exitCode: EXIT_FAILURE, lines: [`pterotray: ${localErrorMessage(error)}`] };
}

/**
 * Refusals that trying again cannot change: the person has to change how the CLI is called (an
 * https address, or PTEROTRAY_ALLOW_PLAIN_HTTP=1), as for a missing or malformed panel URL.
 */
const USAGE_KINDS: ReadonlySet<PanelErrorKind> = new Set(['insecure-transport']);

/** The core's advice speaks of the app's screens where the CLI has its own remedy. */
const CLI_ADVICE: Partial<Record<PanelErrorKind, string>> = {
  'insecure-transport': `Use https (the panel's https:// address; the node behind TLS), or set ${ALLOW_PLAIN_HTTP_ENV}=1 to send the key unencrypted anyway.`,
};

/** `pterotray: <what happened> (<status>). <what to do>`, without repeating the advice. */
export function panelErrorLine(error: PanelError): string {
  const message = oneLine(error.message);
  const status = error.status === undefined ? '' : ` (HTTP ${error.status})`;
  const advice = CLI_ADVICE[error.kind] ?? error.advice;
  const withStop = /[.!?]$/.test(message) ? message : `${message}.`;
  if (message === advice || message.includes(advice)) return `pterotray: ${withStop.slice(0, -1)}${status}.`;
  return `pterotray: ${withStop.slice(0, -1)}${status}. ${advice}`;
}

function localErrorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const path = (error as NodeJS.ErrnoException).path;
    if (code === 'ENOENT' && path !== undefined) return `no such file or directory: ${path}`;
    if (code === 'EACCES' && path !== undefined) return `permission denied: ${path}`;
    if (code === 'EISDIR' && path !== undefined) return `is a directory: ${path}`;
    return oneLine(error.message);
  }
  return oneLine(String(error));
}

// Messages can carry the panel's own text: no control character reaches the terminal.
function oneLine(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').trim();
}
