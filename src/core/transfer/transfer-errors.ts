/**
 * Wings' answers on signed URLs, and the ways a transfer can fail, as PanelErrors. Wings error
 * bodies are `{"error": "..."}`; a panel-style `{"errors":[{detail}]}` is read too. Nothing here
 * ever includes the URL (its `token=` is a bearer-equivalent secret).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { PanelError, isPanelError, type PanelErrorKind } from '../api/errors';
import { parseRetryAfterMs } from '../api/retry-after';
import { classifyTransportFailure } from '../api/transport-errors';
import { systemClock } from '../util/deps';
import { redactTokens } from './redact';

/** Which way the bytes were going, for messages. */
export type TransferDirection = 'download' | 'upload';

const TOO_LARGE_TEXT = /larger than|too large|exceeds|maximum (file )?upload/i;
const MAX_DETAIL_CHARS = 500;

/** A non-2xx answer from Wings (or a proxy in front of it), mapped to a kind a UI can act on. */
export function errorFromStatus(status: number, body: string, headers: IncomingHttpHeaders, dir: TransferDirection, nowMs = systemClock.now()): PanelError {
  const detail = detailOf(body);
  const base = { status, detail, code: 'WingsHttpError' };
  if (status === 404) {
    const message = `The ${dir} link has expired or was already used (links work once, for 15 minutes), or the file is gone. Request a new link.`;
    return new PanelError({ ...base, kind: 'not-found', message });
  }
  if (status === 401 || status === 403) {
    return new PanelError({ ...base, kind: 'forbidden', message: `Wings refused the ${dir} link${suffix(detail)}. Request a new link.` });
  }
  if (status === 413 || (status === 400 && detail !== undefined && TOO_LARGE_TEXT.test(detail))) {
    return new PanelError({ ...base, kind: 'too-large', message: `The file is too large for this node${suffix(detail)}.` });
  }
  if (status === 429) {
    // The API's own reading of Retry-After (seconds or a date, capped at an hour: retry-after.ts).
    const retryAfterMs = parseRetryAfterMs(headers['retry-after'], nowMs) ?? undefined;
    return new PanelError({ ...base, kind: 'rate-limited', retryAfterMs });
  }
  const kind = kindOfStatus(status);
  return new PanelError({ ...base, kind, message: `The ${dir} failed (HTTP ${status})${suffix(detail)}.` });
}

function kindOfStatus(status: number): PanelErrorKind {
  if (status === 400 || status === 422) return 'validation';
  if (status === 409) return 'conflict';
  if (status === 502 || status === 503 || status === 504) return 'node-unreachable';
  return 'bad-response';
}

/** A transport failure (no usable HTTP answer), mapped by its error code. */
export function errorFromFailure(err: unknown, dir: TransferDirection): PanelError {
  if (isPanelError(err)) return err;
  // The same reading as the API's (api/transport-errors.ts), worded for the node.
  const { failure, code } = classifyTransportFailure(err);
  if (failure === 'unreachable') {
    return new PanelError({ kind: 'node-unreachable', message: `Could not reach the node for the ${dir} (${code}).`, code, cause: err });
  }
  if (failure === 'tls') {
    return new PanelError({ kind: 'tls', message: `The node’s TLS certificate was not accepted (${code}).`, code, cause: err });
  }
  const message = `The ${dir} was interrupted${code ? ` (${code})` : ''}. Try again.`;
  return new PanelError({ kind: 'network', message, code: code || undefined, cause: err });
}

/** Fewer bytes arrived than Content-Length promised. */
export function truncatedError(receivedBytes: number, expectedBytes: number): PanelError {
  return new PanelError({
    kind: 'network',
    code: 'Truncated',
    message: `The download was cut off after ${receivedBytes} of ${expectedBytes} bytes; nothing was saved. Try again with a new link.`,
  });
}

/** The caller aborted. */
export function cancelledError(dir: TransferDirection): PanelError {
  return new PanelError({ kind: 'cancelled', message: `The ${dir} was cancelled.` });
}

/** No byte moved for `timeoutMs`. */
export function timeoutError(dir: TransferDirection, timeoutMs: number): PanelError {
  return new PanelError({ kind: 'timeout', message: `The ${dir} stalled: nothing moved for ${Math.round(timeoutMs / 1000)} s.` });
}

/** A local read or write failed (disk full, no access, missing file). */
export function localFileError(err: unknown, what: string): PanelError {
  const code = typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : undefined;
  return new PanelError({ kind: 'local-file', message: `Could not ${what}${code ? ` (${code})` : ''}.`, code, cause: err });
}

function detailOf(body: string): string | undefined {
  const text = body.trim();
  if (!text) return undefined;
  let detail: unknown = text;
  try {
    const json = JSON.parse(text) as { error?: unknown; errors?: { detail?: unknown }[] };
    detail = json.error ?? json.errors?.[0]?.detail ?? undefined;
  } catch {
    if (/^\s*</.test(text)) return undefined; // an HTML error page says nothing a person can use
  }
  if (typeof detail !== 'string' || !detail) return undefined;
  return redactTokens(detail).slice(0, MAX_DETAIL_CHARS);
}

function suffix(detail: string | undefined): string {
  return detail ? `: ${detail.replace(/[.\s]+$/, '')}` : '';
}
