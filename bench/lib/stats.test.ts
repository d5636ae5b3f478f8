import { describe, expect, it } from 'vitest';
import { maxInSlidingWindow, maximum, median, perUnitPerMinute, percentile } from './stats';

describe('percentile', () => {
  it.each([
    [[], 50, null],
    [[7], 95, 7],
    [[1, 2, 3, 4], 50, 2.5],
    [[10, 1, 5], 50, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 9.55],
    [[3, 1, 2], 0, 1],
    [[3, 1, 2], 100, 3],
  ])('of %j at p%d is %s', (values, p, expected) => {
    const got = percentile(values, p);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 6);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('maximum and perUnitPerMinute', () => {
  it('gives null for nothing and the largest otherwise', () => {
    expect(maximum([])).toBeNull();
    expect(maximum([2, 9, 4])).toBe(9);
  });

  it('turns a count in a window into a rate per unit per minute', () => {
    expect(perUnitPerMinute(30, 10, 30_000)).toBeCloseTo(6);
    expect(perUnitPerMinute(5, 0, 60_000)).toBe(0);
    expect(perUnitPerMinute(5, 1, 0)).toBe(0);
  });
});

describe('maxInSlidingWindow', () => {
  it('finds the busiest window anywhere, not only on fixed boundaries', () => {
    // Fixed minutes would see 2 and 2; a sliding window sees the 4 around the boundary.
    expect(maxInSlidingWindow([0, 50_000, 55_000, 65_000, 70_000, 200_000], 60_000)).toBe(4);
  });

  it('excludes an event exactly one window later and handles unsorted input', () => {
    expect(maxInSlidingWindow([60_000, 0], 60_000)).toBe(1);
    expect(maxInSlidingWindow([], 60_000)).toBe(0);
  });
});
