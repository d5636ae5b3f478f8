/** Counting bytes as they stream past, for progress and truncation checks. */
import { Transform, type TransformCallback } from 'node:stream';
import type { ProgressCallback } from './types';

/** A pass-through that counts bytes and reports progress after each chunk. */
export class ByteCounter extends Transform {
  bytes = 0;

  constructor(
    private readonly totalBytes: number | null,
    private readonly onProgress: ProgressCallback | undefined,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    reportProgress(this.onProgress, this.bytes, this.totalBytes);
    callback(null, chunk);
  }
}

/** Calls the callback; a throwing progress UI must not break the transfer itself. */
export function reportProgress(cb: ProgressCallback | undefined, bytes: number, total: number | null): void {
  if (!cb) return;
  try {
    cb(bytes, total);
  } catch {
    // Deliberately ignored: progress is advisory.
  }
}
