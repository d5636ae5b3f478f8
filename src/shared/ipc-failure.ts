import type { IpcError, IpcErrorCode } from './types';

/**
 * The error a `window.api` call rejects with: a real Error that keeps the typed code, so the UI
 * sees more than "Error invoking remote method" and branches on `code`.
 */
export class IpcFailure extends Error implements IpcError {
  readonly code: IpcErrorCode;
  readonly reason: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(error: IpcError) {
    super(error.message);
    this.name = 'IpcFailure';
    this.code = error.code;
    this.reason = error.reason;
    this.retryAfterMs = error.retryAfterMs;
  }
}

/** True when `value` carries a typed IPC code (an IpcFailure, or one rebuilt across a boundary). */
export function isIpcFailure(value: unknown): value is IpcFailure {
  return value instanceof Error && typeof (value as { code?: unknown }).code === 'string';
}
