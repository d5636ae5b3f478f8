import { describe, expect, it } from 'vitest';
import { watchInstallOutput, type InstallSocket } from '../../../../src/core/wings/install-watch';
import type { WingsEvents } from '../../../../src/core/wings/types';
import { ManualClock } from '../../../helpers/manual-clock';

/** A socket that records what the watch did and lets the test emit events. */
function fakeSocket() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const state = { connects: 0, isDisposed: false };
  const socket: InstallSocket = {
    on: ((event: string, cb: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(cb);
      listeners.set(event, set);
      return () => set.delete(cb);
    }) as InstallSocket['on'],
    connect: () => void state.connects++,
    dispose: () => void (state.isDisposed = true),
  };
  const emit = <E extends keyof WingsEvents>(event: E, payload: WingsEvents[E]): void => {
    for (const cb of listeners.get(event) ?? []) cb(payload);
  };
  return { socket, state, emit, listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0) };
}

const client = { getWebsocketCredentials: async () => ({ token: 't', socket: 'ws://127.0.0.1:1/api/servers/x/ws' }) };

describe('watchInstallOutput', () => {
  it('forwards install output until install completed, then closes its socket', () => {
    const fake = fakeSocket();
    const lines: string[] = [];
    const ends: string[] = [];
    const clock = new ManualClock();
    watchInstallOutput({
      client,
      panelUrl: 'https://panel.example.com',
      identifier: 'abcd1234',
      onLine: (t) => lines.push(t),
      onEnd: (w) => ends.push(w),
      clock,
      createSocket: () => fake.socket,
    });
    expect(fake.state.connects).toBe(1);
    fake.emit('install-output', 'Downloading...');
    fake.emit('console', 'not an install line');
    fake.emit('install-completed', undefined);
    fake.emit('install-output', 'after the end');
    expect(lines).toEqual(['Downloading...']);
    expect(ends).toEqual(['completed']);
    expect(fake.state.isDisposed).toBe(true);
    expect(fake.listenerCount()).toBe(0);
    expect(clock.pendingCount).toBe(0);
  });

  it('gives up after its time, and stops once when asked', () => {
    const fake = fakeSocket();
    const ends: string[] = [];
    const clock = new ManualClock();
    const stop = watchInstallOutput({
      client,
      panelUrl: 'https://p',
      identifier: 'x',
      onLine: () => {},
      onEnd: (w) => ends.push(w),
      clock,
      timeoutMs: 1000,
      createSocket: () => fake.socket,
    });
    clock.advance(1000);
    stop();
    expect(ends).toEqual(['timeout']);
    expect(fake.state.isDisposed).toBe(true);
  });
});
