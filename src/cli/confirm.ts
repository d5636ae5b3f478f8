/**
 * A yes/no question on the terminal before something that cannot be undone. Without a terminal
 * on stdin nobody can answer, so the command refuses unless `--yes` was given: a script says so
 * explicitly, and never deletes or restores because a pipe happened to be empty.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { UsageError } from './args';
import type { CommandContext } from './context';

/** True when stdin is a terminal a person can answer on. */
export function isInteractive(stdin: Readable): boolean {
  return (stdin as Readable & { isTTY?: boolean }).isTTY === true;
}

/** Resolves true for `y`/`yes`; false for anything else or the end of input. */
function askLine(stdin: Readable, stderr: CommandContext['out']['stderr'], question: string, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: stdin, terminal: false });
    let isAnswered = false;
    // Closing the interface emits its 'close' at once: the first answer is the one kept.
    const finish = (answer: boolean): void => {
      if (isAnswered) return;
      isAnswered = true;
      signal.removeEventListener('abort', onAbort);
      resolve(answer);
      rl.close();
    };
    const onAbort = (): void => finish(false);
    signal.addEventListener('abort', onAbort, { once: true });
    rl.once('line', (line) => finish(/^\s*y(es)?\s*$/i.test(line)));
    rl.once('close', () => finish(false));
    stderr.write(`${question} [y/N] `);
  });
}

/**
 * Goes on with `--yes`; asks on a terminal; refuses (usage, exit 2) without one. Resolves false
 * when the person said no.
 */
export async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  if (ctx.options.yes) return true;
  if (!isInteractive(ctx.deps.stdin)) throw new UsageError(`${question} Not asked: stdin is not a terminal. Pass --yes to go ahead.`, ctx.command);
  return askLine(ctx.deps.stdin, ctx.out.stderr, question, ctx.signal);
}
