/**
 * Writing responses. Every answer goes through `send` or `sendStream`, which add the per-request
 * headers (rate limit, CORS), record the status in the request log, and apply a `truncate` fault
 * (send half of the declared body, then destroy the socket).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { SimRequestLogEntry } from '../types';

/** One request in flight, on either listener. */
export interface HttpContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  readonly url: URL;
  readonly log: SimRequestLogEntry;
  /** Added to every response of this request (rate-limit headers, CORS). */
  readonly extraHeaders: Record<string, string>;
  /** Set by a `truncate` fault. */
  truncate: boolean;
}

/** Sends a whole body with a Content-Length (none on 204). */
export function send(ctx: HttpContext, status: number, headers: Record<string, string>, body?: Buffer | string): void {
  const bytes = body === undefined ? Buffer.alloc(0) : typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const all: Record<string, string> = { ...ctx.extraHeaders, ...headers };
  if (status !== 204) all['Content-Length'] = String(bytes.length);
  ctx.log.status = status;
  if (ctx.res.headersSent || ctx.res.destroyed) return;
  ctx.res.writeHead(status, all);
  if (ctx.truncate && bytes.length > 0) {
    ctx.res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => ctx.res.destroy());
    return;
  }
  ctx.res.end(status === 204 ? undefined : bytes);
}

/** Sends JSON. */
export function sendJson(ctx: HttpContext, status: number, value: unknown, headers: Record<string, string> = {}): void {
  send(ctx, status, { 'Content-Type': 'application/json', ...headers }, JSON.stringify(value));
}

/** 204 with an empty body (§1.2: Symfony strips it even when the controller returns `[]`). */
export function sendNoContent(ctx: HttpContext): void {
  send(ctx, 204, {});
}

function waitDrain(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean): void => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = (): void => done(true);
    const onClose = (): void => done(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

/** Streams `length` bytes with backpressure; a truncate fault stops at half and destroys the socket. */
export async function sendStream(ctx: HttpContext, status: number, headers: Record<string, string>, stream: Readable, length: number): Promise<void> {
  ctx.log.status = status;
  ctx.res.writeHead(status, { ...ctx.extraHeaders, ...headers, 'Content-Length': String(length) });
  const limit = ctx.truncate ? Math.floor(length / 2) : Infinity;
  let sent = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (ctx.res.destroyed) break;
      const part = sent + chunk.length > limit ? chunk.subarray(0, limit - sent) : chunk;
      sent += part.length;
      if (part.length > 0 && !ctx.res.write(part) && !(await waitDrain(ctx.res))) break;
      if (sent >= limit) break;
    }
  } finally {
    stream.destroy();
  }
  if (ctx.truncate || ctx.res.destroyed) ctx.res.destroy();
  else ctx.res.end();
}

/** Laravel's `expectsJson()`: an Accept asking for JSON, or an XHR that accepts anything. */
export function expectsJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  const first = (accept.split(',')[0] ?? '').split(';')[0]?.trim() ?? '';
  const wantsJson = first.includes('/json') || first.includes('+json');
  const acceptsAny = first === '' || first === '*/*' || first === '*';
  const ajax = req.headers['x-requested-with'] === 'XMLHttpRequest';
  return wantsJson || (ajax && acceptsAny);
}

/** A small HTML page, as Laravel renders HTTP errors for browsers. */
export function htmlPage(title: string, message: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1><p>${message}</p></body>\n</html>\n`;
}
