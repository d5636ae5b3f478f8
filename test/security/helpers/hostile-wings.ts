/**
 * A node that answers like Wings and says what a hostile one would: once authenticated (any
 * token) and asked for the logs, it sends the frames given, then stays quiet. The panel points a
 * console at it through a websocket-credentials answer (`credentialsFor`).
 */
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';

export interface HostileWings {
  /** The body of `GET /servers/:server/websocket` that sends a console here. */
  credentialsFor(uuid: string): unknown;
  close(): Promise<void>;
}

/** Starts the node on 127.0.0.1; `frames` are Wings frames (`{event, args}`) sent after `send logs`. */
export async function startHostileWings(frames: ReadonlyArray<{ event: string; args?: unknown[] }>): Promise<HostileWings> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  server.on('connection', (socket) => {
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { event?: string };
      if (frame.event === 'auth') socket.send(JSON.stringify({ event: 'auth success' }));
      if (frame.event === 'send logs') for (const out of frames) socket.send(JSON.stringify(out));
    });
  });
  return {
    credentialsFor: (uuid) => ({ data: { token: 'hostile-token', socket: `ws://127.0.0.1:${port}/api/servers/${uuid}/ws` } }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
