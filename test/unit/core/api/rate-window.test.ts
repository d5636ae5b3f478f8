/** Laravel's fixed rate window as read from X-RateLimit-Remaining (rate-window.ts). */
import { describe, expect, it } from 'vitest';
import { RATE_WINDOW_MS, RateWindow, WINDOW_END_MARGIN_MS } from '../../../../src/core/api/rate-window';

describe('RateWindow', () => {
  it('knows nothing before an answer', () => {
    expect(new RateWindow().view(0)).toEqual({ remaining: null, endsByMs: null });
  });

  it('a window seen first in the answer to a request sent at T is over by T + one minute (and the margin)', () => {
    const w = new RateWindow();
    w.sent();
    w.answered(1_000, 200);
    expect(w.view(2_000)).toEqual({ remaining: 200, endsByMs: 1_000 + RATE_WINDOW_MS + WINDOW_END_MARGIN_MS });
    // Past its end the window is a new one nobody has been seen to use.
    expect(w.view(1_000 + RATE_WINDOW_MS + WINDOW_END_MARGIN_MS)).toEqual({ remaining: null, endsByMs: null });
  });

  it('counts requests sent but not answered against what is left', () => {
    const w = new RateWindow();
    w.sent();
    w.answered(0, 100);
    w.sent();
    w.sent();
    w.sent();
    expect(w.view(10).remaining).toBe(97);
    w.answered(5, 99);
    expect(w.view(10).remaining).toBe(97);
  });

  it('a higher remaining is a new window, starting at that request', () => {
    const w = new RateWindow();
    w.sent();
    w.answered(0, 10);
    w.sent();
    w.answered(50_000, 250);
    expect(w.view(60_000)).toEqual({ remaining: 250, endsByMs: 50_000 + RATE_WINDOW_MS + WINDOW_END_MARGIN_MS });
  });

  it('an answer to a request sent before the one believed cannot move the window', () => {
    const w = new RateWindow();
    w.sent();
    w.sent();
    w.answered(2_000, 120);
    w.answered(1_000, 200); // Sent earlier, answered later: the older count.
    expect(w.view(3_000)).toEqual({ remaining: 120, endsByMs: 2_000 + RATE_WINDOW_MS + WINDOW_END_MARGIN_MS });
  });

  it('an answer without the header says nothing about the window', () => {
    const w = new RateWindow();
    w.sent();
    w.answered(0, 50);
    w.sent();
    w.answered(10, null);
    expect(w.view(20).remaining).toBe(50);
  });

  it('a 429 leaves nothing until the reset it names', () => {
    const w = new RateWindow();
    w.sent();
    w.answered(0, 3);
    w.exhaustedUntil(1_000, 40_000);
    expect(w.view(2_000)).toEqual({ remaining: 0, endsByMs: 40_000 + WINDOW_END_MARGIN_MS });
    expect(w.view(41_000).remaining).toBeNull();
  });
});
