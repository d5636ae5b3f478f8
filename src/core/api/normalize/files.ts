/**
 * `file_object` entries (pterodactyl-api.md §4.3) and the seed guide's simplified ones
 * (`mime` instead of `mimetype`, no `mode_bits`, no timestamps).
 */
import type { FileEntry } from '../models';
import { listEntries, unwrapItem } from './envelope';
import { badResponse, field, firstField, optBool, optNumber, optString, reqString } from './guards';

const SYMBOLIC_MODE = /^[r-][w-][xsS-][r-][w-][xsS-][r-][w-][xtT-]$/;

/**
 * `mode_bits` as three octal digits whatever Wings sends: it formats them without padding (`"44"`,
 * `"0"`), and some docs show `"0644"` (panel-versions.md, "Older panels still in use"). Anything
 * not octal falls back to the symbolic `mode`.
 */
export function normalizeModeBits(modeBits: string | null, mode: string): string {
  if (modeBits !== null && /^[0-7]{1,4}$/.test(modeBits)) return modeBits.padStart(3, '0').slice(-3);
  return modeBitsFromMode(mode);
}

/**
 * Octal permission bits (`"644"`) from a mode: symbolic (`-rw-r--r--`, `drwxr-xr-x`, or the
 * seed's 9-character `rw-r--r--`) or already octal (`"0755"`). Returns `""` when unreadable.
 */
export function modeBitsFromMode(mode: string): string {
  const octal = /^[0-7]{3,4}$/.exec(mode);
  if (octal) return mode.slice(-3);
  const perms = mode.slice(-9);
  if (!SYMBOLIC_MODE.test(perms)) return '';
  let digits = '';
  for (let triad = 0; triad < 3; triad += 1) {
    const [r, w, x] = perms.slice(triad * 3, triad * 3 + 3);
    // `s`/`t` mean setuid/sticky *and* executable; `S`/`T` mean the bit without execute.
    const value = (r === 'r' ? 4 : 0) + (w === 'w' ? 2 : 0) + (x === 'x' || x === 's' || x === 't' ? 1 : 0);
    digits += String(value);
  }
  return digits;
}

/**
 * False for names a hostile panel could use to escape a directory when the name is joined to a
 * local or remote path (`..`, `a/b`, NUL). Real Wings never lists such names.
 */
export function isSafeFileName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !name.includes('/') && !name.includes('\0');
}

/** One file entry, wrapped or not, real or simplified. */
export function normalizeFileEntry(raw: unknown): FileEntry {
  const a = unwrapItem(raw, 'file');
  const name = reqString(a, 'name', 'file');
  if (!isSafeFileName(name)) throw badResponse('a file name is empty, a dot name, or contains "/"');
  const mode = optString(field(a, 'mode'), '');
  const isFileRaw = optBool(firstField(a, ['is_file', 'file']), null);
  const mimeRaw = optString(firstField(a, ['mimetype', 'mime']), null);
  const isFile = isFileRaw ?? (mimeRaw === null ? !mode.startsWith('d') : mimeRaw !== 'inode/directory');
  return {
    name,
    mode,
    modeBits: normalizeModeBits(optString(field(a, 'mode_bits'), null), mode),
    sizeBytes: Math.max(0, optNumber(field(a, 'size'), 0)),
    isFile,
    isSymlink: optBool(firstField(a, ['is_symlink', 'symlink']), false),
    mimetype: mimeRaw ?? (isFile ? 'application/octet-stream' : 'inode/directory'),
    createdAt: optString(firstField(a, ['created_at', 'created']), null),
    modifiedAt: optString(firstField(a, ['modified_at', 'modified']), null),
  };
}

/**
 * A `files/list` body. Entries with unsafe names are dropped (see isSafeFileName); any other
 * malformed entry fails the whole answer.
 */
export function normalizeFileList(raw: unknown): FileEntry[] {
  const out: FileEntry[] = [];
  for (const entry of listEntries(raw, 'file')) {
    const a = unwrapItem(entry, 'file');
    const name = field(a, 'name');
    if (typeof name === 'string' && !isSafeFileName(name)) continue;
    out.push(normalizeFileEntry(a));
  }
  return out;
}
