/** Reading a panel request body (whole, bounded) and parsing JSON the way `IsValidJson` does. */
import type { IncomingMessage } from 'node:http';
import { PanelHttpError, badRequest } from './errors';

/** nginx's usual `client_max_body_size` in front of a panel. */
export const PANEL_BODY_LIMIT_BYTES = 100 * 1024 * 1024;

/** The whole body; 413 above the limit. */
export async function readBody(req: IncomingMessage, limitBytes = PANEL_BODY_LIMIT_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limitBytes) throw new PanelHttpError(413, 'HttpException', 'Request Entity Too Large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** True when the request says its body is JSON. */
export function isJsonContent(req: IncomingMessage): boolean {
  const type = req.headers['content-type'] ?? '';
  return type.includes('/json') || type.includes('+json');
}

/** Parses a JSON body; undefined for an empty one; 400 for malformed JSON (§1.1). */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw badRequest('The JSON data passed in the request appears to be malformed: Syntax error');
  }
}
