/**
 * What reaches a webContents from its page: invoke and send (with an IpcMainInvokeEvent /
 * IpcMainEvent whose `senderFrame` is the page's frame at call time), page-initiated navigation
 * (`will-navigate`, preventable) and window.open (`setWindowOpenHandler`).
 */
import type { FrameInfo, InvokeParams, InvokeReply, WindowOpenParams } from '../shared/protocol';
import { doubleContext } from './context';
import { createEvent } from './event';
import { answerInvoke, ipcMain } from './ipc-main';
import { WebFrameMain } from './web-frame-main';
import type { WebContents } from './web-contents';

const subFrames = new WeakMap<WebContents, Map<number, WebFrameMain>>();

/** The WebFrameMain a call came from; null when that document is gone (Electron's rule). */
function frameFor(contents: WebContents, frame: FrameInfo): WebFrameMain | null {
  if (frame.navigation !== contents.navigation) return null;
  if (frame.isMainFrame) return contents.mainFrame;
  // Sub frames are made on first use and keep the URL they first called from.
  const frames = subFrames.get(contents) ?? new Map<number, WebFrameMain>();
  subFrames.set(contents, frames);
  const existing = frames.get(frame.frameKey) ?? new WebFrameMain(contents, { url: frame.url }, 100 + frame.frameKey, contents.mainFrame);
  frames.set(frame.frameKey, existing);
  return existing;
}

// The page told us its URL at call time; navigation events about it may still be in flight.
function adoptCallUrl(contents: WebContents, frame: FrameInfo): void {
  if (frame.isMainFrame && frame.navigation === contents.navigation) contents.frameState.url = frame.url;
}

function ipcEvent(contents: WebContents, frame: FrameInfo, extra: object): object {
  const event = createEvent({
    type: 'frame',
    sender: contents,
    processId: contents.processId,
    frameId: frame.isMainFrame ? 1 : 100 + frame.frameKey,
    ...extra,
  });
  // A getter, so a handler that awaits first and reads it later sees null after a navigation.
  Object.defineProperty(event, 'senderFrame', { enumerable: true, get: () => frameFor(contents, frame) });
  return event;
}

/** `ipcRenderer.invoke` arriving from the page. */
export function handleInvoke(contents: WebContents, params: InvokeParams): Promise<InvokeReply> {
  adoptCallUrl(contents, params.frame);
  const event = ipcEvent(contents, params.frame, {});
  return answerInvoke([contents.ipc, ipcMain], event, params.channel, params.args);
}

/** `ipcRenderer.send` arriving from the page: every target's listeners hear it. */
export function handleSend(contents: WebContents, params: InvokeParams): void {
  adoptCallUrl(contents, params.frame);
  const event = ipcEvent(contents, params.frame, {
    returnValue: undefined,
    ports: [],
    reply: (channel: string, ...args: unknown[]) => contents.send(channel, ...args),
  });
  contents.emit('ipc-message', event, params.channel, ...params.args);
  for (const target of [contents.ipc, ipcMain]) target.emit(params.channel, event, ...params.args);
}

/** A navigation the page started; true when a listener prevented it. */
export function handleWillNavigate(contents: WebContents, url: string): boolean {
  const details = { url, isSameDocument: false, isMainFrame: true, frame: contents.mainFrame, initiator: contents.mainFrame };
  const event = createEvent(details);
  contents.emit('will-frame-navigate', event);
  contents.emit('will-navigate', event, url, false, true, contents.processId, 1);
  return event.defaultPrevented;
}

/** What window.open asks for: the app's handler decides; with no handler Electron allows. */
export function decideWindowOpen(contents: WebContents, params: WindowOpenParams): { action: string; overrideBrowserWindowOptions?: Record<string, unknown> } {
  const details = {
    url: params.url,
    frameName: params.frameName,
    features: params.features,
    disposition: params.disposition,
    referrer: { url: contents.getURL(), policy: 'strict-origin-when-cross-origin' },
  };
  const handler = contents.windowOpenHandler;
  if (!handler) return { action: 'allow' };
  const response = handler(details) as { action?: unknown; overrideBrowserWindowOptions?: Record<string, unknown> } | undefined;
  if (response?.action !== 'allow' && response?.action !== 'deny') {
    doubleContext().warn(
      `setWindowOpenHandler returned ${JSON.stringify(response)}; Electron expects { action: 'allow' | 'deny' } and treats anything else as deny`,
    );
    return { action: 'deny' };
  }
  return response.overrideBrowserWindowOptions
    ? { action: response.action, overrideBrowserWindowOptions: response.overrideBrowserWindowOptions }
    : { action: response.action };
}
