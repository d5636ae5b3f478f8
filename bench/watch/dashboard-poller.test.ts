import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientApi } from '../../src/core/api/client-types';
import type { ServerResources } from '../../src/core/api/models';
import { DashboardPoller } from './dashboard-poller';

function resources(state: ServerResources['state']): ServerResources {
  return { state, isSuspended: false, memoryBytes: 0, cpuAbsolute: 0, diskBytes: 0, networkRxBytes: 0, networkTxBytes: 0, uptimeMs: 0 };
}

/** A client whose /resources answers from `states`, counting calls; `fail` makes it reject. */
function fakeClient(states: Record<string, ServerResources['state']>, fail = new Set<string>()): { client: ClientApi; calls: string[] } {
  const calls: string[] = [];
  const getResources = async (server: string): Promise<ServerResources> => {
    calls.push(server);
    if (fail.has(server)) throw new Error('429');
    return resources(states[server] ?? 'offline');
  };
  return { client: { getResources } as unknown as ClientApi, calls };
}

describe('DashboardPoller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls every row at once, then every 30 s, and passes on what it sees', async () => {
    const states: Record<string, ServerResources['state']> = { a: 'running', b: 'offline' };
    const { client, calls } = fakeClient(states);
    const poller = new DashboardPoller({ panels: [{ client, identifiers: ['a', 'b'] }] });
    const seen: string[] = [];
    poller.onSeen((server, state, via) => seen.push(`${server.identifier}:${state}:${via}`));
    expect(poller.isReady()).toBe(false);
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['a', 'b']);
    expect(poller.isReady()).toBe(true);
    expect(poller.stateOf({ panel: 0, identifier: 'a' })).toBe('running');
    states.b = 'running';
    await vi.advanceTimersByTimeAsync(29_999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual(['a', 'b', 'a', 'b']);
    expect(seen).toEqual(['a:running:poll', 'b:offline:poll', 'a:running:poll', 'b:running:poll']);
    expect(poller.isFollowed()).toBe(false);
    poller.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps polling a row whose request failed, as the dashboard keeps its timer', async () => {
    const { client, calls } = fakeClient({}, new Set(['a']));
    const poller = new DashboardPoller({ panels: [{ client, identifiers: ['a'] }], pollMs: 1_000 });
    poller.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toEqual(['a', 'a', 'a']);
    expect(poller.stateOf({ panel: 0, identifier: 'a' })).toBe('unknown');
    poller.dispose();
  });
});
