/**
 * A `window.api` for component tests, generated from the IPC contract (the one mock point, house
 * style rule 10): every channel is a vi.fn answering an envelope, every push event can be emitted.
 * Tests set answers with `mockApi.answer('filesList', [...])` or `.fail('filesWrite', {code, message})`,
 * typed by the contract: a method that does not exist, or an answer of the wrong shape, does not
 * compile. The setup file resets every answer and subscriber after each test.
 */
import { vi, type Mock } from 'vitest';
import {
  INVOKE_CHANNELS,
  PUSH_EVENTS,
  methodName,
  subscriptionName,
  type Api,
  type BridgeApi,
  type InvokeMethod,
  type PushEvent,
  type PushEvents,
} from '../../shared/ipc-contract';
import type { IpcError } from '../../shared/types';

type Listener = (payload: unknown) => void;

/** What `method` resolves with for the component (the value inside the envelope). */
export type AnswerOf<M extends InvokeMethod> = Awaited<ReturnType<Api[M]>>;

/** The arguments of one call to `method`, as the page passed them to `window.api`. */
export type CallOf<M extends InvokeMethod> = Parameters<BridgeApi[M]>;

export interface MockApi {
  /** The raw vi.fn per method, for answers that need their own implementation (held, per argument). */
  bridge: Record<string, Mock>;
  /** Makes `method` resolve with `value` (every call, until changed or reset). */
  answer<M extends InvokeMethod>(method: M, value: AnswerOf<M>): void;
  /** Makes `method` answer with a typed failure. */
  fail(method: InvokeMethod, error: IpcError): void;
  /** Pushes an event to the renderer's subscribers. */
  emit<E extends PushEvent>(event: E, payload: PushEvents[E]): void;
  /** The arguments of every call to `method`. */
  calls<M extends InvokeMethod>(method: M): CallOf<M>[];
  /** Every method back to answering null, no call recorded, no subscriber left. */
  reset(): void;
}

/** What a method answers until a test says otherwise. */
const answerNull = async (): Promise<{ ok: true; value: null }> => ({ ok: true, value: null });

export function createMockApi(): MockApi {
  const listeners = new Map<string, Set<Listener>>();
  const bridge: Record<string, Mock> = {};
  const invokeMethods = INVOKE_CHANNELS.map(methodName);
  for (const name of invokeMethods) bridge[name] = vi.fn(answerNull);
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
    calls: <M extends InvokeMethod>(method: M) => get(method).mock.calls as CallOf<M>[],
    reset: () => {
      for (const name of invokeMethods) get(name).mockReset().mockImplementation(answerNull);
      for (const event of PUSH_EVENTS) get(subscriptionName(event)).mockClear();
      listeners.clear();
    },
  };
}

/** Installed before each component test file; tests reach it through `mockApi`. */
export const mockApi = createMockApi();
(globalThis as unknown as { window: { api: unknown } }).window.api = mockApi.bridge;
