/**
 * Console lines: a 150-line backlog per server (Wings' `websocket_log_count`) and a `console
 * output` frame per line. Daemon lines are coloured the way Wings' `PublishConsoleOutputFromDaemon`
 * colours them (colorstring: yellow, bold, default, then a reset).
 */
import type { SimFlavor } from '../types';
import type { ServerEvents } from './events';
import type { SimServer } from './servers';

/** Wings' backlog size. */
export const CONSOLE_BACKLOG_LINES = 150;

/** A line as Wings prints its own messages, e.g. `[Pterodactyl Daemon]: Exit code: 1` in ANSI colours. */
export function daemonLine(flavor: SimFlavor, text: string): string {
  const app = flavor === 'pelican' ? 'Pelican' : 'Pterodactyl';
  return `\u001b[33m\u001b[1m[${app} Daemon]:\u001b[39m ${text}\u001b[0m`;
}

/** Appends to the backlog and publishes `console output`. */
export function printConsole(bus: ServerEvents, server: SimServer, line: string): void {
  server.consoleLog.push(line);
  if (server.consoleLog.length > CONSOLE_BACKLOG_LINES) server.consoleLog.splice(0, server.consoleLog.length - CONSOLE_BACKLOG_LINES);
  bus.publish(server.uuid, { event: 'console output', args: [line] });
}

/** Wings' pre-start messages. */
export const START_DAEMON_LINES = [
  'Checking server disk space usage, this could take a few seconds...',
  'Updating process configuration files...',
  'Ensuring file permissions are set correctly, this could take a few seconds...',
  'Pulling Docker container image, this could take a few minutes to complete...',
  'Finished pulling Docker container image',
];

/** Docker's exit code for a process the OOM killer ended: SIGKILL, 128 + 9. */
export const OOM_EXIT_CODE = 137;

/**
 * Wings' crash-detection messages (`server/crash.go` `handleServerCrash`: the banner, then
 * `Exit code: %d` and `Out of memory: %t` from the container's state).
 */
export function crashDaemonLines(exitCode: number, isOutOfMemory = false): string[] {
  return ['---------- Detected server process in a crashed state! ----------', `Exit code: ${exitCode}`, `Out of memory: ${String(isOutOfMemory)}`];
}

/** What Wings prints instead of restarting a crash that came too soon after the last one. */
export function crashAbortLine(timeoutMs: number): string {
  return `Aborting automatic restart, last crash occurred less than ${Math.round(timeoutMs / 1000)} seconds ago.`;
}

/** What Wings prints for a crash when crash detection is off (and it restarts nothing). */
export const CRASH_DETECTION_DISABLED_LINE = 'Aborting automatic restart, crash detection is disabled for this instance.';
