/** A node:http server on 127.0.0.1, port 0, whose handler each test sets; closes every socket on stop. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export class LocalServer {
  handler: Handler = (_req, res) => res.end();
  readonly requests: IncomingMessage[] = [];

  private constructor(private readonly server: Server) {
    server.on('request', (req, res) => {
      this.requests.push(req);
      this.handler(req, res);
    });
  }

  static async start(): Promise<LocalServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new LocalServer(server);
  }

  /** A signed-looking URL on this server, with a secret token to check redaction against. */
  url(path: string, token = SECRET_TOKEN): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}${path}?token=${token}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
  }
}

/** Shaped like a Wings JWT, so both redaction rules are exercised. */
export const SECRET_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJ1bmlxdWVfaWQiOiJzZWNyZXQifQ.c2lnbmF0dXJlLXNlY3JldA';

/** Resolves when the request's body has been read in full. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
