/**
 * The node: one HTTP listener for the websocket (`/api/servers/<uuid>/ws`) and the signed
 * transfer endpoints. "Unreachable" really closes the port (connections are refused) and
 * reopening listens on the same port again.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { applyFault } from '../http/fault-response';
import type { FaultRegistry, RequestLog } from '../http/request-log';
import { send, sendJson } from '../http/respond';
import type { HttpContext } from '../http/respond';
import { Router } from '../http/router';
import type { SimState } from '../state/sim-state';
import type { TokenBook } from './tokens';
import { handleBackupDownload } from './backup-download';
import { handleDownload, handleUpload } from './transfer';
import { WingsConnection } from './ws-connection';

const MAX_SOCKETS_PER_SERVER = 30;

interface WingsRoute {
  method: string;
  path: string;
}

const ROUTES = new Router<WingsRoute>().add(
  { method: 'GET', path: '/download/file' },
  { method: 'GET', path: '/download/backup' },
  { method: 'POST', path: '/upload/file' },
  { method: 'GET', path: '/api/servers/:uuid/ws' },
);

/** What the node needs. */
export interface WingsDeps {
  state: SimState;
  tokens: TokenBook;
  log: RequestLog;
  faults: FaultRegistry;
}

/** The running node. */
export class WingsNode {
  private server: Server | null = null;
  private port = 0;
  private readonly sockets = new Set<Socket>();
  private readonly connections = new Set<WingsConnection>();
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(private readonly deps: WingsDeps) {}

  /** Listens (on `port`, 0 for a random one); returns the URL. */
  async listen(host: string, port: number): Promise<string> {
    const server = createServer((req, res) => void this.onRequest(req, res).catch(() => res.destroy()));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('upgrade', (req, socket, head) => void this.onUpgrade(req, socket, head).catch(() => socket.destroy()));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return `http://${host}:${this.port}`;
  }

  /** Closes the port (false) or listens again on the same one (true). */
  async setReachable(on: boolean, host: string): Promise<void> {
    if (on && !this.server) await this.listen(host, this.port);
    if (!on && this.server) await this.close();
  }

  /** The sim is closing: close the port for good. */
  async shutdown(): Promise<void> {
    await this.close();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** Stops listening and drops every socket (the node becomes unreachable). */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const connection of this.connections) connection.dispose();
    for (const client of this.wss.clients) client.terminate();
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private context(req: IncomingMessage, res: ServerResponse, url: URL, route: string): HttpContext {
    const log = this.deps.log.record({ method: req.method ?? 'GET', route, path: url.pathname, port: 'wings', timeMs: this.deps.state.clock.now() });
    // CORS for the panel origin only (§5.6).
    return { req, res, method: req.method ?? 'GET', url, log, extraHeaders: { 'Access-Control-Allow-Origin': this.deps.state.panelUrl }, truncate: false };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://wings.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const match = ROUTES.match(method, url.pathname);
    const key = match && 'key' in match ? match.key : `${method} ${url.pathname}`;
    const ctx = this.context(req, res, url, key);
    const fault = this.deps.faults.take(method, key, url.pathname);
    if (fault && (await applyFault(ctx, fault, 'wings', this.deps.state.timers))) return void req.resume();
    if (method === 'OPTIONS') {
      return send(ctx, 204, { 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type, Authorization' });
    }
    if (key === 'GET /download/file') return handleDownload(ctx, this.deps.state, this.deps.tokens);
    if (key === 'GET /download/backup') return handleBackupDownload(ctx, this.deps.state, this.deps.tokens);
    if (key === 'POST /upload/file') return handleUpload(ctx, this.deps.state, this.deps.tokens);
    req.resume();
    sendJson(ctx, key === 'GET /api/servers/:uuid/ws' ? 400 : 404, { error: 'The requested resource does not exist on this instance.' });
  }

  private reject(socket: Duplex, status: number, text: string, log: { status: number }): void {
    log.status = status;
    const body = JSON.stringify({ error: text });
    socket.end(
      `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }

  private async onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://wings.invalid');
    const match = ROUTES.match('GET', url.pathname);
    const key = match && 'key' in match && match.key === 'GET /api/servers/:uuid/ws' ? match.key : `GET ${url.pathname}`;
    const log = this.deps.log.record({ method: 'GET', route: key, path: url.pathname, port: 'wings', timeMs: this.deps.state.clock.now() });
    const fault = this.deps.faults.take('GET', key, url.pathname);
    if (fault?.type === 'delay') await this.deps.state.timers.delay(fault.ms);
    if (fault?.type === 'reset') return void socket.destroy();
    if (fault && fault.type !== 'delay') return this.reject(socket, fault.type === 'status' ? fault.status : 500, 'Injected fault', log);
    const server = match && 'params' in match ? this.deps.state.find(match.params.uuid ?? '') : null;
    if (!server || key !== 'GET /api/servers/:uuid/ws') return this.reject(socket, 404, 'Not Found', log);
    // Wings' CheckOrigin: the Origin must equal the panel URL exactly (§5.1).
    if (req.headers.origin !== this.deps.state.panelUrl) return this.reject(socket, 403, 'request origin not allowed', log);
    // 30 open sockets per server, across users (pelican-dev/wings router/router_server_ws.go).
    const open = [...this.connections].filter((c) => c.serverUuid === server.uuid).length;
    if (this.deps.state.options.websocketThrottling && open >= MAX_SOCKETS_PER_SERVER)
      return this.reject(socket, 400, 'Too many open websocket connections.', log);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      log.status = 101;
      const connection = new WingsConnection(ws, server, this.deps.state, this.deps.tokens);
      this.connections.add(connection);
      ws.on('close', () => this.connections.delete(connection));
      // Newer Wings accept the upgrade and then close it: a browser cannot read an HTTP refusal
      // (pelican-dev/wings router/router_server_ws.go). 1.11 has no such check.
      if (server.status === 'suspended' && this.deps.state.options.wings !== 'pterodactyl-1.11') connection.close(4409, 'server is suspended');
    });
  }
}
