/** Opening and closing one `ws` socket, with the listener bookkeeping that makes dispose clean. */
import WebSocket from 'ws';
import type { WebSocketConstructor } from './types';

/** What the owner of a socket wants to hear from it. */
export interface SocketHandlers {
  onOpen: () => void;
  onMessage: (data: unknown) => void;
  onClose: (code: number, reason: string) => void;
  onError: (error: Error) => void;
}

const SOCKET_EVENTS = ['open', 'message', 'close', 'error'] as const;

/** Creates the socket with the `Origin` Wings checks, and wires the handlers. May throw (bad URL). */
export function openWingsSocket(Impl: WebSocketConstructor, url: string, origin: string, handlers: SocketHandlers): WebSocket {
  const socket = new Impl(url, { origin });
  socket.on('open', handlers.onOpen);
  socket.on('message', (data) => handlers.onMessage(data));
  socket.on('close', (code, reason) => handlers.onClose(code, reason.toString('utf8')));
  socket.on('error', handlers.onError);
  return socket;
}

/**
 * Detaches our listeners and closes: gracefully when open and asked to, abruptly otherwise.
 * A no-op `error` listener stays, because ws emits `error` when a handshake is aborted and an
 * unheard `error` event would throw.
 */
export function closeQuietly(socket: WebSocket, how: 'close' | 'terminate'): void {
  for (const event of SOCKET_EVENTS) socket.removeAllListeners(event);
  socket.on('error', () => {});
  if (socket.readyState === WebSocket.OPEN && how === 'close') socket.close(1000);
  else if (socket.readyState !== WebSocket.CLOSED) socket.terminate();
}

/** True when frames can be sent. */
export function isOpen(socket: WebSocket | null): socket is WebSocket {
  return socket !== null && socket.readyState === WebSocket.OPEN;
}
