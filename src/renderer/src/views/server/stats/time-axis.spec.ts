// The time axis's spacing (issue 15): labels never closer than the widest one the range prints, plus a gap.
import { describe, expect, it } from 'vitest';
import { TIME_LABEL_GAP_PX, rightPaddingPx, timeLabelSpacePx, widestTimeLabelPx } from './chart-adapter';

// 6 px per character: a stand-in for the canvas's measureText, in the proportions that matter.
const measure = (text: string): number => text.length * 6;

describe('time axis spacing', () => {
  it('gives a week’s weekday labels more room than a live minute’s times', () => {
    const live = timeLabelSpacePx(120, measure);
    const week = timeLabelSpacePx(7 * 86_400, measure);
    expect(week).toBeGreaterThan(live);
  });

  it.each([120, 3600, 86_400, 7 * 86_400, 90 * 86_400])('leaves the gap past the widest label for a span of %i s', (spanS) => {
    const space = timeLabelSpacePx(spanS, measure);
    expect(space).toBeGreaterThanOrEqual(TIME_LABEL_GAP_PX + 6 * 5);
    // Wider text (another locale) widens the spacing by as much.
    expect(timeLabelSpacePx(spanS, (t) => measure(t) * 2)).toBeGreaterThan(space);
  });
});

// ── layout2 (issue 15b) ──
describe('time axis right padding', () => {
  it.each([120, 3600, 86_400, 7 * 86_400, 90 * 86_400])('holds half the widest label a span of %i s prints, so the last one is never cut', (spanS) => {
    const pad = rightPaddingPx(spanS, measure);
    expect(pad).toBeGreaterThan(widestTimeLabelPx(spanS, measure) / 2);
    // uPlot's own right padding (half its default 50 px y axis) was less than half of "10:58:58 PM".
    expect(pad).toBeGreaterThan(25);
    expect(rightPaddingPx(spanS, (t) => measure(t) * 2)).toBeGreaterThan(pad);
  });
});
