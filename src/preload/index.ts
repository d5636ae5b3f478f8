/**
 * The bridge: exposes exactly one typed `window.api` (house style rule 3), one function per
 * contract channel (answering an IpcResult envelope) and one `onX` per push event. Never ipcRenderer itself, process or env.
 * This bundle runs sandboxed, so it may only require('electron'); everything else is inlined.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  INVOKE_CHANNELS,
  PUSH_EVENTS,
  methodName,
  subscriptionName,
  type BridgeApi,
} from '../shared/ipc-contract';

// Calls answer with the IpcResult envelope as main sent it; the renderer's api module unwraps it.
// Throwing here would not work: an Error crossing the contextBridge keeps only its message.
function invoker(channel: string) {
  return (...args: unknown[]): Promise<unknown> => ipcRenderer.invoke(channel, ...args);
}

function subscriber(event: string) {
  return (callback: (payload: unknown) => void): (() => void) => {
    const listener = (_event: IpcRendererEvent, payload: unknown): void => callback(payload);
    ipcRenderer.on(event, listener);
    return () => {
      ipcRenderer.removeListener(event, listener);
    };
  };
}

const api: Record<string, unknown> = {
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
};
for (const channel of INVOKE_CHANNELS) api[methodName(channel)] = invoker(channel);
for (const event of PUSH_EVENTS) api[subscriptionName(event)] = subscriber(event);

contextBridge.exposeInMainWorld('api', api as BridgeApi);
