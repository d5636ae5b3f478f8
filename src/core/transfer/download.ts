/**
 * Streams a signed Wings download to disk: into a temp file beside the destination, renamed into
 * place only once every byte arrived, so a failed or cut-off download never leaves a half file.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isPanelError, type PanelError } from '../api/errors';
import { silentLogger } from '../util/deps';
import { isSuccess, parseTransferUrl, readErrorBody, startExchange, type Exchange } from './exchange';
import { ByteCounter } from './progress';
import { describeUrl } from './redact';
import { errorFromFailure, errorFromStatus, localFileError, truncatedError } from './transfer-errors';
import type { DownloadOptions, DownloadResult } from './types';

/**
 * Downloads `url` to `destinationPath` in constant memory. Rejects with a PanelError: `not-found`
 * for a used or expired link, `network` for a cut-off body, `cancelled` on abort, `local-file`
 * when the disk refuses. The destination is replaced only on success.
 */
export async function downloadToFile(opts: DownloadOptions): Promise<DownloadResult> {
  const logger = opts.logger ?? silentLogger;
  const url = parseTransferUrl(opts.url);
  const tempPath = tempPathFor(opts.destinationPath);
  const exchange = startExchange({
    url,
    method: 'GET',
    headers: { Accept: '*/*', 'Accept-Encoding': 'identity' },
    direction: 'download',
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
    requestImpl: opts.requestImpl,
  });
  exchange.request.end();
  logger.debug('transfer: download started', { url: describeUrl(url) });
  try {
    const bytes = await receiveInto(exchange, tempPath, opts);
    await rename(tempPath, opts.destinationPath).catch((err: unknown) => {
      throw localFileError(err, 'move the download into place');
    });
    logger.debug('transfer: download finished', { url: describeUrl(url), bytes });
    return { path: opts.destinationPath, bytes };
  } catch (err) {
    await rm(tempPath, { force: true }).catch(() => {});
    const error = exchange.endedWith ?? (isPanelError(err) ? err : errorFromFailure(err, 'download'));
    logger.warn('transfer: download failed', { url: describeUrl(url), kind: error.kind });
    throw error;
  } finally {
    exchange.dispose();
  }
}

async function receiveInto(exchange: Exchange, tempPath: string, opts: DownloadOptions): Promise<number> {
  const response = await exchange.response;
  if (!isSuccess(response)) {
    throw errorFromStatus(response.statusCode ?? 0, await readErrorBody(response), response.headers, 'download');
  }
  const totalBytes = contentLength(response);
  const counter = new ByteCounter(totalBytes, opts.onProgress);
  let fileError: PanelError | null = null;
  const file = createWriteStream(tempPath, { flags: 'wx', highWaterMark: WRITE_CHUNK_BYTES });
  // Only the disk's own failures are the file's: since Node 22 pipeline() also destroys the file
  // stream with the *response's* error (a cut-off body), which must stay a network failure. An
  // error from the filesystem names the syscall that failed (open, write, …).
  file.on('error', (err: NodeJS.ErrnoException) => {
    if (typeof err.syscall === 'string') fileError ??= localFileError(err, 'write the downloaded file');
  });
  // Counted as the bytes flow (no extra stream stage in the pipe).
  response.on('data', counter.add);
  try {
    await pipeline(response, file);
  } catch (err) {
    throw fileError ?? exchange.endedWith ?? cutOffOr(err, counter.bytes, totalBytes);
  }
  if (totalBytes !== null && counter.bytes < totalBytes) throw truncatedError(counter.bytes, totalBytes);
  return counter.bytes;
}

/** Bytes the file stream buffers before it waits for the disk: fewer, larger writes. */
const WRITE_CHUNK_BYTES = 1024 * 1024;

/** A body that ended early is a truncation when we know how much was promised. */
function cutOffOr(err: unknown, received: number, total: number | null): PanelError {
  return total !== null && received < total ? truncatedError(received, total) : errorFromFailure(err, 'download');
}

function contentLength(response: IncomingMessage): number | null {
  const header = response.headers['content-length'];
  if (header === undefined || response.headers['content-encoding']) return null;
  const n = Number(header);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** A hidden, unique sibling of the destination, so the final rename stays on one filesystem. */
function tempPathFor(destinationPath: string): string {
  const suffix = randomBytes(6).toString('hex');
  return join(dirname(destinationPath), `.${basename(destinationPath)}.${suffix}.part`);
}
