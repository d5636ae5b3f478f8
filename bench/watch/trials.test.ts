import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyOf, type SeenListener, type SeenState, type WatchedServer, type Watcher } from './watcher';
import { TrialRunner, type TrialServer } from './trials';

/** A watcher the test drives: `show` makes it see a state. */
class FakeWatcher implements Watcher {
  readonly name = 'fake';
  readonly states = new Map<string, SeenState>();
  readonly followed = new Set<string>();
  private readonly listeners = new Set<SeenListener>();
  start(): void {}
  isReady(): boolean {
    return true;
  }
  stateOf(server: WatchedServer): SeenState {
    return this.states.get(keyOf(server)) ?? 'unknown';
  }
  isFollowed(server: WatchedServer): boolean {
    return this.followed.has(keyOf(server));
  }
  onSeen(listener: SeenListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  show(server: WatchedServer, state: SeenState, via = 'event'): void {
    this.states.set(keyOf(server), state);
    for (const listener of this.listeners) listener(server, state, via);
  }
  listenerCount(): number {
    return this.listeners.size;
  }
  dispose(): void {}
}

const servers: TrialServer[] = [
  { panel: 0, identifier: 'a', state: 'running' },
  { panel: 1, identifier: 'b', state: 'offline' },
];

describe('TrialRunner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(isFollowedOnly: boolean) {
    const watcher = new FakeWatcher();
    for (const s of servers) watcher.states.set(keyOf(s), s.state);
    const calls: string[] = [];
    const runner = new TrialRunner({
      watcher,
      servers,
      setState: async (server, state) => void calls.push(`${keyOf(server)}→${state}`),
      random: () => 0,
      everyMs: 1_000,
      isFollowedOnly,
    });
    return { watcher, calls, runner };
  }

  it('flips a server, times until the watcher shows it, and one change per server at a time', async () => {
    const { watcher, calls, runner } = setup(false);
    runner.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['0/a→offline']);
    await vi.advanceTimersByTimeAsync(1_000);
    // `a` is in flight, so the next change goes to `b`.
    expect(calls).toEqual(['0/a→offline', '1/b→running']);
    await vi.advanceTimersByTimeAsync(250);
    watcher.show({ panel: 0, identifier: 'a' }, 'running'); // not the new state: no result
    watcher.show({ panel: 0, identifier: 'a' }, 'offline', 'changed');
    runner.stopStarting();
    expect(runner.results()).toEqual({ delaysMs: [1_250], firstVia: { changed: 1 }, started: 2, unresolved: 1 });
    const drained = runner.drain(5_000);
    watcher.show({ panel: 1, identifier: 'b' }, 'running');
    await drained;
    expect(runner.results().delaysMs).toEqual([1_250, 250]);
    expect(runner.results().unresolved).toBe(0);
    runner.dispose();
    expect(watcher.listenerCount()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('only uses followed servers when asked, and gives up draining at the deadline', async () => {
    const { watcher, calls, runner } = setup(true);
    watcher.followed.add('1/b');
    runner.start();
    await vi.advanceTimersByTimeAsync(2_500);
    expect(calls).toEqual(['1/b→running']);
    const drained = runner.drain(3_000);
    await vi.advanceTimersByTimeAsync(3_000);
    await drained;
    expect(runner.results()).toMatchObject({ delaysMs: [], started: 1, unresolved: 1 });
    runner.dispose();
  });
});
