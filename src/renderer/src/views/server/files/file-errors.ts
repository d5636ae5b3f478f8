/**
 * A failed call as a sentence a person can act on. The text is chosen by the failure's `code`
 * (never by its message); codes without file-specific advice fall back to main's message.
 */
import { isIpcFailure } from '../../../../../shared/ipc-failure';
import type { IpcErrorCode } from '../../../../../shared/types';
import { t } from '../../../lib/strings';

export interface ShownError {
  code: IpcErrorCode | 'unknown';
  text: string;
}

export function describeError(error: unknown): ShownError {
  if (isIpcFailure(error)) {
    const text = t.files.errors[error.code] ?? (error.message || t.unknownError);
    return { code: error.code, text };
  }
  return { code: 'unknown', text: t.unknownError };
}
