/** Laravel's fixed rate window as read from X-RateLimit-Remaining (rate-window.ts). */
import { describe, expect, it } from 'vitest';
import { RATE_WINDOW_MS, RateWindow, WINDOW_END_MARGIN_MS } from '../../../../src/core/api/rate-window';

const END = RATE_WINDOW_MS + WINDOW_END_MARGIN_MS;

describe('RateWindow', () => {
  it('knows nothing before an answer', () => {
    expect(new RateWindow().view(0)).toEqual({ remaining: null, endsByMs: null });
  });

  it('a window seen first in the answer to a request sent at T is over by T + one minute (and the margin)', () => {
    const w = new RateWindow();
    w.sent(1_000);
    w.answered(1_000, 200, 256);
    expect(w.view(2_000)).toEqual({ remaining: 200, endsByMs: 1_000 + END });
    // Past its end, and nothing sent since: a new window nobody has been seen to use.
    expect(w.view(1_000 + END)).toEqual({ remaining: null, endsByMs: null });
  });

  it('counts requests sent but not answered against what is left', () => {
    const w = new RateWindow();
    w.sent(0);
    w.answered(0, 100, 256);
    w.sent(1);
    w.sent(5);
    w.sent(8);
    expect(w.view(10).remaining).toBe(97);
    // The answer to the one sent at 5 counts everything sent up to it: only the one at 8 is not in it.
    w.answered(5, 98, 256);
    expect(w.view(10).remaining).toBe(97);
  });

  it('a higher remaining is a new window, starting at that request', () => {
    const w = new RateWindow();
    w.sent(0);
    w.answered(0, 10, 256);
    w.sent(50_000);
    w.answered(50_000, 250, 256);
    expect(w.view(60_000)).toEqual({ remaining: 250, endsByMs: 50_000 + END });
  });

  it('an answer to a request sent before the one believed cannot move the window', () => {
    const w = new RateWindow();
    w.sent(1_000);
    w.sent(2_000);
    w.answered(2_000, 120, 256);
    w.answered(1_000, 200, 256); // Sent earlier, answered later: the older count.
    expect(w.view(3_000)).toEqual({ remaining: 120, endsByMs: 2_000 + END });
  });

  it('a request answered with a route’s own pair (a websocket token) still counts against the window', () => {
    const w = new RateWindow();
    w.sent(0);
    w.answered(0, 50, 256);
    for (let t = 10; t < 40; t += 10) {
      w.sent(t);
      w.answered(t, null);
    }
    expect(w.view(50).remaining).toBe(47);
  });

  it('when no answer told about the current window, every request of the last minute counts against it', () => {
    const w = new RateWindow();
    w.sent(0);
    w.answered(0, 255, 256);
    // Tokens only from here on: their answers carry the route's pair.
    for (let t = 70_000; t < 70_100; t++) {
      w.sent(t);
      w.answered(t, null);
    }
    expect(w.view(80_000)).toEqual({ remaining: 156, endsByMs: 70_000 + END });
    // As they leave the minute, the room comes back.
    expect(w.view(70_050 + END).remaining).toBe(256 - 49);
    expect(w.view(70_100 + END)).toEqual({ remaining: null, endsByMs: null });
  });

  it('a 429 leaves nothing until the reset it names', () => {
    const w = new RateWindow();
    w.sent(0);
    w.answered(0, 3, 256);
    w.sent(1_000);
    w.exhaustedUntil(1_000, 40_000);
    expect(w.view(2_000)).toEqual({ remaining: 0, endsByMs: 40_000 + WINDOW_END_MARGIN_MS });
    expect(w.view(41_000).remaining).toBeNull();
  });
});
