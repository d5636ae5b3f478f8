/**
 * The bridge: exposes exactly one typed `window.api` (house style rule 3), one function per
 * contract channel (answering an IpcResult envelope) and one `onX` per push event. Never ipcRenderer itself, process or env.
 * This bundle runs sandboxed, so it may only require('electron'); everything else is inlined.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { INVOKE_CHANNELS, PUSH_EVENTS, methodName, subscriptionName, type BridgeApi, type PageCalls } from '../shared/ipc-contract';
import type { IpcResult } from '../shared/types';

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

function refused(message: string): Promise<IpcResult<never>> {
  return Promise.resolve({ ok: false, error: { code: 'invalid-argument', message } });
}

/**
 * `filesUpload` takes the drop's `File`s, never paths: the page cannot name a file on disk
 * (issue 11). Electron knows the path of a `File` the user dragged in from the computer; one
 * built by script (`new File([...], 'id_rsa')`) has none and is refused here, before main.
 * The path never goes back to the page (webUtils docs: avoid exposing it to web content).
 */
function uploadDropped(send: (...args: unknown[]) => Promise<unknown>, request: unknown): Promise<unknown> {
  const { server, directory, files } = (request ?? {}) as { server?: unknown; directory?: unknown; files?: unknown };
  if (!Array.isArray(files) || files.length === 0 || !files.every((f) => f instanceof File)) {
    return refused('Drop files from your computer to upload them.');
  }
  const localPaths = files.map((file: File) => webUtils.getPathForFile(file));
  if (localPaths.some((path) => path === '')) {
    return refused('Only files from your computer can be uploaded: drop them from a file manager.');
  }
  return send({ server, directory, localPaths });
}

/** The page calls whose arguments the preload translates (PageCalls in the contract). */
const PAGE_CALLS: Record<keyof PageCalls, (send: (...args: unknown[]) => Promise<unknown>, request: unknown) => Promise<unknown>> = {
  'files:upload': uploadDropped,
};
const isPageCall = (channel: string): channel is keyof PageCalls => Object.hasOwn(PAGE_CALLS, channel);

const api: Record<string, unknown> = {};
for (const channel of INVOKE_CHANNELS) {
  const send = invoker(channel);
  api[methodName(channel)] = isPageCall(channel) ? (request: unknown) => PAGE_CALLS[channel](send, request) : send;
}
for (const event of PUSH_EVENTS) api[subscriptionName(event)] = subscriber(event);

contextBridge.exposeInMainWorld('api', api as BridgeApi);
