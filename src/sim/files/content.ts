/**
 * Where a file's bytes live: in memory (small files), generated on the fly (large test files),
 * in a spill file on disk (large uploads) or as a tar built from a snapshot (archives). Streams
 * never hold a large file in memory.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { TAR_END_BYTES, tarHeader, tarPaddingBytes } from './archive';
import type { ArchiveEntry, FileContent } from './content-types';
import type { BlobStore } from './blobs';
import { patternChunks, patternSlice } from './pattern';

export type { ArchiveEntry, FileContent } from './content-types';

/** Files above this are never read whole into memory. */
export const MAX_WHOLE_READ_BYTES = 64 * 1024 * 1024;

/** Wraps bytes. */
export function memoryContent(data: Buffer | string): FileContent {
  return { type: 'memory', data: typeof data === 'string' ? Buffer.from(data, 'utf8') : data };
}

/** The byte size of a content. */
export function contentSize(content: FileContent): number {
  switch (content.type) {
    case 'memory':
      return content.data.length;
    case 'pattern':
      return content.size;
    case 'blob':
      return content.blob.size;
    case 'archive':
      return content.size;
  }
}

/** A tar archive of `entries`, its size computed up front so listings and Content-Length agree. */
export function archiveContent(entries: ArchiveEntry[]): FileContent {
  let size = TAR_END_BYTES;
  for (const entry of entries) {
    const bytes = entry.content ? contentSize(entry.content) : 0;
    size += tarHeader(entry, bytes).length + bytes + tarPaddingBytes(bytes);
  }
  return { type: 'archive', entries, size };
}

function* archiveChunksSync(entries: ArchiveEntry[]): Generator<Buffer> {
  for (const entry of entries) {
    const bytes = entry.content ? contentSize(entry.content) : 0;
    yield tarHeader(entry, bytes);
    if (entry.content) yield readContent(entry.content);
    yield Buffer.alloc(tarPaddingBytes(bytes));
  }
  yield Buffer.alloc(TAR_END_BYTES);
}

async function* contentChunks(content: FileContent): AsyncGenerator<Buffer> {
  switch (content.type) {
    case 'memory':
      yield content.data;
      return;
    case 'pattern':
      yield* patternChunks(content.seed, content.text, 0, content.size);
      return;
    case 'blob':
      for await (const chunk of createReadStream(content.blob.path, { highWaterMark: 64 * 1024 })) yield chunk as Buffer;
      return;
    case 'archive':
      for (const entry of content.entries) {
        const bytes = entry.content ? contentSize(entry.content) : 0;
        yield tarHeader(entry, bytes);
        if (entry.content) yield* contentChunks(entry.content);
        yield Buffer.alloc(tarPaddingBytes(bytes));
      }
      yield Buffer.alloc(TAR_END_BYTES);
  }
}

/** A stream of the whole content, with backpressure. */
export function openContent(content: FileContent): Readable {
  return Readable.from(contentChunks(content), { objectMode: false });
}

/** The whole content as one buffer; throws above MAX_WHOLE_READ_BYTES. */
export function readContent(content: FileContent): Buffer {
  const size = contentSize(content);
  if (size > MAX_WHOLE_READ_BYTES) throw new RangeError(`content of ${size} bytes is too large to read whole`);
  switch (content.type) {
    case 'memory':
      return content.data;
    case 'pattern':
      return patternSlice(content.seed, content.text, 0, content.size);
    case 'blob':
      return readFileSync(content.blob.path);
    case 'archive':
      return Buffer.concat([...archiveChunksSync(content.entries)]);
  }
}

/** The first `count` bytes (for mimetype sniffing), without reading the rest. */
export function headContent(content: FileContent, count: number): Buffer {
  const size = Math.min(count, contentSize(content));
  switch (content.type) {
    case 'memory':
      return content.data.subarray(0, size);
    case 'pattern':
      return patternSlice(content.seed, content.text, 0, size);
    case 'blob': {
      const fd = openSync(content.blob.path, 'r');
      try {
        const buffer = Buffer.alloc(size);
        readSync(fd, buffer, 0, size, 0);
        return buffer;
      } finally {
        closeSync(fd);
      }
    }
    case 'archive': {
      const first = content.entries[0];
      return first ? tarHeader(first, first.content ? contentSize(first.content) : 0).subarray(0, size) : Buffer.alloc(size);
    }
  }
}

/** sha256 (hex), streamed; spill files already know theirs. */
export async function contentSha256(content: FileContent): Promise<string> {
  if (content.type === 'blob') return content.blob.sha256;
  const hash = createHash('sha256');
  for await (const chunk of contentChunks(content)) hash.update(chunk);
  return hash.digest('hex');
}

/** Adds a reference to every spill file the content uses (copies and archives share them). */
export function retainContent(content: FileContent, blobs: BlobStore): void {
  if (content.type === 'blob') blobs.retain(content.blob);
  if (content.type === 'archive') for (const entry of content.entries) if (entry.content) retainContent(entry.content, blobs);
}

/** Drops the references `retainContent` added. */
export function releaseContent(content: FileContent, blobs: BlobStore): void {
  if (content.type === 'blob') blobs.release(content.blob);
  if (content.type === 'archive') for (const entry of content.entries) if (entry.content) releaseContent(entry.content, blobs);
}
