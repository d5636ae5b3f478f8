/**
 * `ipcMain` (and `webContents.ipc`): `handle` for invoke, EventEmitter channels for send. The reply
 * path follows Electron's lib/browser/api/web-contents.ts: the first target with a handler answers,
 * a throw becomes `{ error: String(err) }` logged as "Error occurred in handler for …", and a
 * reply that is not structured-cloneable fails like Electron's ("An object could not be cloned.").
 */
import { EventEmitter } from 'node:events';
import type { IpcMain as ElectronIpcMain } from 'electron';
import type { InvokeReply } from '../shared/protocol';

/** An invoke handler; `event` is an IpcMainInvokeEvent. */
export type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

type IpcApi = Pick<ElectronIpcMain, 'removeHandler'>;

/** One IPC target: the global `ipcMain` or a webContents' own `ipc`. */
export class IpcMain extends EventEmitter implements IpcApi {
  private readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    if (typeof listener !== 'function') throw new TypeError(`Expected handler to be a function, but found type '${typeof listener}'`);
    this.handlers.set(channel, listener);
  }

  handleOnce(channel: string, listener: InvokeHandler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return listener(event, ...args);
    });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** The handler for `channel`, if this target has one. */
  handlerFor(channel: string): InvokeHandler | undefined {
    return this.handlers.get(channel);
  }
}

/** The process-wide `ipcMain`. */
export const ipcMain = new IpcMain();

function cloneReply(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    throw new Error('An object could not be cloned.');
  }
}

/** Answers one `ipcRenderer.invoke` the way Electron's main process does. */
export async function answerInvoke(targets: IpcMain[], event: unknown, channel: string, args: unknown[]): Promise<InvokeReply> {
  const handler = targets.map((target) => target.handlerFor(channel)).find((found) => found !== undefined);
  try {
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return { ok: true, value: cloneReply(await handler(event, ...args)) };
  } catch (error) {
    console.error(`Error occurred in handler for '${channel}':`, error);
    return { ok: false, error: String(error) };
  }
}
