/**
 * Wings' websocket throttling (pelican-dev/wings router/websocket/limiter.go, router_server_ws.go):
 * golang rate.Limiter token buckets on a fake clock, then over a real socket with the sim's
 * clock frozen, so every refusal is deterministic.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startSimPanel } from '../../../src/sim';
import type { SimPanel, SimPanelOptions } from '../../../src/sim';
import { ConnectionLimiter, TokenBucket } from '../../../src/sim/wings/ws-limiter';
import { ManualClock } from '../../helpers/manual-clock';
import { WsProbe } from './sim-test-kit';

describe('TokenBucket (rate.Limiter.Allow)', () => {
  test('starts full at the burst, refills at the rate, never above the burst', () => {
    const clock = new ManualClock(0);
    const bucket = new TokenBucket(1 / 5, 2, clock.now());
    expect([bucket.allow(0), bucket.allow(0), bucket.allow(0)]).toEqual([true, true, false]);
    expect(bucket.allow(4_999)).toBe(false);
    expect(bucket.allow(5_000)).toBe(true);
    expect(bucket.allow(5_000)).toBe(false);
    // A long pause refills only to the burst.
    expect([bucket.allow(60_000), bucket.allow(60_000), bucket.allow(60_000)]).toEqual([true, true, false]);
  });
});

describe('ConnectionLimiter', () => {
  function limiter(clock: ManualClock): { sent: string[]; limits: ConnectionLimiter } {
    const sent: string[] = [];
    return {
      sent,
      limits: new ConnectionLimiter(
        () => clock.now(),
        (frame) => sent.push(frame.args[0] ?? ''),
      ),
    };
  }

  test('per event: auth and send logs 2 per 5 s each, send command 10, the rest share 4 a second; one throttled per period', () => {
    const clock = new ManualClock(0);
    const { sent, limits } = limiter(clock);
    const run = (event: string, times: number): boolean[] => Array.from({ length: times }, () => limits.isThrottled(event));
    expect(run('auth', 3)).toEqual([false, false, true]);
    expect(run('send logs', 3)).toEqual([false, false, true]);
    expect(run('send command', 11).filter(Boolean)).toHaveLength(1);
    expect(run('send stats', 2)).toEqual([false, false]);
    expect(run('set state', 3)).toEqual([false, false, true]);
    expect(run('send stats', 2)).toEqual([true, true]);
    expect(sent).toEqual(['auth', 'send logs', 'send command', 'set state', 'send stats']);
    // rate.Every(time.Second): one token a second, whatever the burst.
    clock.advance(1000);
    expect(run('set state', 2)).toEqual([false, true]); // the allowed one ended its throttling period
    expect(run('send stats', 1)).toEqual([true]); // same bucket, still in its period: no frame
    expect(sent.slice(5)).toEqual(['set state']);
    clock.advance(2000);
    expect(run('auth', 1)).toEqual([true]); // 3 s since: not yet a token (one per 5 s)
    expect(sent).toHaveLength(6); // still the same auth throttling period: no second frame
  });

  test('per connection: one token per 200 ms, burst 10, one "global" per run', () => {
    const clock = new ManualClock(0);
    const { sent, limits } = limiter(clock);
    const results = Array.from({ length: 12 }, () => limits.allowMessage());
    expect(results.filter((r) => r)).toHaveLength(10);
    expect(sent).toEqual(['global']);
    clock.advance(199);
    expect(limits.allowMessage()).toBe(false);
    clock.advance(1);
    expect(limits.allowMessage()).toBe(true);
    expect(limits.allowMessage()).toBe(false);
    expect(sent).toEqual(['global', 'global']);
  });
});

describe('throttling over a real socket', () => {
  let sim: SimPanel | null = null;
  afterEach(async () => {
    await sim?.close();
    sim = null;
  });

  async function open(options: SimPanelOptions): Promise<{ probe: WsProbe; clock: ManualClock }> {
    const clock = new ManualClock(1_700_000_000_000);
    sim = await startSimPanel({ servers: 1, clock, ...options });
    const id = sim.control.servers()[0]!.identifier;
    sim.control.setState(id, 'running');
    const { probe } = await WsProbe.connect(sim, id);
    return { probe, clock };
  }

  test('pelican: the 5th send stats in a second is throttled once; the 11th message is throttled "global"', async () => {
    const { probe, clock } = await open({ version: 'pelican' });
    for (let i = 0; i < 6; i++) probe.send('send stats');
    probe.send('send command', 'list');
    await probe.next('console output', (f) => String(f.args?.[0]).includes('players online'));
    expect(probe.frames.filter((f) => f.event === 'stats')).toHaveLength(4);
    expect(probe.frames.filter((f) => f.event === 'throttled')).toEqual([{ event: 'throttled', args: ['send stats'] }]);
    // 8 messages so far (auth included); 2 more pass, then the next two are dropped with one frame.
    for (let i = 0; i < 4; i++) probe.send('send command', 'list');
    await probe.next('throttled', (f) => f.args?.[0] === 'global');
    clock.advance(200);
    probe.send('send command', 'say after');
    await probe.next('console output', (f) => String(f.args?.[0]).includes('after'));
    expect(probe.frames.filter((f) => f.event === 'throttled').map((f) => f.args?.[0])).toEqual(['send stats', 'global']);
    expect(probe.frames.filter((f) => f.event === 'console output' && String(f.args?.[0]).includes('players online'))).toHaveLength(3);
    await probe.close();
  });

  test('1.11 and no version: nothing is throttled', async () => {
    for (const options of [{ version: 'pterodactyl-1.11' }, {}] as const) {
      const { probe } = await open(options);
      for (let i = 0; i < 12; i++) probe.send('send stats');
      for (let i = 0; i < 12; i++) await probe.next('stats', () => true);
      expect(probe.frames.some((f) => f.event === 'throttled')).toBe(false);
      await probe.close();
      await sim?.close();
      sim = null;
    }
  });
});
