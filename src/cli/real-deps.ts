/**
 * The real process and the real core behind `CliDeps`. The simulated panel is imported on
 * demand: every other command starts faster without loading it.
 */
import { PanelClient } from '../core/api/client';
import { downloadToFile, uploadFromFile } from '../core/transfer';
import { systemClock } from '../core/util/deps';
import { WingsSocket } from '../core/wings';
import type { CliDeps } from './context';
import { EXIT_INTERRUPTED } from './run';

/** Deps for the `pterotray` executable. */
export function realDeps(): CliDeps {
  return {
    env: process.env,
    // A getter: touching process.stdin creates a handle, which only `console` and `files write` need.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    clock: systemClock,
    onInterrupt,
    // ── daemon (issue 14) ──
    onHangup: (listener) => {
      process.on('SIGHUP', listener);
      return () => process.off('SIGHUP', listener);
    },
    createClient: (connection, logger) => new PanelClient(connection, { logger }),
    createSocket: (options) => new WingsSocket(options),
    downloadToFile,
    uploadFromFile,
    startSim: async (options) => {
      const { startSimPanel } = await import('../sim');
      return startSimPanel(options);
    },
  };
}

/**
 * SIGINT and SIGTERM ask the command to stop cleanly; a second one (a stuck shutdown) exits at
 * once, as people expect of a second Ctrl-C.
 */
function onInterrupt(listener: () => void): () => void {
  let count = 0;
  const handler = (): void => {
    count += 1;
    if (count > 1) process.exit(EXIT_INTERRUPTED);
    listener();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
