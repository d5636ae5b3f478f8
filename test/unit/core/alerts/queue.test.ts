import { describe, expect, it } from 'vitest';
import { isFailing, rateLimitDelayMs, retryDelayMs, RETRY_MAX_MS } from '../../../../src/core/alerts/backoff';
import { FRESH_HEALTH, nextHealth, type HealthRecord } from '../../../../src/core/alerts/health';
import { classifyAnswer, type DeliveryOutcome } from '../../../../src/core/alerts/outcome';
import { AlertQueue } from '../../../../src/core/alerts/queue';
import { ALERTS_SCHEMA } from '../../../../src/core/alerts/schema';
import { openStore } from '../../../../src/core/store/database';
import { silentLogger } from '../../../../src/core/util/deps';
import { ManualClock } from '../../../helpers/manual-clock';

function queueOf(limits = {}): { queue: AlertQueue; clock: ManualClock } {
  const { db } = openStore(':memory:', [ALERTS_SCHEMA], { logger: silentLogger });
  return { queue: new AlertQueue(db, limits), clock: new ManualClock(1_000_000) };
}

const ids = (alerts: Array<{ incidentId: string }>): string[] => alerts.map((a) => a.incidentId);

describe('AlertQueue', () => {
  it('queues an incident once per channel, however often it is offered, delivered or not', () => {
    const { queue, clock } = queueOf();
    expect(queue.enqueue('i1', 'a', '{}', clock.now()).isNew).toBe(true);
    expect(queue.enqueue('i1', 'a', '{}', clock.now()).isNew).toBe(false);
    expect(queue.enqueue('i1', 'b', '{}', clock.now()).isNew).toBe(true);
    queue.markDelivered('i1', 'a', clock.now());
    expect(queue.enqueue('i1', 'a', '{}', clock.now()).isNew).toBe(false);
    expect(queue.pendingCount('a')).toBe(0);
    expect(queue.pendingCount('b')).toBe(1);
  });

  it.each([
    { limit: 3, offered: 5, kept: ['i3', 'i4', 'i5'], dropped: 2 },
    { limit: 5, offered: 5, kept: ['i1', 'i2', 'i3', 'i4', 'i5'], dropped: 0 },
    { limit: 1, offered: 3, kept: ['i3'], dropped: 2 },
  ])('keeps at most $limit pending per channel, dropping the oldest ($offered offered)', ({ limit, offered, kept, dropped }) => {
    const { queue, clock } = queueOf({ maxPendingPerChannel: limit });
    let total = 0;
    for (let i = 1; i <= offered; i++) {
      total += queue.enqueue(`i${i}`, 'a', '{}', clock.now()).dropped;
      clock.advance(1);
    }
    expect(total).toBe(dropped);
    expect(ids(queue.due(clock.now(), 100))).toEqual(kept);
    expect(queue.states('a').filter((s) => s.state === 'dropped')).toHaveLength(dropped);
  });

  it('hands out due alerts oldest first, skipping channels that are busy', () => {
    const { queue, clock } = queueOf();
    queue.enqueue('i1', 'a', '{}', clock.now());
    clock.advance(10);
    queue.enqueue('i2', 'b', '{}', clock.now());
    clock.advance(10);
    queue.enqueue('i3', 'a', '{}', clock.now());
    expect(ids(queue.due(clock.now(), 10))).toEqual(['i1', 'i2', 'i3']);
    expect(ids(queue.due(clock.now(), 10, new Set(['a'])))).toEqual(['i2']);
    expect(queue.nextDueMs(new Set(['a', 'b']))).toBeNull();
  });

  it('holds a whole channel back, counts the attempt, and queues what comes later behind it', () => {
    const { queue, clock } = queueOf();
    queue.enqueue('i1', 'a', '{}', clock.now());
    queue.enqueue('i2', 'a', '{}', clock.now());
    queue.enqueue('j1', 'b', '{}', clock.now());
    queue.deferChannel('a', clock.now() + 30_000, { incidentId: 'i1' });
    expect(ids(queue.due(clock.now(), 10))).toEqual(['j1']);
    queue.enqueue('i3', 'a', '{}', clock.now());
    clock.advance(29_999);
    expect(ids(queue.due(clock.now(), 10))).toEqual(['j1']);
    clock.advance(1);
    // j1 was due first; the held ones follow in the order they came.
    expect(ids(queue.due(clock.now(), 10))).toEqual(['j1', 'i1', 'i2', 'i3']);
    expect(queue.states('a').map((s) => s.attempts)).toEqual([1, 0, 0]);
    queue.deferChannel('a', clock.now() + 60_000);
    queue.retryNow('a', clock.now());
    expect(ids(queue.due(clock.now(), 10))).toContain('i1');
  });

  it('expires alerts pending longer than the limit and forgets finished rows after the tombstone time', () => {
    const { queue, clock } = queueOf({ maxPendingAgeMs: 3_600_000, tombstoneMs: 7_200_000 });
    queue.enqueue('old', 'a', '{}', clock.now());
    queue.enqueue('sent', 'a', '{}', clock.now());
    queue.markDelivered('sent', 'a', clock.now());
    clock.advance(3_600_001);
    queue.enqueue('new', 'a', '{}', clock.now());
    expect(queue.prune(clock.now())).toBe(1);
    expect(queue.states('a').map((s) => [s.incidentId, s.state])).toEqual([
      ['old', 'expired'],
      ['sent', 'delivered'],
      ['new', 'pending'],
    ]);
    clock.advance(7_200_001);
    queue.prune(clock.now());
    expect(queue.states('a').map((s) => [s.incidentId, s.state])).toEqual([['new', 'expired']]);
    // Gone from the tombstones, an incident would be queued again (after a week it is old news anyway).
    expect(queue.enqueue('sent', 'a', '{}', clock.now()).isNew).toBe(true);
  });
});

describe('retryDelayMs', () => {
  it.each([
    { failures: 1, random: 0.5, ms: 5_000 },
    { failures: 2, random: 0.5, ms: 10_000 },
    { failures: 3, random: 0.5, ms: 20_000 },
    { failures: 6, random: 0.5, ms: 160_000 },
    { failures: 7, random: 0.5, ms: RETRY_MAX_MS },
    { failures: 50, random: 0.99, ms: RETRY_MAX_MS },
    { failures: 1, random: 0, ms: 4_000 },
    { failures: 1, random: 0.999, ms: 5_998 },
    { failures: 0, random: 0.5, ms: 5_000 },
  ])('failure $failures with random $random → $ms ms', ({ failures, random, ms }) => {
    expect(retryDelayMs(failures, () => random)).toBe(ms);
  });

  it.each([
    { retryAfterMs: 1_500, ms: 1_550 },
    { retryAfterMs: 0, ms: 50 },
    { retryAfterMs: null, ms: 2_000 },
  ])('a 429 asking $retryAfterMs ms waits $ms ms', ({ retryAfterMs, ms }) => {
    expect(rateLimitDelayMs(retryAfterMs)).toBe(ms);
  });
});

describe('classifyAnswer', () => {
  const answer = (status: number, text = '', headers: Record<string, string> = {}) => ({ status, text, header: (n: string) => headers[n] ?? null });
  it.each([
    { name: 'Discord 204', kind: 'discord' as const, a: answer(204), expected: { kind: 'delivered', status: 204 } },
    { name: 'Slack 200 ok', kind: 'slack' as const, a: answer(200, 'ok'), expected: { kind: 'delivered', status: 200 } },
    {
      name: "Discord 429, body's retry_after in seconds",
      kind: 'discord' as const,
      a: answer(429, '{"message":"You are being rate limited.","retry_after":1.234,"global":false}', { 'retry-after': '2' }),
      expected: { kind: 'rate-limited', status: 429, retryAfterMs: 1_234 },
    },
    {
      name: 'ntfy 429, Retry-After header',
      kind: 'ntfy' as const,
      a: answer(429, '{"code":42901}', { 'retry-after': '30' }),
      expected: { kind: 'rate-limited', status: 429, retryAfterMs: 30_000 },
    },
    { name: '429 with no wait', kind: 'webhook' as const, a: answer(429), expected: { kind: 'rate-limited', status: 429, retryAfterMs: null } },
  ])('$name', ({ kind, a, expected }) => {
    expect(classifyAnswer(kind, a, 0)).toEqual(expected);
  });

  it.each([
    { status: 400, isRefusal: true },
    { status: 401, isRefusal: true },
    { status: 404, isRefusal: true },
    { status: 410, isRefusal: true },
    { status: 302, isRefusal: true },
    { status: 408, isRefusal: false },
    { status: 500, isRefusal: false },
    { status: 502, isRefusal: false },
    { status: 503, isRefusal: false },
  ])('a $status is a failure (refusal: $isRefusal) with a sentence', ({ status, isRefusal }) => {
    const outcome = classifyAnswer('discord', answer(status), 0);
    expect(outcome).toMatchObject({ kind: 'failed', status, isRefusal });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/Discord .*\(?\d{3}\)?/);
  });
});

describe('nextHealth', () => {
  const fail = (isRefusal = false): DeliveryOutcome => ({ kind: 'failed', status: 503, isRefusal, message: 'down' });
  const ok: DeliveryOutcome = { kind: 'delivered', status: 204 };
  const limited: DeliveryOutcome = { kind: 'rate-limited', status: 429, retryAfterMs: 1000 };
  const run = (outcomes: DeliveryOutcome[]): HealthRecord => outcomes.reduce((h, o, i) => nextHealth(h, o, 100 + i), FRESH_HEALTH);

  it.each([
    { name: 'two failures: not failing yet', outcomes: [fail(), fail()], failures: 2, failingSince: null },
    { name: 'three failures: failing since the third', outcomes: [fail(), fail(), fail()], failures: 3, failingSince: 102 },
    { name: 'a refusal: failing at once', outcomes: [fail(true)], failures: 1, failingSince: 100 },
    { name: 'failing stays from when it began', outcomes: [fail(true), fail(), fail()], failures: 3, failingSince: 100 },
    { name: 'a delivery clears it', outcomes: [fail(), fail(), fail(), ok], failures: 0, failingSince: null },
    { name: 'a 429 changes nothing', outcomes: [fail(), limited, fail()], failures: 2, failingSince: null },
  ])('$name', ({ outcomes, failures, failingSince }) => {
    const h = run(outcomes);
    expect(h.consecutiveFailures).toBe(failures);
    expect(h.failingSinceMs).toBe(failingSince);
  });

  it('isFailing', () => {
    expect(isFailing(2, false)).toBe(false);
    expect(isFailing(3, false)).toBe(true);
    expect(isFailing(1, true)).toBe(true);
  });
});
