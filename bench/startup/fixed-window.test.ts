import { describe, expect, it } from 'vitest';
import { fixedWindowPeakShare } from './fixed-window';
import type { SimRequestLogEntry } from '../../src/sim';

const at = (timeMs: number, port: 'panel' | 'wings' = 'panel'): SimRequestLogEntry => ({
  method: 'GET',
  route: 'GET /api/client',
  path: '/api/client',
  port,
  timeMs,
  status: 200,
});

describe('fixedWindowPeakShare', () => {
  it('counts as Laravel does: a window opens at its first request, the next at the first one after it', () => {
    // 3 at the end of one window and 3 at the start of the next: a sliding minute would see 6.
    const entries = [at(0), at(59_000), at(59_500), at(59_900), at(60_000), at(60_100), at(60_200)];
    expect(fixedWindowPeakShare([{ limitPerMinute: 10, entries }])).toBeCloseTo(0.4);
  });

  it('takes the worst panel, and counts only the panel’s own port', () => {
    const quiet = { limitPerMinute: 10, entries: [at(0)] };
    const busy = { limitPerMinute: 4, entries: [at(0), at(1), at(2), at(3, 'wings')] };
    expect(fixedWindowPeakShare([quiet, busy])).toBeCloseTo(0.75);
    expect(fixedWindowPeakShare([])).toBe(0);
  });
});
