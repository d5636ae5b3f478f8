// The time axis's spacing (issue 15): labels never closer than the widest one the range prints, plus a gap.
import { describe, expect, it } from 'vitest';
import { TIME_LABEL_GAP_PX, timeLabelSpacePx } from './chart-adapter';

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
