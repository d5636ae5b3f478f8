/** What to tell a person when a console command could not be sent: by the failure's code. */
import { errorMessage } from '../../../lib/api';
import { t } from '../../../lib/strings';
import { isIpcFailure } from '../../../../../shared/ipc-failure';

type KnownCode = keyof typeof t.console.errors;

const isKnown = (code: string): code is KnownCode => Object.hasOwn(t.console.errors, code);

/** One sentence that says what happened and what to do. */
export function sendErrorMessage(error: unknown): string {
  if (isIpcFailure(error) && isKnown(error.code)) return t.console.errors[error.code];
  return `${t.console.sendFailed} ${errorMessage(error)}`;
}
