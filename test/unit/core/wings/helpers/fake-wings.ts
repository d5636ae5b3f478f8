/** A scriptable Wings websocket endpoint on 127.0.0.1, port 0, started and stopped by each test. */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Frame {
  event: string;
  args?: string[];
}

/** One client connection as the server sees it. */
export class FakeConnection {
  readonly frames: Frame[] = [];
  readonly origin: string | undefined;
  private readonly waiters: { event: string; nth: number; resolve: (f: Frame) => void }[] = [];
  readonly closed: Promise<{ code: number }>;

  constructor(
    readonly ws: WebSocket,
    request: IncomingMessage,
    autoAuth: boolean,
  ) {
    this.origin = request.headers.origin;
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve({ code })));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      this.frames.push(frame);
      if (autoAuth && frame.event === 'auth') this.send('auth success');
      for (const w of [...this.waiters]) {
        const hit = this.find(w.event, w.nth);
        if (hit) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(hit);
        }
      }
    });
  }

  /** Names of the frames received so far. */
  get events(): string[] {
    return this.frames.map((f) => f.event);
  }

  /** Resolves with the n-th (1-based) frame named `event`, now or when it arrives. */
  frame(event: string, nth = 1): Promise<Frame> {
    const hit = this.find(event, nth);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve) => this.waiters.push({ event, nth, resolve }));
  }

  private find(event: string, nth: number): Frame | undefined {
    return this.frames.filter((f) => f.event === event)[nth - 1];
  }

  send(event: string, args?: unknown[]): void {
    this.ws.send(JSON.stringify(args ? { event, args } : { event }));
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }
}

export class FakeWings {
  readonly connections: FakeConnection[] = [];
  private readonly waiters: ((c: FakeConnection) => void)[] = [];
  autoAuth = true;

  private constructor(private readonly wss: WebSocketServer) {
    wss.on('connection', (ws, req) => {
      const conn = new FakeConnection(ws, req, this.autoAuth);
      this.connections.push(conn);
      for (const w of this.waiters.splice(0)) w(conn);
    });
  }

  static async start(): Promise<FakeWings> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', resolve));
    return new FakeWings(wss);
  }

  get url(): string {
    const { port } = this.wss.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/api/servers/1a7ce997-259b-452e-8b4e-cecc464142ca/ws`;
  }

  /** Clients still connected. */
  get openClients(): number {
    return this.wss.clients.size;
  }

  /** Resolves with the n-th (1-based) connection, now or when it arrives. */
  connection(nth = 1): Promise<FakeConnection> {
    const existing = this.connections[nth - 1];
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve) => {
      const check = (): void => {
        const c = this.connections[nth - 1];
        if (c) resolve(c);
        else this.waiters.push(check);
      };
      this.waiters.push(check);
    });
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve, reject) => this.wss.close((err) => (err ? reject(err) : resolve())));
  }
}
