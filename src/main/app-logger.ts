/** The main process's log: a file under the app's logs folder, scrubbed of secrets. */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
import { createLineLogger } from '../core/util/log-lines';
import type { Logger } from '../core/util/deps';

export function createAppLogger(): { logger: Logger; path: string; close(): void } {
  const dir = app.getPath('logs');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'pterotray.log');
  const stream = createWriteStream(path, { flags: 'a' });
  const toStderr = !app.isPackaged && process.env.PTEROTRAY_QUIET !== '1';
  const logger = createLineLogger({
    minLevel: process.env.PTEROTRAY_DEBUG === '1' ? 'debug' : 'info',
    write: (line) => {
      stream.write(`${line}\n`);
      if (toStderr) process.stderr.write(`${line}\n`);
    },
  });
  return { logger, path, close: () => stream.end() };
}
