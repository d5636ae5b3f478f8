/**
 * `Retry-After` and the `X-RateLimit-*` headers Laravel's ThrottleRequests sends
 * (pterodactyl-api.md §2.4).
 */

/** Longest wait believed from a Retry-After; a panel asking for more is capped to this. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * Milliseconds to wait from a `Retry-After` value: delta-seconds (`"30"`) or an HTTP date.
 * Null when absent or unreadable; never negative; capped at MAX_RETRY_AFTER_MS.
 */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    ms = Number(trimmed) * 1000;
  } else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    ms = at - nowMs;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.ceil(ms)));
}

/** A non-negative integer header (`X-RateLimit-Limit`, `X-RateLimit-Remaining`), or null. */
export function parseCountHeader(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value.trim());
}

/** `X-RateLimit-Reset` (a unix timestamp in seconds) as ms from now, or null. */
export function parseResetMs(value: string | undefined, nowMs: number): number | null {
  const seconds = parseCountHeader(value);
  if (seconds === null) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, seconds * 1000 - nowMs));
}
