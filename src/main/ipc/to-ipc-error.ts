/**
 * Turns anything a handler threw into the typed IpcError the window branches on. Unknown errors
 * become `internal` with a generic message: their text may carry details that are not the
 * window's business (paths, or worse).
 */
import { ZodError } from 'zod';
import { PanelError } from '../../core/api/errors';
import { AccountCheckError } from '../../core/accounts/check-key';
import { AccountServiceError } from '../../core/accounts/account-service';
import type { IpcError, IpcErrorCode } from '../../shared/types';

/** An error a handler throws on purpose, with its code. */
export class HandlerError extends Error {
  readonly code: IpcErrorCode;
  readonly reason: string | undefined;
  constructor(code: IpcErrorCode, message: string, reason?: string) {
    super(message);
    this.name = 'HandlerError';
    this.code = code;
    this.reason = reason;
  }
}

const SERVICE_CODES: Record<AccountServiceError['problem'], IpcErrorCode> = {
  'keychain-unavailable': 'keychain-unavailable',
  'unknown-account': 'unknown-account',
  'key-missing': 'auth',
  'invalid-name': 'invalid-argument',
};

function describeZod(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request was not valid.';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'argument';
  return `Invalid ${where}: ${issue.message}.`;
}

export function toIpcError(error: unknown): IpcError {
  if (error instanceof HandlerError) return { code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}) };
  if (error instanceof PanelError) {
    return {
      code: error.kind,
      message: error.message,
      ...(error.conflictReason ? { reason: error.conflictReason } : {}),
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
  if (error instanceof AccountCheckError) return { code: 'validation', message: error.message, reason: error.problem };
  if (error instanceof AccountServiceError) return { code: SERVICE_CODES[error.problem], message: error.message, reason: error.problem };
  if (error instanceof ZodError) return { code: 'invalid-argument', message: describeZod(error) };
  return { code: 'internal', message: 'Something went wrong inside Pterotray. Try again; if it keeps happening, restart the app.' };
}
