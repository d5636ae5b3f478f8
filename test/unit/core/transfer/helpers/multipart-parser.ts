/** A minimal multipart/form-data parser, as a server would do it, to check what the client sent. */

export interface Part {
  headers: Record<string, string>;
  data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) throw new Error('no boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  if (at !== 0) throw new Error('body does not start with the boundary');
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, afterDelimiter);
    if (next < 0) throw new Error('unterminated part');
    // A part is CRLF, headers, CRLF CRLF, data, CRLF, then the next delimiter.
    const part = body.subarray(afterDelimiter + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers: Record<string, string> = {};
    for (const line of part.subarray(0, split).toString('utf8').split('\r\n')) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headers, data: part.subarray(split + 4) });
    at = next;
  }
  return parts;
}

/** The file name a careful server reads: `filename*` (RFC 8187) first, else the quoted `filename`. */
export function fileNameOf(disposition: string): string | null {
  const extended = /filename\*=UTF-8''([^;\s]+)/i.exec(disposition);
  if (extended?.[1]) return decodeURIComponent(extended[1]);
  const quoted = /filename="((?:[^"\\]|\\.)*)"/.exec(disposition);
  return quoted?.[1] ? quoted[1].replace(/\\(.)/g, '$1') : null;
}

/** The plain `filename="…"` fallback alone, unescaped. */
export function fallbackNameOf(disposition: string): string | null {
  const quoted = /filename="((?:[^"\\]|\\.)*)"/.exec(disposition);
  return quoted?.[1] !== undefined ? quoted[1].replace(/\\(.)/g, '$1') : null;
}
