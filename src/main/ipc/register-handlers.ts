/**
 * The one wrapper every IPC handler goes through (house style rule 4): it checks the sender (the
 * app's own page, top frame), validates the arguments, and answers an IpcResult envelope.
 */
import type { IpcMainInvokeEvent } from 'electron';
import type { Logger } from '../../core/util/deps';
import type { InvokeArgs, InvokeChannel, InvokeResult } from '../../shared/ipc-contract';
import type { IpcResult } from '../../shared/types';
import { ARG_SCHEMAS } from './arg-schemas';
import { toIpcError } from './to-ipc-error';

/** The slice of ipcMain the wrapper needs. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** One implementation per channel. */
export type Handlers = {
  [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResult<C>> | InvokeResult<C>;
};

export interface RegisterOptions {
  ipcMain: IpcMainLike;
  handlers: Handlers;
  /** True when the URL is one of the app's own pages. */
  isAppUrl: (url: string) => boolean;
  logger: Logger;
  /** Every answer, for tests that prove no reply carries a key. */
  onReply?: (channel: InvokeChannel, result: IpcResult<unknown>) => void;
}

/** Only the app's own page, in its top frame, may call main. */
export function isTrustedSender(event: IpcMainInvokeEvent, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  const isTop = frame.parent === null || frame.parent === undefined;
  return isTop && isAppUrl(frame.url);
}

async function dispatch<C extends InvokeChannel>(
  channel: C,
  event: IpcMainInvokeEvent,
  args: unknown[],
  options: RegisterOptions,
): Promise<IpcResult<InvokeResult<C>>> {
  if (!isTrustedSender(event, options.isAppUrl)) {
    options.logger.warn('ipc: refused a call from an untrusted sender', { channel });
    return { ok: false, error: { code: 'forbidden-sender', message: 'This page may not use Pterotray.' } };
  }
  const parsed = ARG_SCHEMAS[channel].safeParse(args);
  if (!parsed.success) return { ok: false, error: toIpcError(parsed.error) };
  try {
    const handler = options.handlers[channel] as (...a: InvokeArgs<C>) => Promise<InvokeResult<C>> | InvokeResult<C>;
    const value = await handler(...(parsed.data as InvokeArgs<C>));
    return { ok: true, value };
  } catch (error) {
    const ipcError = toIpcError(error);
    if (ipcError.code === 'internal') options.logger.error('ipc: handler failed', { channel, error: error instanceof Error ? error.name : typeof error });
    return { ok: false, error: ipcError };
  }
}

/** Registers every channel; returns the disposer that removes them all. */
export function registerHandlers(options: RegisterOptions): () => void {
  const channels = Object.keys(ARG_SCHEMAS) as InvokeChannel[];
  for (const channel of channels) {
    options.ipcMain.handle(channel, async (event, ...args) => {
      const result = await dispatch(channel, event, args, options);
      options.onReply?.(channel, result);
      return result;
    });
  }
  return () => {
    for (const channel of channels) options.ipcMain.removeHandler(channel);
  };
}
