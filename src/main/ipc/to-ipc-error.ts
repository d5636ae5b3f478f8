/**
 * Turns anything a handler threw into the typed IpcError the window branches on. Unknown errors
 * become `internal` with a generic message: their text may carry details that are not the
 * window's business (paths, or worse).
 */
import { ZodError } from 'zod';
import { PanelError } from '../../core/api/errors';
import { CoreError } from '../../core/util/core-error';
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

function describeZod(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request was not valid.';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'argument';
  return `Invalid ${where}: ${issue.message}.`;
}

export function toIpcError(error: unknown): IpcError {
  if (error instanceof HandlerError) return { code: error.code, message: error.message, ...(error.reason ? { reason: error.reason } : {}) };
  // One vocabulary: every error of core has a kind, and a reason where a finer word helps.
  if (error instanceof CoreError) {
    return {
      code: error.kind,
      message: error.message,
      ...(error.reason ? { reason: error.reason } : {}),
      ...(error instanceof PanelError && error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
  if (error instanceof ZodError) return { code: 'invalid-argument', message: describeZod(error) };
  return { code: 'internal', message: 'Something went wrong inside Pterotray. Try again; if it keeps happening, restart the app.' };
}
