/**
 * Mimetypes as Wings reports them: sniffed from the content (gabriel-vasile/mimetype), so text
 * comes with `; charset=utf-8`. Only the types the app and the React UI care about are told apart.
 */

const TEXT_SAMPLE_BYTES = 3072;

function looksLikeText(head: Buffer): boolean {
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
  }
  // A multi-byte character cut at the sample's end is fine; anything else invalid is binary.
  const text = head.toString('utf8');
  return !text.slice(0, -2).includes('\ufffd');
}

/** The bytes to read from a file for `sniffMime`. */
export const MIME_SNIFF_BYTES = TEXT_SAMPLE_BYTES;

/** The mimetype of a file from its name and first bytes. */
export function sniffMime(name: string, head: Buffer): string {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) {
    return name.endsWith('.jar') ? 'application/jar' : 'application/zip';
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return 'application/gzip';
  if (head.length >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'application/x-tar';
  if (head.length >= 8 && head.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (head.length === 0) return 'inode/x-empty';
  if (!looksLikeText(head)) return 'application/octet-stream';
  if (head.toString('latin1', 0, 2) === '#!') return 'text/x-shellscript';
  const trimmed = head.toString('utf8').trimStart();
  if (name.endsWith('.json') && (trimmed.startsWith('{') || trimmed.startsWith('['))) return 'application/json';
  return 'text/plain; charset=utf-8';
}

/** The mimetype Wings gives a directory. */
export const DIRECTORY_MIME = 'inode/directory';
