/**
 * One HTTP exchange with Wings over node:http(s): abort via AbortSignal, an idle timeout, and a
 * response promise that never goes unhandled. Node's own client is used (not axios) because the
 * transfers need raw streams both ways, exact byte counts and control over Content-Length.
 */
import { request as httpRequest, type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { PanelError } from '../api/errors';
import { cancelledError, timeoutError, type TransferDirection } from './transfer-errors';
import type { RequestImpl } from './types';

/** Default idle timeout of a transfer. */
export const DEFAULT_TRANSFER_TIMEOUT_MS = 60_000;
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** How to open the exchange. */
export interface ExchangeOptions {
  url: URL;
  method: 'GET' | 'POST';
  headers: OutgoingHttpHeaders;
  direction: TransferDirection;
  signal?: AbortSignal;
  timeoutMs?: number;
  requestImpl?: RequestImpl;
}

/** An open request, its answer, and its teardown. */
export interface Exchange {
  request: ClientRequest;
  response: Promise<IncomingMessage>;
  /** Set when we ended the exchange ourselves; it then explains any later stream error. */
  readonly endedWith: PanelError | null;
  /** Removes the abort listener and destroys the request if it is still open. */
  dispose(): void;
}

/**
 * A fresh connection per transfer (`agent: false`): transfers are rare and long, and a pooled
 * keep-alive socket would outlive the transfer as an open handle.
 */
const defaultRequest: RequestImpl = (url, options) =>
  url.protocol === 'https:' ? httpsRequest(url, { agent: false, ...options }) : httpRequest(url, { agent: false, ...options });

/** Parses a signed URL without ever echoing it (Node's Invalid URL error carries the input). */
export function parseTransferUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PanelError({ kind: 'validation', message: 'The transfer link is not a valid URL.' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new PanelError({ kind: 'validation', message: 'The transfer link is not an http(s) URL.' });
  }
  return parsed;
}

/** Opens the request. The caller writes/ends the body and awaits `response`. */
export function startExchange(opts: ExchangeOptions): Exchange {
  if (opts.signal?.aborted) throw cancelledError(opts.direction);
  const request = (opts.requestImpl ?? defaultRequest)(opts.url, { method: opts.method, headers: opts.headers });
  let endedWith: PanelError | null = null;
  const end = (error: PanelError): void => {
    endedWith ??= error;
    request.destroy(error);
  };
  const onAbort = (): void => end(cancelledError(opts.direction));
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TRANSFER_TIMEOUT_MS;
  request.setTimeout(timeoutMs, () => end(timeoutError(opts.direction, timeoutMs)));
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.on('error', reject); // `on`, not `once`: a second error must not go unheard
  });
  response.catch(() => {}); // the caller may fail before awaiting it
  return {
    request,
    response,
    get endedWith() {
      return endedWith;
    },
    dispose() {
      opts.signal?.removeEventListener('abort', onAbort);
      if (!request.destroyed) request.destroy();
    },
  };
}

/** Reads at most 64 KiB of an error body as text, then drops the rest. */
export async function readErrorBody(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      const buf = chunk as Buffer;
      chunks.push(buf);
      size += buf.length;
      if (size >= MAX_ERROR_BODY_BYTES) break;
    }
  } catch {
    // A body cut short is still worth what arrived.
  }
  response.destroy();
  return Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES).toString('utf8');
}

/** True for 2xx. */
export function isSuccess(response: IncomingMessage): boolean {
  const status = response.statusCode ?? 0;
  return status >= 200 && status < 300;
}
