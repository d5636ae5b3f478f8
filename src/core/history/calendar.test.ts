import { describe, expect, it } from 'vitest';
import { calendarSpans } from './calendar';

const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();

describe('calendarSpans', () => {
  it('gives local days up to and including today, oldest first', () => {
    const spans = calendarSpans(local(2026, 3, 4, 15), 'day', 3);
    expect(spans).toEqual([
      { start: local(2026, 3, 2), end: local(2026, 3, 3) },
      { start: local(2026, 3, 3), end: local(2026, 3, 4) },
      { start: local(2026, 3, 4), end: local(2026, 3, 5) },
    ]);
  });

  it('starts weeks on Monday, also when today is Sunday', () => {
    // 2026-03-08 is a Sunday: its week began on Monday 2 March.
    const spans = calendarSpans(local(2026, 3, 8, 23), 'week', 2);
    expect(spans).toEqual([
      { start: local(2026, 2, 23), end: local(2026, 3, 2) },
      { start: local(2026, 3, 2), end: local(2026, 3, 9) },
    ]);
    expect(new Date(spans[0]!.start).getDay()).toBe(1);
  });

  it('crosses a month and a year end', () => {
    const spans = calendarSpans(local(2027, 1, 1, 1), 'day', 2);
    expect(spans[0]).toEqual({ start: local(2026, 12, 31), end: local(2027, 1, 1) });
  });
});
