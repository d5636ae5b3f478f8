/**
 * A `window.api` for component tests, generated from the IPC contract (the one mock point, house
 * style rule 10): every channel is a vi.fn answering an envelope, every push event can be emitted.
 * Tests set answers with `mockApi.answer('filesList', [...])` or `.fail('filesWrite', {code, message})`.
 */
import { vi, type Mock } from 'vitest';
import { INVOKE_CHANNELS, PUSH_EVENTS, methodName, subscriptionName, type InvokeChannel, type PushEvent, type PushEvents } from '../../shared/ipc-contract';
import type { IpcError } from '../../shared/types';

type Listener = (payload: unknown) => void;

export interface MockApi {
  bridge: Record<string, Mock>;
  /** Makes `method` resolve with `value` (every call, until changed). */
  answer(method: string, value: unknown): void;
  /** Makes `method` answer with a typed failure. */
  fail(method: string, error: IpcError): void;
  /** Pushes an event to the renderer's subscribers. */
  emit<E extends PushEvent>(event: E, payload: PushEvents[E]): void;
  /** The arguments of every call to `method`. */
  calls(method: string): unknown[][];
}

export function createMockApi(): MockApi {
  const listeners = new Map<string, Set<Listener>>();
  const bridge: Record<string, Mock> = {};
  for (const channel of INVOKE_CHANNELS as readonly InvokeChannel[]) {
    bridge[methodName(channel)] = vi.fn(async () => ({ ok: true, value: null }));
  }
  for (const event of PUSH_EVENTS) {
    bridge[subscriptionName(event)] = vi.fn((cb: Listener) => {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(cb);
      listeners.set(event, set);
      return () => set.delete(cb);
    });
  }
  const get = (method: string): Mock => {
    const mock = bridge[method];
    if (!mock) throw new Error(`window.api has no ${method}`);
    return mock;
  };
  return {
    bridge,
    answer: (method, value) => get(method).mockImplementation(async () => ({ ok: true, value })),
    fail: (method, error) => get(method).mockImplementation(async () => ({ ok: false, error })),
    emit: (event, payload) => listeners.get(event)?.forEach((cb) => cb(payload)),
    calls: (method) => get(method).mock.calls,
  };
}

/** Installed before each component test file; tests reach it through `mockApi`. */
export const mockApi = createMockApi();
(globalThis as unknown as { window: { api: unknown } }).window.api = mockApi.bridge;
