/**
 * The child's end of the pipe to the launcher: Node's IPC channel (the launcher forks the app with
 * `serialization: 'advanced'`, so values cross with the structured clone algorithm, like Electron's
 * IPC). Run without the launcher, requests fail with a clear message and notifications are dropped.
 */
import { RpcPeer, isRpcMessage, type RpcHandler, type RpcListener, type RpcMessage } from '../shared/rpc';

/** What the double's modules use to reach the launcher. */
export interface Bridge {
  readonly connected: boolean;
  request<T = unknown>(method: string, params?: unknown): Promise<T>;
  notify(method: string, params?: unknown): void;
  handle(method: string, handler: RpcHandler): void;
  listen(method: string, listener: RpcListener): void;
  /** Sends a last notification and resolves once it has left the process. */
  notifyAndFlush(method: string, params: unknown): Promise<void>;
  /** Set once by the recorder: runs before every answer so the snapshot is pushed first. */
  setBeforeRespond(hook: () => void): void;
}

/** Connects to the launcher over process IPC, if there is one. */
export function connectBridge(onDisconnect: () => void): Bridge {
  let beforeRespond = (): void => {};
  const send = process.send?.bind(process);
  const transport = {
    send(message: RpcMessage): void {
      if (!send || !process.connected) throw new Error('the electron-double launcher is not connected');
      send(message);
    },
  };
  const peer = new RpcPeer(transport, () => beforeRespond());
  if (send) {
    process.on('message', (message: unknown) => {
      if (isRpcMessage(message)) peer.receive(message);
    });
    process.on('disconnect', () => {
      peer.close('the launcher went away');
      onDisconnect();
    });
  } else {
    peer.close('this app was not started by the electron-double launcher (test/electron-double/launch.ts)');
  }
  return {
    connected: Boolean(send),
    request: (method, params) => peer.request(method, params),
    notify: (method, params) => {
      if (send && process.connected) peer.notify(method, params);
    },
    handle: (method, handler) => peer.handle(method, handler),
    listen: (method, listener) => peer.listen(method, listener),
    notifyAndFlush: (method, params) =>
      new Promise<void>((resolve) => {
        if (!send || !process.connected) return resolve();
        send({ rpc: 'notify', method, params } satisfies RpcMessage, undefined, undefined, () => resolve());
      }),
    setBeforeRespond: (hook) => {
      beforeRespond = hook;
    },
  };
}
