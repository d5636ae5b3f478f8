/** Time formatting in the panel's own words. */

/** Laravel's `toAtomString()`: ISO-8601 without milliseconds, `+00:00` instead of `Z`. */
export function atom(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** The fixed "install date" all seeded content is dated from (2024-05-01T10:00:00Z). */
export const SEED_EPOCH_MS = Date.UTC(2024, 4, 1, 10, 0, 0);
