/**
 * The power vocabulary every layer speaks: the states and signals of Wings, and which signals the
 * panel's own UI offers for a server now (the tray and the window's buttons both ask this).
 */
import type { AccountView, ServerView } from './types';

export type { PowerSignal, PowerState } from './power-states';
export { POWER_SIGNALS } from './power-states';
import type { PowerSignal } from './power-states';

export const AVAILABILITY_REASONS: Record<Exclude<ServerView['availability'], 'ok'>, string> = {
  suspended: 'Suspended by the panel: power actions are unavailable until it is unsuspended.',
  installing: 'Installing: power actions are unavailable until the install finishes.',
  'install-failed': 'The install failed: reinstall it from the panel.',
  transferring: 'Moving to another node: power actions wait until the transfer is done.',
  restoring: 'Restoring a backup: power actions wait until the restore is done.',
  'node-maintenance': 'Its node is in maintenance: power actions wait until it is back.',
  'node-unreachable': 'The panel cannot reach its node: power actions wait until it answers.',
  unknown: 'The panel refused to act on it just now; refresh to check again.',
};

const ACCOUNT_REASONS: Partial<Record<AccountView['status'], string>> = {
  'key-revoked': 'The panel rejected the API key: add a new key in Settings.',
  unreachable: 'The panel cannot be reached: power actions wait until it answers.',
  'two-factor-required': 'The panel requires two-factor authentication on your account.',
  'rate-limited': 'The panel asked to wait before the next request.',
  'keychain-locked': 'The API key is not available: unlock the keychain.',
};

// ── notices (issue 15) ──
/** "42 s", "3 min": a wait as a person reads it, rounded up (never "0 s" while still waiting). */
export function waitText(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/**
 * Why a rate-limited panel's buttons are greyed, with the time until it answers again (the
 * panel's `Retry-After`); without a time, the plain reason.
 */
export function rateLimitedReason(wait: { retryAtMs: number | null | undefined; nowMs: number } | undefined): string {
  const plain = ACCOUNT_REASONS['rate-limited'] ?? '';
  if (!wait || wait.retryAtMs === null || wait.retryAtMs === undefined) return plain;
  const leftMs = wait.retryAtMs - wait.nowMs;
  if (leftMs <= 0) return 'The panel asked to wait before the next request: it should answer again now.';
  return `The panel asked to wait before the next request (rate limit): it answers again in ${waitText(leftMs)}.`;
}

/**
 * The rate limit's reason as a screen reader is told it (issue 15): the clock time it answers
 * again, which stays the same while the wait lasts, where the screen counts down each second. A
 * live region that changed every second would be read out every second. `timeOfDay` formats the
 * moment ("14:03:20"); without a time, the plain reason.
 */
export function rateLimitedSpoken(retryAtMs: number | null | undefined, timeOfDay: (epochMs: number) => string): string {
  const plain = ACCOUNT_REASONS['rate-limited'] ?? '';
  if (retryAtMs === null || retryAtMs === undefined) return plain;
  return `The panel asked to wait before the next request (rate limit): it answers again at ${timeOfDay(retryAtMs)}.`;
}

/**
 * Why power actions are unavailable for this server now, as one sentence, or null when they are
 * offered. The window shows it on the disabled buttons, the tray in the server's header. `wait`
 * (a rate-limited panel's retry time and the clock) adds how long until it answers again.
 */
export function powerBlockedReason(
  server: ServerView,
  accountStatus: AccountView['status'],
  wait?: { retryAtMs: number | null | undefined; nowMs: number },
): string | null {
  if (accountStatus === 'rate-limited') return rateLimitedReason(wait);
  const accountReason = ACCOUNT_REASONS[accountStatus];
  if (accountReason) return accountReason;
  if (server.availability !== 'ok') return AVAILABILITY_REASONS[server.availability];
  if (server.state === 'unknown') return 'Its state is not known yet.';
  return null;
}

/** Which power actions the panel's own UI would offer for this server now. */
export function powerActions(server: ServerView, accountOk: boolean): Record<PowerSignal, boolean> {
  const usable = accountOk && server.availability === 'ok';
  const { state } = server;
  return {
    start: usable && state === 'offline',
    stop: usable && (state === 'running' || state === 'starting'),
    restart: usable && state !== 'unknown' && state !== 'stopping',
    kill: usable && state === 'stopping',
  };
}
