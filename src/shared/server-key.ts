/**
 * The one spelling of a server's key, `accountId/identifier`: settings (favourites, per-server
 * rules), the tray's flags and the monitor's attention all use it.
 */
import { isServerIdentifier } from './server-identifier';
import type { ServerRef } from './types';

const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const serverKey = (ref: ServerRef): string => `${ref.accountId}/${ref.identifier}`;

/** True for `accountId/identifier` with both parts well formed (any identifier shape the panel uses). */
export function isServerKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = value.split('/');
  return parts.length === 2 && ACCOUNT_ID.test(parts[0] ?? '') && isServerIdentifier(parts[1]);
}
