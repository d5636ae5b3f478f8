/**
 * Console lines as terminal text, coloured the way the panel's own console prints them (pterodactyl
 * resources/scripts/components/server/console/Console.tsx: TERMINAL_PRELUDE, handleDaemonErrorOutput):
 * the panel's status and daemon messages after a bold yellow `container@pterodactyl~` prelude,
 * daemon errors bold on red, Wings' `[… Daemon]:` lines in yellow, and the commands we sent dimmed.
 */
import { downsampleTrueColor } from './true-color';
import type { ConsoleLine } from '../../../../../shared/types';

const CSI = '\u001b[';
const RESET = `${CSI}0m`;
const BOLD_YELLOW = `${CSI}1m${CSI}33m`;
const BOLD_ON_RED = `${CSI}1m${CSI}41m`;
const DIM = `${CSI}2m`;
const YELLOW = `${CSI}33m`;

// eslint-disable-next-line no-control-regex -- matching the terminal's own escape character
const SGR = /\u001b\[[0-9;:]*m/g;
/**
 * Wings' own lines: `PublishConsoleOutputFromDaemon` (wings server/console.go) prints
 * `[yellow][bold][<AppName> Daemon]:[default] <text>` through colorstring, so they reach the
 * console as output, `Pterodactyl` or `Pelican` by the node's app name.
 */
const DAEMON_LINE = /^\[(Pterodactyl|Pelican) Daemon\]:\s?/;

/**
 * A Wings daemon line in one style of its own, whatever the node's colorstring left on it: its
 * tag bold yellow, its words yellow, so it never reads as the game's output; null for other lines.
 */
export function daemonLine(text: string): string | null {
  const plain = text.replace(SGR, '');
  const match = DAEMON_LINE.exec(plain);
  if (!match) return null;
  return `${BOLD_YELLOW}[${match[1]} Daemon]:${RESET} ${YELLOW}${plain.slice(match[0].length)}${RESET}`;
}

/** Drops one trailing line break: Wings often ends a line with one, and each line is written whole. */
export function trimLineEnd(text: string): string {
  return text.replace(/(?:\r\n|\r|\n)$/, '');
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The dim `HH:MM:SS ` (local time) a line gets with timestamps on; a backlog line, printed before
 * the window saw it, gets `--:--:-- ` rather than a time that would not be its own.
 */
export function timestampPrefix(atMs: number | null): string {
  if (atMs === null) return `${DIM}--:--:--${RESET} `;
  const at = new Date(atMs);
  return `${DIM}${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}${RESET} `;
}

/** One line, without its line break, with the colours of its kind; always ends with a reset. */
export function formatLine(line: Pick<ConsoleLine, 'text' | 'kind'>, prelude: string): string {
  const text = downsampleTrueColor(trimLineEnd(line.text));
  const tagged = `${BOLD_YELLOW}${prelude}${RESET}`;
  switch (line.kind) {
    case 'output':
      return daemonLine(text) ?? `${text}${RESET}`;
    case 'install-output':
      return `${text}${RESET}`;
    case 'status':
    case 'daemon-message':
      return `${tagged}${text}${RESET}`;
    case 'daemon-error':
      return `${tagged}${BOLD_ON_RED}${text}${RESET}`;
    case 'command':
      return `${DIM}> ${text}${RESET}`;
  }
}
