/**
 * The renderer's one way to main (house style rule 10): `window.api` from the preload, with its
 * IpcResult envelopes unwrapped, so components `await api.filesList(...)` and catch an IpcFailure
 * with a typed `code`. Tests replace `window.api` before importing this module.
 */
import { INVOKE_CHANNELS, PUSH_EVENTS, methodName, subscriptionName, type Api, type BridgeApi } from '../../../shared/ipc-contract';
import { IpcFailure } from '../../../shared/ipc-failure';
import type { IpcResult } from '../../../shared/types';

declare global {
  interface Window {
    api: BridgeApi;
  }
}

function unwrap(bridge: BridgeApi): Api {
  const raw = bridge as unknown as Record<string, (...args: unknown[]) => unknown>;
  const api: Record<string, unknown> = {};
  for (const channel of INVOKE_CHANNELS) {
    const name = methodName(channel);
    api[name] = async (...args: unknown[]) => {
      const result = (await raw[name]!(...args)) as IpcResult<unknown>;
      if (result.ok) return result.value;
      throw new IpcFailure(result.error);
    };
  }
  for (const event of PUSH_EVENTS) {
    const name = subscriptionName(event);
    api[name] = (cb: (payload: unknown) => void) => raw[name]!(cb);
  }
  return api as Api;
}

export const api: Api = unwrap(window.api);

/** A message for any error a call can throw, for places that only show text. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
