/**
 * Serves what the app loads with `loadFile` / `file://` URLs over http on 127.0.0.1, because
 * Chromium will not run module scripts from file:// the way Electron's file protocol does. The
 * URL path is the file's absolute path, so mapping back and forth is exact; only directories the
 * app actually loaded a page from are served.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The static server of one launched app. */
export class FileServer {
  private server: Server | undefined;
  private origin = '';
  private readonly roots = new Set<string>();

  /** The served http URL for a file:// URL; its directory becomes servable. */
  async serve(fileUrl: string): Promise<string> {
    const path = fileURLToPath(fileUrl);
    this.roots.add(dirname(path));
    await this.start();
    const url = new URL(fileUrl);
    return `${this.origin}${url.pathname}${url.search}${url.hash}`;
  }

  /** The URL as the app would see it: served URLs go back to file://. */
  toAppUrl(url: string): string {
    if (!this.origin || !url.startsWith(`${this.origin}/`)) return url;
    return `file://${url.slice(this.origin.length)}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async start(): Promise<void> {
    if (this.server) return;
    const server = createServer((request, response) => void this.answer(request, response));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  private isServable(path: string): boolean {
    return [...this.roots].some((root) => {
      const inside = relative(root, path);
      return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
    });
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(request.url ?? '/', this.origin).pathname);
    const info = this.isServable(path) ? await stat(path).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-store',
    });
    createReadStream(path)
      .on('error', () => response.destroy())
      .pipe(response);
  }
}
