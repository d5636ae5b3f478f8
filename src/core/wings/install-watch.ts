/**
 * A socket of its own for the output of a reinstall (issue 13). The monitor stops following a
 * server that installs (follow-manager.ts: installing is polled), but the egg's install script
 * prints only on the server's websocket, and only for a root admin: the panel gives a root admin a
 * token during the install (AuthenticateServerAccess `$except` api:client:server.ws) and Wings
 * sends `install output` only for `admin.websocket.install` (wings router/websocket/websocket.go
 * SendJson). So this is opened for a root admin's key only, once the panel accepted the
 * reinstall, and closed at `install completed` or after `timeoutMs`. Wings does not replay
 * install output, so lines printed before the socket is authenticated are not seen.
 */
import type { ClientApi } from '../api/client-types';
import type { Clock, Logger } from '../util/deps';
import type { WingsSocketOptions } from './types';
import { WingsSocket } from './wings-socket';

/** What the watch uses of a socket (tests pass a fake). */
export type InstallSocket = Pick<WingsSocket, 'on' | 'connect' | 'dispose'>;

export interface InstallWatchOptions {
  client: Pick<ClientApi, 'getWebsocketCredentials'>;
  panelUrl: string;
  identifier: string;
  onLine(text: string): void;
  /** Once, when the socket is first authenticated: the reinstall can be asked for then, so no line is missed. */
  onReady?(): void;
  /** Once, when the install completed, the time ran out, or the watch was stopped. */
  onEnd?(why: 'completed' | 'timeout' | 'stopped'): void;
  clock: Clock;
  logger?: Logger;
  /** An install script may run long; default 30 minutes. */
  timeoutMs?: number;
  createSocket?(opts: WingsSocketOptions): InstallSocket;
}

/** Starts watching; returns the stop. */
export function watchInstallOutput(options: InstallWatchOptions): () => void {
  const create = options.createSocket ?? ((o: WingsSocketOptions): InstallSocket => new WingsSocket(o));
  const socket = create({
    panelUrl: options.panelUrl,
    fetchCredentials: () => options.client.getWebsocketCredentials(options.identifier, { priority: 'user' }),
    clock: options.clock,
    logger: options.logger,
  });
  let isDone = false;
  const stops: Array<() => void> = [];
  const end = (why: 'completed' | 'timeout' | 'stopped'): void => {
    if (isDone) return;
    isDone = true;
    for (const stop of stops.splice(0)) stop();
    socket.dispose();
    options.onEnd?.(why);
  };
  let isReady = false;
  stops.push(
    socket.on('connection', (change) => {
      if (change.state !== 'connected' || isReady) return;
      isReady = true;
      options.onReady?.();
    }),
    socket.on('install-output', (text) => options.onLine(text)),
    socket.on('install-completed', () => end('completed')),
  );
  const timer = options.clock.setTimeout(() => end('timeout'), options.timeoutMs ?? 30 * 60_000);
  stops.push(() => options.clock.clearTimeout(timer));
  socket.connect();
  return () => end('stopped');
}
