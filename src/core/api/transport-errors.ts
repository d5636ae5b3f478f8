/**
 * Maps a failure that produced no answer (refused, reset, timed out, TLS, aborted) to a
 * PanelError. The axios error is never kept: its `config.headers` holds the Authorization header,
 * so `cause` is rebuilt as a plain `{name, code, message}` with the message redacted.
 */
import { PanelError, type PanelErrorKind } from './errors';
import { redact } from './redact';

const NETWORK_MESSAGES: Record<string, string> = {
  ECONNREFUSED: 'The panel refused the connection (ECONNREFUSED): nothing is listening at that address and port.',
  ENOTFOUND: 'The panel’s host name could not be resolved (ENOTFOUND). Check the URL.',
  EAI_AGAIN: 'The panel’s host name could not be resolved right now (EAI_AGAIN). Check your connection.',
  ECONNRESET: 'The connection to the panel was reset (ECONNRESET).',
  EPIPE: 'The connection to the panel was closed while sending (EPIPE).',
  EHOSTUNREACH: 'The panel’s host is unreachable (EHOSTUNREACH).',
  ENETUNREACH: 'The network is unreachable (ENETUNREACH).',
};

const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT|UNABLE_TO_|EPROTO$|HOSTNAME_MISMATCH)/;

/** Codes of errors where the request may not have reached the panel and a GET may be retried. */
export const RESET_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE']);

interface Described {
  name: string;
  code: string | undefined;
  message: string;
}

function describe(err: unknown): Described {
  if (typeof err !== 'object' || err === null) return { name: 'Error', code: undefined, message: String(err) };
  const e = err as { name?: unknown; code?: unknown; message?: unknown; cause?: unknown };
  const cause = typeof e.cause === 'object' && e.cause !== null ? (e.cause as { code?: unknown }) : {};
  const own = typeof e.code === 'string' ? e.code : undefined;
  const inner = typeof cause.code === 'string' ? cause.code : undefined;
  // axios reports some socket failures as a bare ERR_NETWORK; the system code is on the cause.
  const code = own === undefined || own === 'ERR_NETWORK' ? (inner ?? own) : own;
  return {
    name: typeof e.name === 'string' ? e.name : 'Error',
    code,
    message: typeof e.message === 'string' ? e.message : '',
  };
}

/** What went wrong with a request that got no answer: core's one reading, for the API and transfers. */
export type TransportFailure = 'cancelled' | 'timeout' | 'tls' | 'unreachable' | 'body-too-large' | 'other';

const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Reads a failure by its Node/axios code, name and message; the message itself is never kept. */
export function classifyTransportFailure(err: unknown): { failure: TransportFailure; code: string; name: string } {
  const { code = '', message, name } = describe(err);
  const failure = ((): TransportFailure => {
    if (code === 'ERR_CANCELED' || code === 'ABORT_ERR' || name === 'CanceledError' || name === 'AbortError') return 'cancelled';
    if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || (code === 'ECONNABORTED' && /timeout/i.test(message))) return 'timeout';
    if (TLS_CODE.test(code) || /CERT|SSL|TLS/.test(code) || /self[- ]signed|certificate/i.test(message)) return 'tls';
    if (/maxContentLength/.test(message) || code === 'ERR_FR_MAX_BODY_LENGTH_EXCEEDED') return 'body-too-large';
    if (UNREACHABLE_CODES.has(code)) return 'unreachable';
    return 'other';
  })();
  return { failure, code, name };
}

function classify(d: Described, failure: TransportFailure): { kind: PanelErrorKind; message?: string } {
  const { code = '', name } = d;
  if (failure === 'cancelled') return { kind: 'cancelled' };
  if (failure === 'timeout') return { kind: 'timeout' };
  if (failure === 'tls') return { kind: 'tls', message: `The panel’s TLS certificate was refused (${code || 'TLS error'}).` };
  if (failure === 'body-too-large') return { kind: 'bad-response', message: 'The panel’s answer was larger than Pterotray accepts.' };
  const known = NETWORK_MESSAGES[code];
  if (known !== undefined) return { kind: 'network', message: known };
  return { kind: 'network', message: `The request to the panel failed (${code || name}).` };
}

/** The PanelError for a request that got no answer; PanelErrors pass through unchanged. */
export function errorFromTransport(err: unknown, secrets: readonly string[]): PanelError {
  if (err instanceof PanelError) return err;
  const d = describe(err);
  const { kind, message } = classify(d, classifyTransportFailure(err).failure);
  return new PanelError({
    kind,
    message,
    code: d.code,
    cause: { name: d.name, code: d.code, message: redact(d.message, secrets) },
  });
}

/** A `timeout` error for a request we stopped ourselves after `timeoutMs`. */
export function timeoutError(timeoutMs: number): PanelError {
  return new PanelError({ kind: 'timeout', message: `The panel did not answer within ${Math.round(timeoutMs / 1000)} s.` });
}

/** A `cancelled` error (the caller aborted, or the client was disposed). */
export function cancelledError(why = 'The request was cancelled.'): PanelError {
  return new PanelError({ kind: 'cancelled', message: why });
}
