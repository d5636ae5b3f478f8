/**
 * The busiest minute as the panel counts it. Laravel's limiter (both panels' `throttle:api.client`)
 * opens a window at the first request, counts every request in the next 60 s, and opens the next
 * window at the first request after that (rate-window.ts). A sliding 60 s can hold the end of one
 * window and the start of the next, twice what the panel ever counted at once; this does not.
 * Pure.
 */
import type { PanelLog } from '../watch/request-figures';

const WINDOW_MS = 60_000;

/** The most requests any one of the panel's windows counted, over its limit; the worst panel. */
export function fixedWindowPeakShare(logs: readonly PanelLog[]): number {
  let worst = 0;
  for (const log of logs) {
    const times = log.entries
      .filter((e) => e.port === 'panel' && !e.path.startsWith('/__sim'))
      .map((e) => e.timeMs)
      .sort((a, b) => a - b);
    let windowEnd = Number.NEGATIVE_INFINITY;
    let count = 0;
    for (const time of times) {
      if (time >= windowEnd) {
        windowEnd = time + WINDOW_MS;
        count = 0;
      }
      count += 1;
      worst = Math.max(worst, count / log.limitPerMinute);
    }
  }
  return worst;
}
