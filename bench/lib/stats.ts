/** Small statistics over measured figures: percentiles, rates and sliding windows. Pure. */

/** The p-th percentile (0–100) by linear interpolation between closest ranks; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] ?? 0;
  const highValue = sorted[high] ?? lowValue;
  return lowValue + (highValue - lowValue) * (rank - low);
}

/** The median; null when empty. */
export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

/** The largest value; null when empty. */
export function maximum(values: readonly number[]): number | null {
  return values.length === 0 ? null : Math.max(...values);
}

/** Events per minute per unit (e.g. requests per server per minute). */
export function perUnitPerMinute(count: number, units: number, windowMs: number): number {
  if (units <= 0 || windowMs <= 0) return 0;
  return count / units / (windowMs / 60_000);
}

/**
 * The most events inside any window of `windowMs` (a sliding window, stricter than the panel's
 * fixed one): what a rate limiter could see at worst. `timesMs` need not be sorted.
 */
export function maxInSlidingWindow(timesMs: readonly number[], windowMs: number): number {
  const sorted = [...timesMs].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
