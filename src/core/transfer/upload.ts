/**
 * Streams a file to a signed Wings upload URL as multipart/form-data (one part named `files`),
 * in constant memory, with progress and cancellation.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PanelError, isPanelError } from '../api/errors';
import { silentLogger } from '../util/deps';
import { isSuccess, parseTransferUrl, readErrorBody, startExchange, type Exchange } from './exchange';
import { buildEnvelope, uploadUrlWithDirectory, type MultipartEnvelope } from './multipart';
import { reportProgress } from './progress';
import { describeUrl } from './redact';
import { errorFromFailure, errorFromStatus, localFileError } from './transfer-errors';
import type { ProgressCallback, UploadFileOptions, UploadResult, UploadStreamOptions } from './types';

/**
 * Uploads a local file into `directory` on the server. Content-Length is computed up front
 * (envelope + file size), so the body streams from disk. Rejects with a PanelError: `too-large`
 * above the node's upload limit, `not-found`/`forbidden` for a used or expired link, `cancelled`
 * on abort, `local-file` when the file cannot be read or is a folder.
 */
export async function uploadFromFile(opts: UploadFileOptions): Promise<UploadResult> {
  const info = await stat(opts.filePath).catch((err: unknown) => {
    throw localFileError(err, 'read the file to upload');
  });
  if (!info.isFile()) {
    throw new PanelError({ kind: 'local-file', message: 'Only files can be uploaded, not folders or devices.' });
  }
  // Large reads: fewer chunks through the multipart generator and the socket.
  const source = createReadStream(opts.filePath, { highWaterMark: 1024 * 1024 });
  try {
    const fileName = opts.fileName ?? basename(opts.filePath);
    return await uploadFromStream({ ...opts, source, fileName, sizeBytes: info.size });
  } finally {
    source.destroy();
  }
}

/**
 * Uploads bytes from a stream. With `sizeBytes` the request has a Content-Length and a stream
 * that yields a different amount fails as `local-file`; without it the body is sent chunked.
 */
export async function uploadFromStream(opts: UploadStreamOptions): Promise<UploadResult> {
  const logger = opts.logger ?? silentLogger;
  validateFileName(opts.fileName);
  const url = uploadUrlWithDirectory(parseTransferUrl(opts.url), opts.directory);
  const envelope = buildEnvelope(opts.fileName);
  const sizeBytes = opts.sizeBytes ?? null;
  const headers: Record<string, string | number> = { 'Content-Type': envelope.contentType, Accept: 'application/json' };
  if (sizeBytes !== null) headers['Content-Length'] = envelope.head.length + sizeBytes + envelope.tail.length;
  const exchange = startExchange({
    url,
    method: 'POST',
    headers,
    direction: 'upload',
    signal: opts.signal,
    timeoutMs: opts.timeoutMs,
    requestImpl: opts.requestImpl,
  });
  logger.debug('transfer: upload started', { url: describeUrl(url), sizeBytes });
  const tally: Tally = { sentBytes: 0, sourceError: null };
  const body = Readable.from(bodyChunks({ ...opts, envelope, sizeBytes, tally }), { objectMode: false });
  const pumped = pipeline(body, exchange.request).then(
    () => null,
    (err: unknown) => err,
  );
  try {
    await awaitAnswer(exchange, pumped);
    logger.debug('transfer: upload finished', { url: describeUrl(url) });
    return { fileName: opts.fileName, bytes: tally.sentBytes };
  } catch (err) {
    // pipeline() aborts the request without the reason, so a read failure is taken from the tally.
    const error = exchange.endedWith ?? tally.sourceError ?? (isPanelError(err) ? err : errorFromFailure(err, 'upload'));
    logger.warn('transfer: upload failed', { url: describeUrl(url), kind: error.kind });
    throw error;
  } finally {
    exchange.dispose();
    body.destroy();
  }
}

/** Wings' answer decides; a body that failed to send fails the upload even after a 2xx. */
async function awaitAnswer(exchange: Exchange, pumped: Promise<unknown>): Promise<void> {
  const response = await exchange.response;
  if (!isSuccess(response)) {
    throw errorFromStatus(response.statusCode ?? 0, await readErrorBody(response), response.headers, 'upload');
  }
  const pumpError = await pumped;
  if (pumpError !== null) throw pumpError;
  await readErrorBody(response); // drain the (empty) success body so the socket can close
}

interface Tally {
  sentBytes: number;
  /** Why reading the source failed, when it did. */
  sourceError: PanelError | null;
}

interface BodyParts {
  source: Readable;
  envelope: MultipartEnvelope;
  sizeBytes: number | null;
  onProgress?: ProgressCallback;
  tally: Tally;
}

/** Head, the file's bytes (counted, checked against the promised size), tail. */
async function* bodyChunks({ source, envelope, sizeBytes, onProgress, tally }: BodyParts): AsyncGenerator<Buffer> {
  yield envelope.head;
  try {
    for await (const chunk of source) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      tally.sentBytes += buf.length;
      if (sizeBytes !== null && tally.sentBytes > sizeBytes) throw sizeChanged();
      yield buf;
      reportProgress(onProgress, tally.sentBytes, sizeBytes);
    }
    if (sizeBytes !== null && tally.sentBytes !== sizeBytes) throw sizeChanged();
  } catch (err) {
    tally.sourceError = isPanelError(err) ? err : localFileError(err, 'read the file to upload');
    throw tally.sourceError;
  }
  yield envelope.tail;
}

function sizeChanged(): PanelError {
  return new PanelError({ kind: 'local-file', message: 'The file changed size while it was being uploaded. Try again.' });
}

function validateFileName(fileName: string): void {
  if (!fileName || fileName === '.' || fileName === '..' || /[/\0]/.test(fileName)) {
    throw new PanelError({ kind: 'validation', message: 'The file name must be a plain name, without "/".' });
  }
}
