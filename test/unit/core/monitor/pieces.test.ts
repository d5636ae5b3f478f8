import { afterEach, describe, expect, it } from 'vitest';
import { PanelError } from '../../../../src/core/api/errors';
import { accountVerdict, DownSchedule, downRetryDelayMs } from '../../../../src/core/monitor/account-status';
import { ConsoleBacklog } from '../../../../src/core/monitor/console-backlog';
import { ChangeCoalescer } from '../../../../src/core/monitor/emitter';
import { followOutcome } from '../../../../src/core/monitor/follow-outcome';
import { StatsHistory } from '../../../../src/core/monitor/history';
import { NodeHealth } from '../../../../src/core/monitor/node-health';
import { PollScheduler } from '../../../../src/core/monitor/poll-scheduler';
import { availabilityFromError, availabilityOf } from '../../../../src/core/monitor/availability';
import type { NotifiableEvent } from '../../../../src/core/rules/notification-policy';
import { silentLogger } from '../../../../src/core/util/deps';
import { fakeServer } from '../../../helpers/fake-client';
import { AsyncClock } from '../../../helpers/manual-clock';
import { resources } from './helpers/fake-panel';

const clock = new AsyncClock();
afterEach(() => expect(clock.pendingCount).toBe(0));

describe('PollScheduler', () => {
  function make(spacingMs: number, intervalMs: number) {
    const polls: Array<{ id: string; atMs: number }> = [];
    const scheduler = new PollScheduler({
      clock,
      logger: silentLogger,
      spacingMs: () => spacingMs,
      intervalMs: () => intervalMs,
      poll: async (id) => {
        polls.push({ id, atMs: clock.now() });
      },
    });
    return { scheduler, polls };
  }

  it('spaces polls of the panel and polls each server once per interval', async () => {
    const { scheduler, polls } = make(1_000, 30_000);
    const start = clock.now();
    for (const id of ['a', 'b', 'c']) scheduler.add(id);
    await clock.advance(95_000);
    scheduler.dispose();
    const at = (id: string) => polls.filter((p) => p.id === id).map((p) => p.atMs - start);
    expect(at('a')).toEqual([0, 30_000, 60_000, 90_000]);
    expect(at('b')).toEqual([1_000, 31_000, 61_000, 91_000]);
    expect(at('c')).toEqual([2_000, 32_000, 62_000, 92_000]);
  });

  it('makes servers due now on pollSoon, still spaced; forgets removed ones; pauses', async () => {
    const { scheduler, polls } = make(500, 60_000);
    scheduler.add('a');
    scheduler.add('b');
    await clock.advance(10_000);
    const start = clock.now();
    scheduler.pollSoon();
    await clock.advance(2_000);
    expect(polls.filter((p) => p.atMs >= start).map((p) => [p.id, p.atMs - start])).toEqual([
      ['a', 0],
      ['b', 500],
    ]);
    scheduler.remove('a');
    scheduler.setActive(false);
    expect(clock.pendingCount).toBe(0);
    scheduler.setActive(true);
    await clock.advance(120_000);
    expect(polls.filter((p) => p.atMs > start + 2_000).every((p) => p.id === 'b')).toBe(true);
    scheduler.dispose();
  });
});

describe('StatsHistory', () => {
  it('keeps rates from cumulative counters, 0 across a counter reset, and only the newest samples', () => {
    const history = new StatsHistory(3, 1_000);
    const at = (ms: number, rx: number) => history.add(resources('running', { networkRxBytes: rx, networkTxBytes: rx / 2 }), ms);
    expect(at(0, 100)?.networkRxBytesPerSec).toBe(0);
    expect(at(500, 200)).toBeNull(); // closer than the spacing
    expect(at(2_000, 4_100)?.networkRxBytesPerSec).toBe(2_000);
    expect(at(4_000, 50)?.networkRxBytesPerSec).toBe(0); // the container restarted
    expect(at(6_000, 1_050)).toMatchObject({ networkRxBytesPerSec: 500, networkTxBytesPerSec: 250 });
    expect(history.samples().map((s) => s.at)).toEqual([2_000, 4_000, 6_000]);
    expect(history.size).toBe(3);
  });
});

describe('ConsoleBacklog', () => {
  it('keeps the last lines in order', () => {
    const backlog = new ConsoleBacklog(3);
    for (const line of ['a', 'b', 'c', 'd', 'e']) backlog.push(line);
    expect(backlog.snapshot()).toEqual(['c', 'd', 'e']);
    backlog.clear();
    expect(backlog.snapshot()).toEqual([]);
  });
});

describe('ChangeCoalescer', () => {
  it('fires at once after a quiet time, then at most once per interval', async () => {
    const fired: number[] = [];
    const start = clock.now();
    const c = new ChangeCoalescer(clock, 250, () => fired.push(clock.now() - start));
    c.mark();
    c.mark();
    await clock.advance(10);
    for (let i = 0; i < 10; i++) {
      c.mark();
      await clock.advance(50);
    }
    await clock.advance(1_000);
    expect(fired).toEqual([0, 250, 500]);
    c.mark();
    c.dispose();
  });
});

describe('NodeHealth', () => {
  it('tells an outage only once it lasts a minute, and its end only if it was told', async () => {
    const events: NotifiableEvent[] = [];
    const health = new NodeHealth({ clock, accountId: 'a', accountName: () => 'Panel', emit: (e) => events.push(e) });
    health.markUnreachable('n1');
    await clock.advance(30_000);
    health.markReachable('n1');
    health.markUnreachable('n2');
    health.markUnreachable('n2');
    await clock.advance(61_000);
    health.markReachable('n2');
    expect(events.map((e) => [e.type, 'node' in e ? e.node : null])).toEqual([
      ['node-unreachable', 'n2'],
      ['node-recovered', 'n2'],
    ]);
    health.markUnreachable('n3');
    health.dispose();
  });
});

describe('pure decisions', () => {
  const err = (init: ConstructorParameters<typeof PanelError>[0]) => new PanelError(init);

  // The panel's own 403: JSON `errors[]` with the exception's name (pterodactyl-api.md §2.1).
  const panel403 = { kind: 'forbidden', status: 403, code: 'AccessDeniedHttpException', detail: 'This action is unauthorized.' } as const;

  it.each([
    {
      name: 'the panel’s 401',
      error: err({ kind: 'auth', status: 401, code: 'AuthenticationException', detail: 'Unauthenticated.' }),
      source: 'server',
      scope: 'blocked',
      status: 'key-revoked',
    },
    { name: 'the login redirect', error: err({ kind: 'auth', status: 302 }), source: 'list', scope: 'blocked', status: 'key-revoked' },
    { name: 'a proxy’s 401 page', error: err({ kind: 'auth', status: 401 }), source: 'list', scope: 'down', status: 'unreachable' },
    { name: 'a proxy’s 401 page', error: err({ kind: 'auth', status: 401 }), source: 'server', scope: 'check' },
    { name: 'the panel’s 403', error: err(panel403), source: 'list', scope: 'blocked', status: 'key-revoked' },
    { name: 'a proxy’s 403 page', error: err({ kind: 'forbidden', status: 403 }), source: 'list', scope: 'down', status: 'unreachable' },
    { name: 'the panel’s 403', error: err(panel403), source: 'server', scope: 'none' },
    { name: 'a proxy’s 403 page', error: err({ kind: 'forbidden', status: 403 }), source: 'server', scope: 'check' },
    { name: '2FA', error: err({ kind: 'two-factor-required' }), source: 'list', scope: 'blocked', status: 'two-factor-required' },
    { name: 'a refused connection', error: err({ kind: 'network' }), source: 'list', scope: 'down' },
    { name: 'a 500', error: err({ kind: 'bad-response', status: 500 }), source: 'list', scope: 'down' },
    { name: 'a 500', error: err({ kind: 'bad-response', status: 500 }), source: 'server', scope: 'check' },
    { name: '429', error: err({ kind: 'rate-limited' }), source: 'server', scope: 'wait' },
    { name: 'one server’s route limit', error: err({ kind: 'rate-limited', rateLimitScope: 'server', retryAfterMs: 40_000 }), source: 'server', scope: 'none' },
    { name: '409', error: err({ kind: 'conflict', conflictReason: 'suspended' }), source: 'server', scope: 'none' },
    { name: 'a node’s 504', error: err({ kind: 'node-unreachable' }), source: 'server', scope: 'none' },
    { name: 'a node’s 504', error: err({ kind: 'node-unreachable' }), source: 'list', scope: 'down' },
    { name: 'a JSON 404', error: err({ kind: 'not-found', status: 404 }), source: 'list', scope: 'down' },
    { name: 'a 422', error: err({ kind: 'validation', status: 422 }), source: 'list', scope: 'down' },
    { name: 'a 418', error: err({ kind: 'validation', status: 418 }), source: 'server', scope: 'check' },
    { name: 'no key', error: new Error('locked'), source: 'create-client', scope: 'blocked', status: 'keychain-locked' },
    { name: 'a bad URL', error: err({ kind: 'validation' }), source: 'create-client', scope: 'down', status: 'unreachable' },
    { name: 'cancelled', error: err({ kind: 'cancelled' }), source: 'list', scope: 'none' },
    { name: 'not a PanelError', error: new Error('boom'), source: 'list', scope: 'down', status: 'unreachable' },
    { name: 'not a PanelError', error: new Error('boom'), source: 'server', scope: 'check' },
  ] as const)('accountVerdict($name from $source) is $scope', ({ error, source, scope, ...rest }) => {
    const verdict = accountVerdict(error, source);
    expect(verdict.scope).toBe(scope);
    if ('status' in rest) expect(verdict).toMatchObject({ status: rest.status });
  });

  it('schedules the checks of an outage: fast for two minutes, then the back-off; a recovery starts over', () => {
    const down = new DownSchedule();
    const top = () => 1;
    let t = 0;
    const delays: number[] = [];
    while (t < 200_000) {
      const d = down.next(t, top);
      delays.push(d);
      t += d;
    }
    expect(delays.slice(0, 20).every((d) => d === 6_000)).toBe(true);
    expect(delays.slice(-3)).toEqual([15_000, 30_000, 60_000]);
    down.reset();
    expect(down.next(t, top)).toBe(6_000);
  });

  it('checks a panel that is down every 3–6 s for two minutes, then backs off from ~15 s to ~5 min', () => {
    expect([0, 30_000, 119_999].map((downFor) => downRetryDelayMs(downFor, 0, () => 1))).toEqual([6_000, 6_000, 6_000]);
    expect(downRetryDelayMs(0, 0, () => 0)).toBe(3_000);
    expect([0, 1, 2, 10].map((n) => downRetryDelayMs(120_000, n, () => 1))).toEqual([15_000, 30_000, 60_000, 300_000]);
    expect(downRetryDelayMs(600_000, 0, () => 0)).toBe(7_500);
  });

  it.each([
    { why: { reason: 'suspended' as const }, availability: 'suspended', retryInMs: 0 },
    { why: { reason: 'unreachable' as const }, availability: null, retryInMs: 60_000 },
    { why: { reason: 'forbidden' as const }, availability: null, retryInMs: 1_800_000 },
    { why: { reason: 'credentials' as const, error: err({ kind: 'conflict', conflictReason: 'installing' }) }, availability: 'installing', retryInMs: 0 },
    { why: { reason: 'credentials' as const, error: err({ kind: 'forbidden' }) }, availability: null, retryInMs: 1_800_000 },
  ])('followOutcome($why.reason) → $availability, retry in $retryInMs', ({ why, availability, retryInMs }) => {
    expect(followOutcome(why, 0)).toMatchObject({ availability, retryInMs });
  });

  it('tries a socket that keeps failing less and less often', () => {
    expect([0, 1, 2, 3, 10].map((n) => followOutcome({ reason: 'unreachable' }, n).retryInMs)).toEqual([60_000, 120_000, 240_000, 480_000, 1_800_000]);
  });

  it.each([
    { patch: {}, expected: 'ok' },
    { patch: { isSuspended: true, status: 'suspended' }, expected: 'suspended' },
    { patch: { status: 'installing', isInstalling: true }, expected: 'installing' },
    { patch: { status: 'install_failed' }, expected: 'install-failed' },
    { patch: { status: 'restoring_backup' }, expected: 'restoring' },
    { patch: { isTransferring: true }, expected: 'transferring' },
    { patch: { isNodeUnderMaintenance: true }, expected: 'node-maintenance' },
  ])('availabilityOf($patch) = $expected', ({ patch, expected }) => {
    expect(availabilityOf(fakeServer({ identifier: 'x', name: 'x', ...patch }))).toBe(expected);
  });

  it.each([
    { error: err({ kind: 'conflict', conflictReason: 'restoring' }), expected: 'restoring' },
    { error: err({ kind: 'conflict', conflictReason: 'other' }), expected: 'unknown' },
    { error: err({ kind: 'node-unreachable', status: 504 }), expected: 'node-unreachable' },
    { error: err({ kind: 'network' }), expected: null },
    { error: new Error('x'), expected: null },
  ])('availabilityFromError → $expected', ({ error, expected }) => {
    expect(availabilityFromError(error)).toBe(expected);
  });
});
