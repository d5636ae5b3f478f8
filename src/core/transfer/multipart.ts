/**
 * The multipart/form-data envelope of a Wings upload: one part named `files`. Built by hand so
 * the body can stream from disk with an exact Content-Length.
 */
import { randomBytes } from 'node:crypto';

/** The bytes around the file content. */
export interface MultipartEnvelope {
  boundary: string;
  contentType: string;
  head: Buffer;
  tail: Buffer;
}

/** RFC 8187 attr-chars; everything else in `filename*` is percent-encoded as UTF-8. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

/**
 * The Content-Disposition value for a file part. `filename*=UTF-8''…` carries the exact name
 * (Go's mime.ParseMediaType, which Wings uses, prefers it); `filename="…"` is an ASCII fallback
 * for parsers that ignore the extended form.
 */
export function contentDisposition(fileName: string): string {
  return `form-data; name="files"; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
}

/** Percent-encodes a value for an RFC 8187 ext-value. */
export function encodeExtValue(value: string): string {
  let out = '';
  for (const char of value) {
    if (ATTR_CHAR.test(char)) out += char;
    else for (const byte of Buffer.from(char, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** A quoted-string body: printable ASCII only, with `"` and `\` escaped. */
function asciiFallback(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, (c) => `\\${c}`);
}

/**
 * The envelope for one file. The boundary is random (a file's bytes cannot contain it by
 * accident with any real chance) and free of characters that would need quoting.
 */
export function buildEnvelope(fileName: string): MultipartEnvelope {
  const boundary = `----PterotrayFormBoundary${randomBytes(16).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\n` + `Content-Disposition: ${contentDisposition(fileName)}\r\n` + 'Content-Type: application/octet-stream\r\n\r\n',
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { boundary, contentType: `multipart/form-data; boundary=${boundary}`, head, tail };
}

/** Appends `directory` to a signed upload URL (Wings reads it next to `token`). */
export function uploadUrlWithDirectory(url: URL, directory: string): URL {
  const withDirectory = new URL(url.href);
  const query = withDirectory.search ? `${withDirectory.search}&` : '?';
  withDirectory.search = `${query}directory=${encodeURIComponent(directory)}`;
  return withDirectory;
}
