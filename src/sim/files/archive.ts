/**
 * A minimal ustar writer and reader. Compress makes a real `.tar` (any archive format is fine for
 * the sim; an uncompressed tar has a size known up front, so it can be streamed with a
 * Content-Length). Names that do not fit ustar, or are not ASCII, get a PAX `path` record.
 */
import { gunzipSync } from 'node:zlib';
import type { ArchiveEntry } from './content-types';

const BLOCK = 512;
/** Two zero blocks end a tar. */
export const TAR_END_BYTES = 2 * BLOCK;

/** Zero bytes after `size` bytes of data, up to the next 512-byte block. */
export function tarPaddingBytes(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function ustarBlock(options: { name: string; modeBits: number; size: number; mtimeMs: number; type: string }): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(options.name, 0, 100, 'utf8');
  block.write(octal(options.modeBits, 8), 100, 'latin1');
  block.write(octal(0, 8), 108, 'latin1');
  block.write(octal(0, 8), 116, 'latin1');
  block.write(octal(options.size, 12), 124, 'latin1');
  block.write(octal(Math.floor(options.mtimeMs / 1000), 12), 136, 'latin1');
  block.write('        ', 148, 'latin1');
  block.write(options.type, 156, 'latin1');
  block.write('ustar\0' + '00', 257, 'latin1');
  block.write('container', 265, 'latin1');
  block.write('container', 297, 'latin1');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(octal(sum, 7) + ' ', 148, 'latin1');
  return block;
}

function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bodyBytes = Buffer.byteLength(body);
  let length = bodyBytes + 1;
  while (String(length).length + bodyBytes !== length) length++;
  return Buffer.from(`${length}${body}`, 'utf8');
}

/** The header block(s) for one entry: a PAX record first when the name needs it. */
export function tarHeader(entry: ArchiveEntry, size: number): Buffer {
  const name = entry.kind === 'dir' ? `${entry.path}/` : entry.path;
  const type = entry.kind === 'dir' ? '5' : '0';
  const header = ustarBlock({ name, modeBits: entry.modeBits, size, mtimeMs: entry.mtimeMs, type });
  // eslint-disable-next-line no-control-regex -- ASCII range check, control characters included on purpose
  if (Buffer.byteLength(name) <= 100 && /^[\x00-\x7f]*$/.test(name)) return header;
  const record = paxRecord('path', name);
  const pax = ustarBlock({ name: 'PaxHeader', modeBits: 0o644, size: record.length, mtimeMs: entry.mtimeMs, type: 'x' });
  return Buffer.concat([pax, record, Buffer.alloc(tarPaddingBytes(record.length)), header]);
}

/** A parsed entry; `data` is null for directories. */
export interface ParsedTarEntry {
  path: string;
  kind: 'dir' | 'file';
  modeBits: number;
  mtimeMs: number;
  data: Buffer | null;
}

function readString(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
}

function readOctal(block: Buffer, start: number, length: number): number {
  const text = readString(block, start, length).trim();
  return text === '' ? 0 : parseInt(text, 8);
}

function paxPath(data: Buffer): string | null {
  const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
  return match?.[1] ?? null;
}

/** Reads a tar (gzipped or not); null when the bytes are not a tar the sim understands. */
export function parseTar(input: Buffer): ParsedTarEntry[] | null {
  let tar = input;
  if (tar[0] === 0x1f && tar[1] === 0x8b) {
    try {
      tar = gunzipSync(tar);
    } catch {
      return null;
    }
  }
  if (tar.length < BLOCK || tar.toString('latin1', 257, 262) !== 'ustar') return null;
  const entries: ParsedTarEntry[] = [];
  let offset = 0;
  let pendingPath: string | null = null;
  while (offset + BLOCK <= tar.length) {
    const block = tar.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    const size = readOctal(block, 124, 12);
    const type = String.fromCharCode(block[156] ?? 0);
    const data = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + size + tarPaddingBytes(size);
    if (type === 'x') {
      pendingPath = paxPath(data);
      continue;
    }
    const prefix = readString(block, 345, 155);
    const rawName = pendingPath ?? (prefix ? `${prefix}/${readString(block, 0, 100)}` : readString(block, 0, 100));
    pendingPath = null;
    const isDir = type === '5' || rawName.endsWith('/');
    if (!isDir && type !== '0' && type !== '\0') continue; // links and devices: Wings would skip them too
    entries.push({
      path: rawName.replace(/\/+$/, ''),
      kind: isDir ? 'dir' : 'file',
      modeBits: readOctal(block, 100, 8) & 0o777,
      mtimeMs: readOctal(block, 136, 12) * 1000,
      data: isDir ? null : Buffer.from(data),
    });
  }
  return entries;
}
