import { describe, expect, it } from 'vitest';
import { HYSTERESIS_POINTS, initialMetricTrack, observeUsage, percentOfLimit, type UsageTransition } from '../../../../src/core/rules/usage-alerts';

const THRESHOLD = 90;
const SUSTAINED = 60_000;

/** Feeds (atMs, percent|null) samples and collects the transitions. */
function feed(samples: Array<[number, number | null]>) {
  let track = initialMetricTrack;
  const out: Array<NonNullable<UsageTransition>['type']> = [];
  for (const [atMs, value] of samples) {
    const r = observeUsage(track, { atMs, percentOfLimit: value }, THRESHOLD, SUSTAINED);
    track = r.track;
    if (r.transition) out.push(r.transition.type);
  }
  return { track, out };
}

describe('observeUsage', () => {
  it.each([
    {
      name: 'a short spike does not alert',
      samples: [
        [0, 95],
        [30_000, 96],
        [40_000, 50],
      ],
      out: [],
    },
    {
      name: 'sustained over the threshold alerts once',
      samples: [
        [0, 95],
        [30_000, 96],
        [60_000, 97],
        [90_000, 99],
      ],
      out: ['alert'],
    },
    {
      name: 'a dip resets the streak',
      samples: [
        [0, 95],
        [50_000, 80],
        [70_000, 95],
        [100_000, 95],
      ],
      out: [],
    },
    {
      name: 'flapping around the threshold after an alert stays one alert (dead band)',
      samples: [
        [0, 95],
        [60_000, 95],
        [70_000, 89],
        [80_000, 91],
        [90_000, 85],
        [100_000, 93],
        [200_000, 88],
      ],
      out: ['alert'],
    },
    {
      name: 'recovers only after staying clearly below for half the sustained time',
      samples: [
        [0, 95],
        [60_000, 95],
        [70_000, THRESHOLD - HYSTERESIS_POINTS - 1],
        [90_000, 50],
        [100_000, 40],
      ],
      out: ['alert', 'recovered'],
    },
    {
      name: 'after recovery a new sustained episode alerts again',
      samples: [
        [0, 95],
        [60_000, 95],
        [70_000, 10],
        [100_000, 10],
        [110_000, 95],
        [170_000, 95],
      ],
      out: ['alert', 'recovered', 'alert'],
    },
    {
      name: 'missing data (offline) breaks a streak',
      samples: [
        [0, 95],
        [30_000, null],
        [50_000, 95],
        [80_000, 95],
      ],
      out: [],
    },
  ])('$name', ({ samples, out }) => {
    expect(feed(samples as Array<[number, number | null]>).out).toEqual(out);
  });

  it('computes percent of a limit, and nothing for unlimited', () => {
    expect(percentOfLimit(150, 200)).toBe(75);
    expect(percentOfLimit(1, 0)).toBeNull();
    expect(percentOfLimit(Number.NaN, 100)).toBeNull();
  });
});
