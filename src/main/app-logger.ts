/**
 * The main process's log: a file under the app's logs folder, scrubbed of secrets, readable by the
 * user only, rotated at 5 MiB with three older files kept (private-files.ts).
 */
import { app } from 'electron';
import { createLineLogger } from '../core/util/log-lines';
import type { Logger } from '../core/util/deps';
import { RotatingLog } from './private-files';

const MAX_LOG_BYTES = 5 * 1024 * 1024;
const KEPT_LOGS = 3;

export function createAppLogger(): { logger: Logger; path: string; close(): void } {
  const file = new RotatingLog({ dir: app.getPath('logs'), name: 'pterotray.log', maxBytes: MAX_LOG_BYTES, keep: KEPT_LOGS });
  const toStderr = !app.isPackaged && process.env.PTEROTRAY_QUIET !== '1';
  let isOpen = true;
  const logger = createLineLogger({
    minLevel: process.env.PTEROTRAY_DEBUG === '1' ? 'debug' : 'info',
    write: (line) => {
      if (isOpen) file.write(`${line}\n`);
      if (toStderr) process.stderr.write(`${line}\n`);
    },
  });
  return {
    logger,
    path: file.path,
    close: () => {
      if (!isOpen) return;
      isOpen = false;
      file.close();
    },
  };
}
