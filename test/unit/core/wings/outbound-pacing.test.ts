/** Wings' limiter buckets on the client's side, and the queue that paces one socket: a fake clock. */
import { describe, expect, it } from 'vitest';
import { MAX_SLOWDOWN, TokenBucket } from '../../../../src/core/wings/token-bucket';
import { PACING_SLACK, WINGS_MESSAGE_LIMIT, wingsEventLimit } from '../../../../src/core/wings/outbound-pacer';
import { MAX_QUEUED_COMMANDS, OutboundQueue, type OutboundFrame } from '../../../../src/core/wings/outbound-queue';
import { ManualClock } from '../../../helpers/manual-clock';

describe('TokenBucket', () => {
  it('gives its burst at once, then one token every interval', () => {
    const bucket = new TokenBucket(1_000, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.waitMs(0)).toBe(1_000);
    expect(bucket.waitMs(400)).toBe(600);
    expect(bucket.take(999)).toBe(false);
    expect(bucket.take(1_000)).toBe(true);
  });

  it('never holds more than its burst, however long it sat', () => {
    const bucket = new TokenBucket(100, 2, 0);
    const taken = [0, 1, 2].map(() => bucket.take(1_000_000));
    expect(taken).toEqual([true, true, false]);
  });

  it('after a throttled frame: empty, refilling at half speed, then an eighth at most, and back to normal once full', () => {
    const bucket = new TokenBucket(1_000, 2, 0);
    bucket.throttled(0);
    expect(bucket.waitMs(0)).toBe(2_000);
    bucket.throttled(0);
    bucket.throttled(0);
    bucket.throttled(0);
    expect(bucket.currentIntervalMs).toBe(1_000 * MAX_SLOWDOWN);
    // Full again (2 tokens at 8 s each): Wings' own pace from then on.
    expect(bucket.waitMs(16_000)).toBe(0);
    expect(bucket.currentIntervalMs).toBe(1_000);
  });
});

describe('Wings limits (pelican-dev/wings router/websocket/limiter.go)', () => {
  it.each([
    ['auth', 'auth', 5_000, 2],
    ['send logs', 'send logs', 5_000, 2],
    ['send command', 'send command', 1_000, 10],
    ['set state', '_default', 1_000, 4],
    ['send stats', '_default', 1_000, 4],
  ])('%s draws from %s: one every %i ms, burst %i', (event, bucket, intervalMs, burst) => {
    expect(wingsEventLimit(event)).toEqual({ bucket, intervalMs, burst });
  });

  it('every message draws from the connection bucket: one per 200 ms, burst 10 (router_server_ws.go)', () => {
    expect(WINGS_MESSAGE_LIMIT).toEqual({ intervalMs: 200, burst: 10 });
  });
});

function makeQueue(clock: ManualClock, opts: { isAuthenticated?: () => boolean; write?: (f: OutboundFrame) => boolean } = {}) {
  const written: Array<{ atMs: number; frame: OutboundFrame }> = [];
  const sentCommands: string[] = [];
  const queue = new OutboundQueue({
    clock,
    write: opts.write ?? ((frame) => (written.push({ atMs: clock.now(), frame }), true)),
    isAuthenticated: opts.isAuthenticated ?? (() => true),
    onCommandSent: (command) => sentCommands.push(command),
  });
  return { queue, written, sentCommands };
}

const command = (text: string): OutboundFrame => ({ event: 'send command', args: [text] });

describe('OutboundQueue', () => {
  it('sends Wings’ burst of commands at once, then paces the rest in order, never faster than Wings refills', () => {
    const clock = new ManualClock(0);
    const { queue, written, sentCommands } = makeQueue(clock);
    const texts = Array.from({ length: 14 }, (_, i) => `say ${i}`);
    for (const text of texts) expect(queue.send(command(text))).toBe(true);
    expect(written).toHaveLength(10);
    clock.advance(60_000);
    expect(sentCommands).toEqual(texts);
    const intervalMs = 1_000 * PACING_SLACK;
    const gaps = written.slice(10).map((w, i) => w.atMs - (written[9 + i]?.atMs ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(intervalMs - 1);
    expect(clock.pendingCount).toBe(0);
  });

  it('a send logs waiting out its 5 s does not hold back a command', () => {
    const clock = new ManualClock(0);
    const { queue, written } = makeQueue(clock);
    queue.send({ event: 'send logs' });
    queue.send({ event: 'send logs' });
    queue.send({ event: 'send logs' }); // the third of a burst of 2 waits…
    queue.send(command('list'));
    expect(written.map((w) => w.frame.event)).toEqual(['send logs', 'send logs', 'send command']);
    // …and a fourth is folded into it: a control frame is asked for once.
    queue.send({ event: 'send logs' });
    clock.advance(10_000);
    expect(written.filter((w) => w.frame.event === 'send logs')).toHaveLength(3);
  });

  it('on throttled, holds that event back a full, longer interval; other events go on', () => {
    const clock = new ManualClock(0);
    const { queue, written } = makeQueue(clock);
    queue.throttled('send command');
    queue.send(command('late'));
    queue.send({ event: 'send stats' });
    expect(written.map((w) => w.frame.event)).toEqual(['send stats']);
    clock.advance(1_000 * PACING_SLACK * 2 - 1);
    expect(written).toHaveLength(1);
    clock.advance(1);
    expect(written.map((w) => w.frame.args?.[0])).toEqual([undefined, 'late']);
  });

  it('a global throttle holds every event', () => {
    const clock = new ManualClock(0);
    const { queue, written } = makeQueue(clock);
    queue.throttled('global');
    queue.send({ event: 'send stats' });
    expect(written).toHaveLength(0);
    clock.advance(WINGS_MESSAGE_LIMIT.intervalMs * PACING_SLACK * 2);
    expect(written).toHaveLength(1);
  });

  it('holds everything but auth until authenticated, and resumes on demand', () => {
    const clock = new ManualClock(0);
    let isAuthenticated = false;
    const { queue, written } = makeQueue(clock, { isAuthenticated: () => isAuthenticated });
    queue.send(command('early'));
    queue.send({ event: 'auth', args: ['jwt'] });
    expect(written.map((w) => w.frame.event)).toEqual(['auth']);
    isAuthenticated = true;
    queue.resume();
    expect(written.map((w) => w.frame.event)).toEqual(['auth', 'send command']);
  });

  it('hands back the commands it could not send, and refuses one over its bound', () => {
    const clock = new ManualClock(0);
    const { queue } = makeQueue(clock, { isAuthenticated: () => false });
    for (let i = 0; i < MAX_QUEUED_COMMANDS; i++) expect(queue.send(command(`c${i}`))).toBe(true);
    expect(queue.send(command('one too many'))).toBe(false);
    const back = queue.drainCommands();
    expect(back).toHaveLength(MAX_QUEUED_COMMANDS);
    expect(back[0]).toBe('c0');
    expect(queue.drainCommands()).toEqual([]);
  });

  it('keeps a frame the socket could not write (it is closing), for the reset to hand back', () => {
    const clock = new ManualClock(0);
    const { queue, sentCommands } = makeQueue(clock, { write: () => false });
    queue.send(command('kept'));
    expect(sentCommands).toEqual([]);
    expect(queue.reset()).toEqual(['kept']);
    expect(clock.pendingCount).toBe(0);
  });

  it('a reset gives a new connection Wings’ full buckets again', () => {
    const clock = new ManualClock(0);
    const { queue, written } = makeQueue(clock);
    for (let i = 0; i < 12; i++) queue.send(command(`c${i}`));
    expect(written).toHaveLength(10);
    expect(queue.reset()).toEqual(['c10', 'c11']);
    for (let i = 0; i < 10; i++) queue.send(command(`d${i}`));
    expect(written).toHaveLength(20);
  });
});
