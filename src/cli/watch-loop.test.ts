import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelError } from '../core/api/errors';
import type { PowerState } from '../core/api/models';
import type { SnapshotChange } from '../core/monitor/diff';
import { systemClock } from '../core/util/deps';
import { createFakeClient, fakeServer, suspendedError } from '../../test/helpers/fake-client';
import { runInProcess } from '../../test/helpers/cli-harness';
import { budgetedIntervalMs, runWatchLoop } from './watch-loop';
import { changeJson } from './commands/watch';

describe('budgetedIntervalMs', () => {
  it.each([
    // requested, servers, limit/min → interval
    [30_000, 6, 720, 30_000],
    [5_000, 6, 720, 5_000],
    // 250 servers: 3 pages + 250 = 253 requests a poll; half of 720 is 360 a minute → 42.2 s.
    [30_000, 250, 720, 42_167],
    // Unknown limit: Pelican's 256 assumed → 128 a minute; 253 requests → 118.6 s.
    [30_000, 250, null, 118_594],
    [30_000, 0, 720, 30_000],
  ])('%i ms for %i servers at %s/min → %i ms', (requested, servers, limit, expected) => {
    expect(budgetedIntervalMs(requested, servers, limit)).toBe(expected);
  });
});

describe('runWatchLoop', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  function panel() {
    const states = new Map<string, PowerState | 'suspended' | 'gone'>([
      ['aaaa1111', 'offline'],
      ['bbbb2222', 'running'],
    ]);
    const client = createFakeClient({
      listServers: async () =>
        [...states].filter(([, s]) => s !== 'gone').map(([id]) => fakeServer({ identifier: id, name: `srv ${id}` })),
      getResources: async (id) => {
        const state = states.get(id);
        if (state === 'suspended') throw suspendedError();
        return { state: state as PowerState, isSuspended: false, memoryBytes: 0, cpuAbsolute: 0, diskBytes: 0, networkRxBytes: 0, networkTxBytes: 0, uptimeMs: 0 };
      },
    });
    return { states, client };
  }

  it('reports state changes, additions and removals once each, then stops on abort', async () => {
    const { states, client } = panel();
    const changes: SnapshotChange[] = [];
    const abort = new AbortController();
    const ready = vi.fn();
    const loop = runWatchLoop({
      client,
      clock: systemClock,
      intervalMs: 5000,
      signal: abort.signal,
      onReady: ready,
      onChange: (c) => changes.push(c),
      onTransientError: () => {},
      onIntervalStretched: () => {},
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(ready).toHaveBeenCalledWith(2, 5000);
    states.set('aaaa1111', 'starting');
    states.set('bbbb2222', 'suspended');
    await vi.advanceTimersByTimeAsync(5000);
    expect(changes.map(changeJson)).toEqual([
      '{"event":"state","server":"aaaa1111","name":"srv aaaa1111","from":"offline","to":"starting","at":"2030-01-01T00:00:05.000Z"}',
      '{"event":"state","server":"bbbb2222","name":"srv bbbb2222","from":"running","to":"suspended","at":"2030-01-01T00:00:05.000Z"}',
    ]);
    states.set('bbbb2222', 'gone');
    states.set('cccc3333', 'running');
    await vi.advanceTimersByTimeAsync(5000);
    expect(changes.slice(2).map((c) => `${c.event}:${c.identifier}`)).toEqual(['added:cccc3333', 'removed:bbbb2222']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(changes).toHaveLength(4);
    abort.abort();
    await expect(loop).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('carries on after a network failure and ends on a revoked key', async () => {
    const { client } = panel();
    let failure: PanelError | null = null;
    const listServers = client.listServers.bind(client);
    const flaky = createFakeClient({
      getResources: client.getResources.bind(client),
      listServers: async (...args) => {
        if (failure !== null) throw failure;
        return listServers(...args);
      },
    });
    const transient = vi.fn();
    const loop = runWatchLoop({
      client: flaky,
      clock: systemClock,
      intervalMs: 5000,
      signal: new AbortController().signal,
      onReady: () => {},
      onChange: () => {},
      onTransientError: transient,
      onIntervalStretched: () => {},
    });
    await vi.advanceTimersByTimeAsync(0);
    failure = new PanelError({ kind: 'network' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(transient).toHaveBeenCalledTimes(1);
    failure = new PanelError({ kind: 'auth', status: 401 });
    const settled = expect(loop).rejects.toMatchObject({ kind: 'auth' });
    await vi.advanceTimersByTimeAsync(5000);
    await settled;
  });
});

describe('pterotray watch (in-process)', () => {
  it('prints a JSON line per change and exits 0 on interrupt', async () => {
    vi.useFakeTimers({ now: Date.parse('2030-01-01T00:00:00Z') });
    try {
      let state: PowerState = 'offline';
      const client = createFakeClient({
        listServers: async () => [fakeServer({ identifier: 'aaaa1111', name: 'Lobby' })],
        getResources: async () => ({ state, isSuspended: false, memoryBytes: 0, cpuAbsolute: 0, diskBytes: 0, networkRxBytes: 0, networkTxBytes: 0, uptimeMs: 0 }),
      });
      const result = await runInProcess(['watch', '--json', '--interval', '5'], {
        client,
        onStart: ({ interrupt, stderr }) => {
          stderr.once('data', () => {
            state = 'running';
            void vi.advanceTimersByTimeAsync(5000).then(() => interrupt());
          });
        },
      });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('watching 1 servers, polling every 5s');
      expect(JSON.parse(result.stdout)).toEqual({
        event: 'state',
        server: 'aaaa1111',
        name: 'Lobby',
        from: 'offline',
        to: 'running',
        at: '2030-01-01T00:00:05.000Z',
      });
    } finally {
      vi.useRealTimers();
    }
  });
});
