import { afterEach, describe, expect, it } from 'vitest';
import {
  bucketShape,
  budgetPerMinute,
  listRequestsPerMinute,
  pollSpacingMs,
  serverPollIntervalMs,
  tokenRequestsPerMinute,
} from '../../../../src/core/monitor/budget';
import { RequestBudget, type BudgetRelease } from '../../../../src/core/monitor/request-budget';
import { PanelError } from '../../../../src/core/api/errors';
import { AsyncClock, flush } from '../../../helpers/manual-clock';

describe('budget maths', () => {
  it.each([
    { limit: 720, share: 0.25, expected: 180 },
    { limit: 256, share: 0.25, expected: 64 },
    { limit: null, share: 0.25, expected: 64 }, // the lowest default until the headers tell
    { limit: 0, share: 0.25, expected: 64 },
    { limit: 720, share: 0.9, expected: 360 }, // clamped to 0.5
    { limit: 720, share: 0.001, expected: 36 }, // clamped to 0.05
    { limit: 720, share: Number.NaN, expected: 180 },
    { limit: 2, share: 0.05, expected: 1 }, // never below one a minute
  ])('budgetPerMinute($limit, $share) = $expected', ({ limit, share, expected }) => {
    expect(budgetPerMinute(limit, share)).toBeCloseTo(expected);
  });

  it('shapes the bucket so burst + a minute of refill is the budget', () => {
    const { capacity, refillPerMs } = bucketShape(180);
    expect(capacity + refillPerMs * 60_000).toBeCloseTo(180);
    expect(bucketShape(3).capacity).toBe(1);
  });

  it.each([
    { pollIntervalS: 30, unavailable: false, expected: 30_000 },
    { pollIntervalS: 5, unavailable: false, expected: 20_000 }, // the panel caches 20 s
    { pollIntervalS: 30, unavailable: true, expected: 120_000 },
    { pollIntervalS: 60, unavailable: true, expected: 240_000 },
  ])('serverPollIntervalMs($pollIntervalS, unavailable=$unavailable) = $expected', ({ pollIntervalS, unavailable, expected }) => {
    expect(serverPollIntervalMs(pollIntervalS, unavailable)).toBe(expected);
  });

  it('counts ~0.11 token requests per followed server a minute and one list page per 100 servers', () => {
    expect(tokenRequestsPerMinute(9)).toBeCloseTo(1);
    expect(listRequestsPerMinute(250, 300_000)).toBeCloseTo(0.6);
  });

  it.each([
    { followed: 0, servers: 10, expected: Math.ceil(60_000 / (162 - 0.2)) },
    { followed: 900, servers: 1000, expected: Math.ceil(60_000 / (162 - 100 - 2)) },
    { followed: 5000, servers: 5000, expected: Math.ceil(60_000 / (162 * 0.2)) }, // polls keep a fifth
  ])('pollSpacingMs leaves polls what tokens and lists do not use ($followed followed)', ({ followed, servers, expected }) => {
    expect(pollSpacingMs({ perMinute: 180, followed, servers, listRefreshMs: 300_000 })).toBe(expected);
  });
});

describe('RequestBudget', () => {
  let budget: RequestBudget | null = null;
  const clock = new AsyncClock();
  afterEach(() => {
    budget?.dispose();
    budget = null;
    expect(clock.pendingCount).toBe(0);
  });

  function make(perMinute: number, blockedUntil: () => number | null = () => null, onBlocked?: () => void): RequestBudget {
    budget = new RequestBudget({ clock, perMinute: () => perMinute, blockedUntilMs: blockedUntil, onBlocked });
    return budget;
  }

  /** Takes `count` slots, releasing each at once; returns the grant times. */
  function takeMany(b: RequestBudget, count: number, priority: 'high' | 'normal' = 'normal', log: string[] = []): number[] {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      b.take(priority).then(
        (release: BudgetRelease) => {
          times.push(clock.now());
          log.push(priority);
          release();
        },
        () => {},
      );
    }
    return times;
  }

  it('never grants more than the budget in any 60 s window', async () => {
    const b = make(60);
    const times = takeMany(b, 300);
    await clock.advanceBy(300_000, 1_000);
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= (times[i] ?? 0) && t < (times[i] ?? 0) + 60_000).length;
      expect(inWindow).toBeLessThanOrEqual(60);
    }
    expect(times.length).toBeGreaterThan(250); // ...and does not starve either
  });

  it('serves token refreshes (high) before new connects', async () => {
    const b = make(60);
    const log: string[] = [];
    takeMany(b, 20, 'normal', log);
    await flush();
    takeMany(b, 3, 'high', log);
    await clock.advanceBy(5_000, 500);
    const firstHigh = log.indexOf('high');
    expect(firstHigh).toBeGreaterThan(0);
    expect(log.slice(firstHigh, firstHigh + 3)).toEqual(['high', 'high', 'high']);
  });

  it('grants one slot at a time: the next waits for the release', async () => {
    const b = make(600);
    const releases: BudgetRelease[] = [];
    for (let i = 0; i < 3; i++)
      void b.take().then(
        (r) => releases.push(r),
        () => {},
      ); // the third is cancelled by dispose
    await clock.advance(1_000);
    expect(releases).toHaveLength(1);
    releases[0]?.();
    releases[0]?.(); // idempotent
    await clock.advance(1);
    expect(releases).toHaveLength(2);
  });

  it('holds everything while the panel says to wait, and says so once', async () => {
    let blockedUntil: number | null = clock.now() + 30_000;
    let told = 0;
    const b = make(
      600,
      () => (blockedUntil !== null && blockedUntil > clock.now() ? blockedUntil : null),
      () => (told += 1),
    );
    const times = takeMany(b, 3);
    await clock.advance(29_999);
    expect(times).toEqual([]);
    await clock.advance(1_000);
    expect(times.length).toBe(3);
    expect(told).toBe(1);
    blockedUntil = null;
  });

  it('lets a person’s requests go into debt, which background work then waits out', async () => {
    const b = make(60);
    b.charge(20);
    const times = takeMany(b, 1);
    const start = clock.now();
    await clock.advanceBy(60_000, 1_000);
    expect((times[0] ?? Infinity) - start).toBeGreaterThanOrEqual(14_000);
  });

  it('rejects at once while paused, and every waiter on dispose', async () => {
    const b = make(1);
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++)
      b.take().then(
        (r) => (outcomes.push('granted'), r()),
        (e: PanelError) => outcomes.push(e.kind),
      );
    await flush();
    b.pause(new PanelError({ kind: 'network' }));
    await flush();
    await b.take().catch((e: PanelError) => outcomes.push(`later:${e.kind}`));
    b.resume();
    void b.take().catch((e: PanelError) => outcomes.push(`disposed:${e.kind}`));
    b.dispose();
    await flush();
    expect(outcomes).toEqual(['granted', 'network', 'network', 'later:network', 'disposed:cancelled']);
  });
});
