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

/**
 * Why power actions are unavailable for this server now, as one sentence, or null when they are
 * offered. The window shows it on the disabled buttons, the tray in the server's header.
 */
export function powerBlockedReason(server: ServerView, accountStatus: AccountView['status']): string | null {
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
