/**
 * Maps a non-2xx answer to a PanelError, following pterodactyl-api.md §2: the panel's body
 * `{errors:[{code,status,detail,meta}]}`, Wings' `{error, request_id}`, and the status table.
 * Panel-supplied text is redacted of the API key before it lands in a message.
 */
import { PanelError, type ConflictReason, type PanelErrorKind } from './errors';
import { field, isRecord } from './normalize/guards';
import { parseJson } from './normalize/envelope';
import { header, type RawResponse } from './raw-response';
import { redact } from './redact';
import { parseResetMs, parseRetryAfterMs } from './retry-after';

/** What the mapper needs to know besides the answer. */
export interface ErrorContext {
  /** `command` turns a 502 into `server-offline` (the panel's "Server must be online…"). */
  operation?: string;
  /** Strings to scrub from any text taken from the answer (see redact.ts). */
  secrets: readonly string[];
  nowMs: number;
}

interface ErrorBody {
  isJson: boolean;
  code: string | undefined;
  detail: string | undefined;
  details: string[];
}

/** Reads either error shape; an unreadable body gives no code and no detail. */
export function readErrorBody(body: string): ErrorBody {
  let parsed: unknown;
  try {
    parsed = body.trim() === '' ? undefined : parseJson(body);
  } catch {
    return { isJson: false, code: undefined, detail: undefined, details: [] };
  }
  if (!isRecord(parsed)) return { isJson: parsed !== undefined, code: undefined, detail: undefined, details: [] };
  const errors = field(parsed, 'errors');
  const list = Array.isArray(errors) ? errors.filter(isRecord).slice(0, 10) : [];
  const details = list.map((e) => field(e, 'detail')).filter((d): d is string => typeof d === 'string');
  const first = list[0];
  const code = first === undefined ? undefined : field(first, 'code');
  // Wings (signed URLs) answers `{error}`; plain Laravel answers `{message}`.
  const fallback = [field(parsed, 'error'), field(parsed, 'message')].find((v) => typeof v === 'string');
  return {
    isJson: true,
    code: typeof code === 'string' ? code : undefined,
    detail: details[0] ?? (typeof fallback === 'string' ? fallback : undefined),
    details,
  };
}

/** Why a 409 happened, from the wording of `ServerStateConflictException` (§2.3). */
export function conflictReasonOf(detail: string | undefined): ConflictReason {
  const text = (detail ?? '').toLowerCase();
  if (text.includes('suspended')) return 'suspended';
  if (text.includes('maintenance')) return 'node-maintenance';
  if (text.includes('transfer')) return 'transferring';
  if (text.includes('restor')) return 'restoring';
  if (text.includes('install')) return 'installing';
  return 'other';
}

function kindOf(status: number, body: ErrorBody, ctx: ErrorContext): PanelErrorKind {
  if (status === 400) {
    if (body.code === 'TwoFactorAuthRequiredException') return 'two-factor-required';
    if (body.code === 'FileSizeTooLargeException') return 'too-large';
    return 'validation';
  }
  const byStatus: Record<number, PanelErrorKind> = {
    401: 'auth',
    403: 'forbidden',
    404: body.isJson ? 'not-found' : 'bad-response',
    409: 'conflict',
    413: 'too-large',
    422: 'validation',
    429: 'rate-limited',
    503: 'maintenance',
  };
  const known = byStatus[status];
  if (known !== undefined) return known;
  if (status === 502 || status === 504) {
    // The panel's own "Server must be online in order to send commands." is JSON; a proxy's 502
    // page in front of a panel that is down says nothing about the server.
    if (status === 502 && ctx.operation === 'command' && body.isJson) return 'server-offline';
    // An HTML 502/504 comes from a proxy in front of the panel, not from the panel about a node.
    return body.isJson ? 'node-unreachable' : 'network';
  }
  return status >= 400 && status < 500 ? 'validation' : 'bad-response';
}

function redirectError(res: RawResponse, ctx: ErrorContext): PanelError {
  const location = redact(header(res, 'location') ?? '', ctx.secrets);
  if (location.includes('/auth/login')) {
    return new PanelError({
      kind: 'auth',
      status: res.status,
      message: 'The panel redirected to its login page: it did not take the request as an API call with a valid key.',
    });
  }
  return new PanelError({
    kind: 'bad-response',
    status: res.status,
    message: `The panel redirected (${res.status}) to ${location || 'another address'}; use the final address as the panel URL.`,
  });
}

function retryAfterOf(res: RawResponse, nowMs: number): number | undefined {
  const ms = parseRetryAfterMs(header(res, 'retry-after'), nowMs) ?? parseResetMs(header(res, 'x-ratelimit-reset'), nowMs);
  return ms ?? undefined;
}

function messageOf(kind: PanelErrorKind, status: number, body: ErrorBody, secrets: readonly string[]): string | undefined {
  if (kind === 'validation' && body.details.length > 1) return redact(body.details.join(' '), secrets);
  // A JSON 5xx is the panel itself failing (its own error page), not an address that is wrong.
  if (kind === 'bad-response' && status >= 500 && body.isJson) {
    const said = body.detail === undefined ? '' : ` It said: “${redact(body.detail, secrets)}”`;
    return `The panel failed with an internal error (${status}).${said} The problem is on the panel: try again later, or tell its admin.`;
  }
  if (body.detail !== undefined) return redact(body.detail, secrets);
  if (kind === 'bad-response') return `The panel answered ${status} without a usable error body.`;
  if (kind === 'network') return `A proxy in front of the panel answered ${status}: the panel itself may be down.`;
  return undefined;
}

/** The PanelError for a non-2xx answer. */
export function errorFromResponse(res: RawResponse, ctx: ErrorContext): PanelError {
  if (res.status >= 300 && res.status < 400) return redirectError(res, ctx);
  const body = readErrorBody(res.body);
  const kind = kindOf(res.status, body, ctx);
  const detail = body.detail === undefined ? undefined : redact(body.detail, ctx.secrets);
  return new PanelError({
    kind,
    status: res.status,
    code: body.code === undefined ? undefined : redact(body.code, ctx.secrets),
    detail,
    message: messageOf(kind, res.status, body, ctx.secrets),
    conflictReason: kind === 'conflict' ? conflictReasonOf(detail) : undefined,
    retryAfterMs: kind === 'rate-limited' ? retryAfterOf(res, ctx.nowMs) : undefined,
    isPanelFailure: kind === 'bad-response' && res.status >= 500 && body.isJson,
  });
}
