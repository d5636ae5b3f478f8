/**
 * A short title and one actionable sentence for any error, for the CLI and notifications.
 * Callers branch on `kind`; this only words it.
 */
import { ERROR_ADVICE, isPanelError, type ConflictReason, type PanelErrorKind } from './errors';

const TITLES: Record<PanelErrorKind, string> = {
  auth: 'API key rejected',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  conflict: 'Server busy',
  'rate-limited': 'Rate limited',
  'server-offline': 'Server offline',
  'node-unreachable': 'Node unreachable',
  'two-factor-required': 'Two-factor authentication required',
  validation: 'Request refused',
  'too-large': 'File too large',
  network: 'Panel unreachable',
  timeout: 'Panel timed out',
  tls: 'Certificate problem',
  'bad-response': 'Unexpected answer',
  maintenance: 'Panel in maintenance',
  cancelled: 'Cancelled',
  'local-file': 'Local file problem',
  'insecure-transport': 'Not encrypted',
};

const CONFLICT_TITLES: Record<ConflictReason, string> = {
  suspended: 'Server suspended',
  installing: 'Server installing',
  transferring: 'Server transferring',
  restoring: 'Restoring a backup',
  'node-maintenance': 'Node under maintenance',
  other: 'Server busy',
};

/** What to show a person for `err`: a title and advice they can act on. */
export function describePanelError(err: unknown): { title: string; advice: string } {
  if (!isPanelError(err)) {
    return { title: 'Unexpected error', advice: 'Something went wrong inside Pterotray. Try again; if it keeps happening, report it.' };
  }
  const title = err.kind === 'conflict' ? CONFLICT_TITLES[err.conflictReason ?? 'other'] : TITLES[err.kind];
  if (err.kind === 'rate-limited' && err.rateLimitScope !== undefined) {
    // One route's own limit (route-limits.ts): nothing is retried, and the message says when.
    const whose = err.rateLimitScope === 'server' ? 'this server' : 'your account';
    return { title, advice: `${err.message} Only this action on ${whose} waits; everything else goes on.` };
  }
  if (err.kind === 'rate-limited' && err.retryAfterMs !== undefined) {
    const seconds = Math.max(1, Math.ceil(err.retryAfterMs / 1000));
    return { title, advice: `The panel asked to wait ${seconds} s before the next request. Pterotray will wait that long.` };
  }
  return { title, advice: ERROR_ADVICE[err.kind] };
}
