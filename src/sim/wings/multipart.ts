/**
 * A streaming multipart/form-data parser: parts are handed to sinks chunk by chunk, with
 * backpressure (each write is awaited), so a 1 GiB upload never sits in memory.
 */

/** One part's headers. */
export interface PartInfo {
  /** The form field name. */
  name: string;
  /** The file name (after Go's `mime.ParseMediaType` unquoting), or null for a plain field. */
  filename: string | null;
}

/** Where a part's bytes go. */
export interface PartSink {
  write(chunk: Buffer): Promise<void> | void;
  end(): Promise<void> | void;
}

/** The body is not valid multipart. */
export class MultipartError extends Error {
  override name = 'MultipartError';
}

const MAX_HEADER_BYTES = 16 * 1024;
const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** The boundary of a `multipart/form-data` Content-Type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  return (match?.[1] ?? match?.[2])?.trim() ?? null;
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value.trim();
  let out = '';
  for (let i = 1; i < value.length; i++) {
    const char = value[i];
    if (char === '\\') out += value[++i] ?? '';
    else if (char === '"') break;
    else out += char;
  }
  return out;
}

/** Splits `form-data; name="files"; filename="a b.txt"` into parameters (quoted strings may hold `;`). */
function dispositionParams(header: string): Map<string, string> {
  const params = new Map<string, string>();
  const re = /;\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (let match = re.exec(header); match; match = re.exec(header)) params.set((match[1] ?? '').toLowerCase(), unquote(match[2] ?? ''));
  return params;
}

/** Parses a part's header block. RFC 5987 `filename*` wins over `filename`, as in Go. */
export function parsePartHeaders(block: string): PartInfo {
  let disposition = '';
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'content-disposition') disposition = line.slice(colon + 1).trim();
  }
  const params = dispositionParams(disposition);
  let filename = params.get('filename') ?? null;
  const extended = params.get('filename*');
  if (extended) {
    const match = /^([\w-]+)'[^']*'(.*)$/.exec(extended);
    if (match) {
      try {
        filename = decodeURIComponent(match[2] ?? '');
      } catch {
        // keep the plain filename
      }
    }
  }
  return { name: params.get('name') ?? '', filename };
}

type Phase = 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done';

/**
 * Is `--boundary` at `from` a real delimiter? Only when `--` or optional spaces/tabs then CRLF
 * follow (Go's `isBoundaryDelimiterLine`); 'more' when the buffer ends before that is known.
 */
function delimiterVerdict(buffer: Buffer, from: number): 'yes' | 'no' | 'more' {
  if (buffer.length < from + 2) return 'more';
  if (buffer[from] === 0x2d && buffer[from + 1] === 0x2d) return 'yes';
  let i = from;
  while (i < buffer.length && (buffer[i] === 0x20 || buffer[i] === 0x09)) i++;
  if (i + 1 >= buffer.length) return 'more';
  return buffer[i] === 0x0d && buffer[i + 1] === 0x0a ? 'yes' : 'no';
}

/** The parser's state between chunks; each phase method returns true while it makes progress. */
class MultipartReader {
  private readonly delimiter: Buffer;
  private readonly bodyDelimiter: Buffer;
  private buffer: Buffer = Buffer.alloc(0);
  private sink: PartSink | null = null;
  phase: Phase = 'preamble';

  constructor(
    boundary: string,
    private readonly onPart: (info: PartInfo) => PartSink,
  ) {
    this.delimiter = Buffer.from(`--${boundary}`);
    this.bodyDelimiter = Buffer.concat([CRLF, this.delimiter]);
  }

  /** Adds a chunk and consumes as much as can be decided. */
  async push(chunk: Buffer): Promise<void> {
    if (this.phase === 'done') return; // drain the epilogue
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (await this.step()) {
      // keep stepping while progress is made on the buffered bytes
    }
  }

  private step(): boolean | Promise<boolean> {
    switch (this.phase) {
      case 'preamble':
        return this.preamble();
      case 'after-delimiter':
        return this.afterDelimiter();
      case 'headers':
        return this.headers();
      case 'body':
        return this.body();
      case 'done':
        return false;
    }
  }

  private preamble(): boolean {
    const at = this.buffer.indexOf(this.delimiter);
    if (at === -1) {
      this.buffer = this.buffer.subarray(Math.max(0, this.buffer.length - this.delimiter.length));
      return false;
    }
    this.buffer = this.buffer.subarray(at + this.delimiter.length);
    this.phase = 'after-delimiter';
    return true;
  }

  private afterDelimiter(): boolean {
    if (this.buffer.length < 2) return false;
    if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) {
      this.phase = 'done';
      return false;
    }
    const eol = this.buffer.indexOf(CRLF);
    if (eol === -1) return false;
    this.buffer = this.buffer.subarray(eol + 2); // transport padding before the CRLF is allowed
    this.phase = 'headers';
    return true;
  }

  private headers(): boolean {
    const end = this.buffer.indexOf(HEADER_END);
    if (end === -1) {
      if (this.buffer.length > MAX_HEADER_BYTES) throw new MultipartError('part headers too large');
      return false;
    }
    this.sink = this.onPart(parsePartHeaders(this.buffer.subarray(0, end).toString('utf8')));
    this.buffer = this.buffer.subarray(end + HEADER_END.length);
    this.phase = 'body';
    return true;
  }

  private async body(): Promise<boolean> {
    const at = this.buffer.indexOf(this.bodyDelimiter);
    if (at === -1) {
      const safe = this.buffer.length - (this.bodyDelimiter.length - 1);
      if (safe > 0) await this.emit(safe);
      return false;
    }
    const verdict = delimiterVerdict(this.buffer, at + this.bodyDelimiter.length);
    if (verdict !== 'yes') {
      // Not (yet) a delimiter: pass the bytes before it on, and look again with more data.
      await this.emit(verdict === 'no' ? at + this.bodyDelimiter.length : at);
      return verdict === 'no';
    }
    await this.emit(at);
    await this.sink?.end();
    this.sink = null;
    this.buffer = this.buffer.subarray(this.bodyDelimiter.length);
    this.phase = 'after-delimiter';
    return true;
  }

  /** Hands the first `count` buffered bytes to the current part. */
  private async emit(count: number): Promise<void> {
    if (count > 0) await this.sink?.write(this.buffer.subarray(0, count));
    this.buffer = this.buffer.subarray(count);
  }
}

/** Reads a multipart body from `source`, calling `onPart` for each part and feeding its sink. */
export async function parseMultipart(source: AsyncIterable<Buffer>, boundary: string, onPart: (info: PartInfo) => PartSink): Promise<void> {
  const reader = new MultipartReader(boundary, onPart);
  for await (const chunk of source) await reader.push(chunk);
  if (reader.phase !== 'done') throw new MultipartError('multipart body ended early');
}
