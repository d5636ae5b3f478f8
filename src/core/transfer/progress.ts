/** Counting bytes as they stream past, for progress and truncation checks. */
import type { ProgressCallback } from './types';

/** Counts the chunks of a stream (`stream.on('data', counter.add)`) and reports progress after each. */
export class ByteCounter {
  bytes = 0;

  constructor(
    private readonly totalBytes: number | null,
    private readonly onProgress: ProgressCallback | undefined,
  ) {}

  readonly add = (chunk: Buffer): void => {
    this.bytes += chunk.length;
    reportProgress(this.onProgress, this.bytes, this.totalBytes);
  };
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
