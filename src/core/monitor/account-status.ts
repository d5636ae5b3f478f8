/**
 * How a failure bears on a whole account, pure: a revoked key or a panel that is down concerns
 * every server of the panel; a 409 or a 504 concerns one server and is handled there.
 */
import { ERROR_ADVICE, isPanelError } from '../api/errors';
import type { AccountStatus } from '../../shared/types';

/** What an error means for the account. */
export type AccountVerdict =
  /** The account cannot be used until a person acts (new key, 2FA, keychain). Retried slowly. */
  | { scope: 'blocked'; status: AccountStatus; message: string }
  /** The panel cannot be reached: back off, then check again. */
  | { scope: 'down'; status: 'unreachable'; message: string }
  /** The panel asked to wait (429); the client holds every request until then. */
  | { scope: 'wait'; status: 'rate-limited'; message: string }
  /** Says nothing about the account (a server's 409, 504, 404, a cancelled call). */
  | { scope: 'none' };

const DOWN_KINDS = new Set(['network', 'timeout', 'tls', 'maintenance']);

/**
 * Which request failed: the server list speaks for the account; a server's own request (a poll, a
 * websocket token) only when the failure cannot be about that one server.
 */
export type FailureSource = 'create-client' | 'list' | 'server';

/** Classifies any failure. A non-PanelError from `createClient` means no key could be had. */
export function accountVerdict(error: unknown, source: FailureSource): AccountVerdict {
  if (!isPanelError(error)) {
    if (source === 'create-client') return { scope: 'blocked', status: 'keychain-locked', message: 'The API key could not be read from the keychain. Unlock it, then refresh.' };
    return { scope: 'none' };
  }
  const message = error.message;
  switch (error.kind) {
    case 'auth':
      return { scope: 'blocked', status: 'key-revoked', message: ERROR_ADVICE.auth };
    case 'forbidden':
      // On the list, the key itself may not be used from here (allowed IPs, an application key);
      // on one server, it is that server's permission (no websocket.connect).
      return source === 'server' ? { scope: 'none' } : { scope: 'blocked', status: 'key-revoked', message };
    case 'two-factor-required':
      return { scope: 'blocked', status: 'two-factor-required', message: ERROR_ADVICE['two-factor-required'] };
    case 'rate-limited':
      return { scope: 'wait', status: 'rate-limited', message: ERROR_ADVICE['rate-limited'] };
    case 'bad-response':
      // One server's odd answer is that server's problem; an odd server list is not a panel.
      return source === 'server' ? { scope: 'none' } : { scope: 'down', status: 'unreachable', message };
    default:
      if (DOWN_KINDS.has(error.kind)) return { scope: 'down', status: 'unreachable', message };
      // No client at all (a URL that does not parse…): shown, and retried on the back-off.
      return source === 'create-client' ? { scope: 'down', status: 'unreachable', message } : { scope: 'none' };
  }
}

/** First retry of a panel that is down. */
export const DOWN_RETRY_MIN_MS = 5_000;
/** Ceiling of that back-off: a panel down for hours is still checked every few minutes. */
export const DOWN_RETRY_MAX_MS = 300_000;

/**
 * Delay before the next check of a panel that is down (failure 0 is the first): doubling from
 * 5 s to 5 min, with half of it jittered, so many tray apps behind one panel do not come back in
 * lockstep when it does.
 */
export function downRetryDelayMs(failures: number, random: () => number): number {
  const ceiling = Math.min(DOWN_RETRY_MAX_MS, DOWN_RETRY_MIN_MS * 2 ** Math.min(Math.max(failures, 0), 20));
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}
