/** Jittered exponential back-off, shared by reconnects and token refresh retries. */
import type { BackoffOptions } from './types';

/** Defaults: 1 s doubling to 30 s, the range the official UI's reconnects stay within. */
export const DEFAULT_BACKOFF: Required<BackoffOptions> = { initialMs: 1_000, maxMs: 30_000 };

/**
 * The delay before retry number `attempt` (0-based): "equal jitter", half fixed and half random,
 * so many tray apps restarting at once after a node reboot do not reconnect in lockstep, yet no
 * delay is ever near zero.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions, random: () => number): number {
  const initialMs = options.initialMs ?? DEFAULT_BACKOFF.initialMs;
  const maxMs = Math.max(initialMs, options.maxMs ?? DEFAULT_BACKOFF.maxMs);
  const exponent = Math.min(Math.max(attempt, 0), 30);
  const ceiling = Math.min(maxMs, initialMs * 2 ** exponent);
  const jitter = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}
