/**
 * The one error base of core (issue 12): every error that leaves core has a `kind` (the
 * vocabulary main, the window and the CLI branch on) and, where a finer word helps a form or a
 * message, a `reason`. Callers never branch on message text.
 */
import type { CoreErrorKind } from '../../shared/error-kinds';

export abstract class CoreError extends Error {
  abstract readonly kind: CoreErrorKind;
  /** A finer word under the kind (an account check's problem, a conflict's reason), or undefined. */
  readonly reason: string | undefined;

  constructor(message: string, options: { reason?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.reason = options.reason;
  }
}

export function isCoreError(value: unknown): value is CoreError {
  return value instanceof CoreError;
}
