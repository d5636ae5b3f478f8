/**
 * What Wings' crash lines say, pure. On a crash Wings prints, through
 * `PublishConsoleOutputFromDaemon` (a `[Pterodactyl Daemon]:` or `[Pelican Daemon]:` prefix in
 * ANSI colours), the banner, then `Exit code: %d` and `Out of memory: %t` from the container's
 * state (wings `server/crash.go` `handleServerCrash`; Docker's `State.ExitCode` and
 * `State.OOMKilled`). An OOM kill is SIGKILL: exit code 137.
 */

// eslint-disable-next-line no-control-regex -- ANSI escapes are what is being removed
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g;
// eslint-disable-next-line no-control-regex -- the other controls a console line may carry
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const DAEMON_PREFIX = /^\[(?:Pterodactyl|Pelican) Daemon\]:\s*/;
const EXIT_CODE = /^Exit code: (-?\d+)$/;
const OUT_OF_MEMORY = /^Out of memory: (true|false)$/;

/** The longest line kept of a console line, in characters; a megabyte line is not a timeline entry. */
export const MAX_LINE_CHARS = 500;

/** A console line as the timeline keeps it: no ANSI escapes or control characters, trimmed, capped. */
export function plainConsoleLine(text: string): string {
  const plain = text.replace(ANSI, '').replace(CONTROLS, '').replace(/\s+$/, '');
  return plain.length > MAX_LINE_CHARS ? `${plain.slice(0, MAX_LINE_CHARS - 1)}…` : plain;
}

/** The text of a Wings daemon line without its prefix, or null for the game's own output. */
export function daemonText(plainLine: string): string | null {
  const match = DAEMON_PREFIX.exec(plainLine);
  return match ? plainLine.slice(match[0].length).trim() : null;
}

/** What Wings' lines after a crash banner said; null where a line was not seen. */
export interface WingsExit {
  exitCode: number | null;
  oomKilled: boolean | null;
}

/** Reads `Exit code:` and `Out of memory:` from plain lines (only Wings' own, never the game's). */
export function wingsExitOf(plainLines: readonly string[]): WingsExit {
  const exit: WingsExit = { exitCode: null, oomKilled: null };
  for (const line of plainLines) {
    const text = daemonText(line);
    if (text === null) continue;
    const code = EXIT_CODE.exec(text);
    if (code) exit.exitCode = Number.parseInt(code[1] ?? '', 10);
    const oom = OUT_OF_MEMORY.exec(text);
    if (oom) exit.oomKilled = oom[1] === 'true';
  }
  return exit;
}
