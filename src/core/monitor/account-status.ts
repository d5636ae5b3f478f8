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
  /** One server's request failed in a way that may be the whole panel: ask the list soon. */
  | { scope: 'check' }
  /** Says nothing about the account (a server's 409, 504, 404, a cancelled call). */
  | { scope: 'none' };

const DOWN_KINDS = new Set(['network', 'timeout', 'tls', 'maintenance']);
/** A server's own request failing so says something about that server, not about the panel. */
const SERVER_ANSWER_KINDS = new Set(['conflict', 'not-found', 'node-unreachable', 'server-offline', 'too-large', 'forbidden', 'cancelled', 'local-file']);

/** The panel itself wrote this error (its JSON `errors[]` or `{error}`), not a proxy in front of it. */
function isPanelAnswer(error: { code?: string | undefined; detail?: string | undefined }): boolean {
  return error.code !== undefined || error.detail !== undefined;
}

/**
 * Which request failed: the server list speaks for the account; a server's own request (a poll, a
 * websocket token) only when the failure cannot be about that one server.
 */
export type FailureSource = 'create-client' | 'list' | 'server';

/**
 * Classifies any failure. A non-PanelError from `createClient` means no key could be had. The
 * list speaks for the panel: whatever it answers that is not the panel refusing the key or
 * asking to wait (a 500, an HTML page, a 404 from a proxy, garbage) means the panel cannot be
 * used now, so it is shown as unreachable and checked again on the back-off.
 */
export function accountVerdict(error: unknown, source: FailureSource): AccountVerdict {
  if (!isPanelError(error)) {
    if (source === 'create-client')
      return { scope: 'blocked', status: 'keychain-locked', message: 'The API key could not be read from the keychain. Unlock it, then refresh.' };
    return source === 'list' ? { scope: 'down', status: 'unreachable', message: ERROR_ADVICE.network } : { scope: 'check' };
  }
  const message = error.message;
  switch (error.kind) {
    case 'auth':
      // The panel's 401 is its JSON `AuthenticationException` (the client asks for JSON), or its
      // login redirect; a bare 401 page is a proxy's own password prompt, not the key refused.
      if (error.status === 401 && !isPanelAnswer(error))
        return source === 'server'
          ? { scope: 'check' }
          : {
              scope: 'down',
              status: 'unreachable',
              message: 'Something in front of the panel asked for a login (401) instead of the panel answering: check the URL or the proxy.',
            };
      return { scope: 'blocked', status: 'key-revoked', message: ERROR_ADVICE.auth };
    case 'two-factor-required':
      return { scope: 'blocked', status: 'two-factor-required', message: ERROR_ADVICE['two-factor-required'] };
    case 'rate-limited':
      // One route's own limit on one server (a websocket token, a backup) is not the panel's.
      if (error.rateLimitScope !== undefined) return { scope: 'none' };
      return { scope: 'wait', status: 'rate-limited', message: ERROR_ADVICE['rate-limited'] };
    case 'cancelled':
      return { scope: 'none' };
    default:
      return source === 'server' ? serverVerdict(error) : panelVerdict(error, message);
  }
}

/** The list (or building the client) failed. */
function panelVerdict(error: { kind: string; code?: string | undefined; detail?: string | undefined }, message: string): AccountVerdict {
  // The panel itself refusing the key here (allowed IPs, an application key) blocks the account;
  // a proxy's 403 page in front of a panel that is down does not.
  if (error.kind === 'forbidden' && isPanelAnswer(error)) return { scope: 'blocked', status: 'key-revoked', message };
  return { scope: 'down', status: 'unreachable', message };
}

/** One server's request failed: down if the panel is unreachable, a check if it may be the panel. */
function serverVerdict(error: { kind: string; message: string; code?: string | undefined; detail?: string | undefined }): AccountVerdict {
  if (DOWN_KINDS.has(error.kind)) return { scope: 'down', status: 'unreachable', message: error.message };
  // On one server, a 403 is that server's permission (no websocket.connect), a 409 its state.
  if (SERVER_ANSWER_KINDS.has(error.kind) && (error.kind !== 'forbidden' || isPanelAnswer(error))) return { scope: 'none' };
  return { scope: 'check' };
}

/**
 * For this long after a panel goes down it is checked every few seconds: most outages are a
 * restart or a deploy, and the tray should show the truth within seconds of the panel's return.
 */
export const DOWN_FAST_PHASE_MS = 120_000;
/** Ceiling of a check's delay in the fast phase (half of it jittered: 3–6 s). */
export const DOWN_FAST_RETRY_MS = 6_000;
/** First delay after the fast phase; it doubles from here. */
export const DOWN_RETRY_MIN_MS = 15_000;
/** Ceiling of that back-off: a panel down for hours is still checked every few minutes. */
export const DOWN_RETRY_MAX_MS = 300_000;

/**
 * Delay before the next check of a panel that has been down for `downForMs`, after `slowChecks`
 * checks past the fast phase: 3–6 s for the first two minutes, then doubling from 15 s to 5 min,
 * always with half of it jittered, so many tray apps behind one panel do not come back in
 * lockstep when it does.
 */
export function downRetryDelayMs(downForMs: number, slowChecks: number, random: () => number): number {
  const ceiling =
    downForMs < DOWN_FAST_PHASE_MS ? DOWN_FAST_RETRY_MS : Math.min(DOWN_RETRY_MAX_MS, DOWN_RETRY_MIN_MS * 2 ** Math.min(Math.max(slowChecks, 0), 20));
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}

/** When the next check of a panel that is down is due: the fast phase, then the back-off. */
export class DownSchedule {
  private sinceMs: number | null = null;
  private slowChecks = 0;

  /** The panel was found down at `nowMs`: the delay before the next check. */
  next(nowMs: number, random: () => number): number {
    this.sinceMs ??= nowMs;
    const downForMs = nowMs - this.sinceMs;
    const delayMs = downRetryDelayMs(downForMs, this.slowChecks, random);
    // The back-off counts only the checks past the fast phase.
    if (downForMs >= DOWN_FAST_PHASE_MS) this.slowChecks += 1;
    return delayMs;
  }

  /** The panel answered: the next outage starts with its fast phase again. */
  reset(): void {
    this.sinceMs = null;
    this.slowChecks = 0;
  }

  /** A person asked, or the machine woke: check soon again, on the back-off from its start. */
  restartBackoff(): void {
    this.slowChecks = 0;
  }
}
