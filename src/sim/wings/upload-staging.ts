/**
 * Upload parts are staged and committed only when the whole request parsed, as Wings checks every
 * file before writing any. Small parts stay in memory; a part past `spillBytes` moves to a spill
 * file on disk, so memory stays flat whatever the upload size.
 */
import type { BlobStore, BlobWriter } from '../files/blobs';
import { memoryContent } from '../files/content';
import type { FileContent } from '../files/content';
import type { PartSink } from './multipart';

/** One finished file part. */
export interface StagedFile {
  filename: string;
  content: FileContent;
}

/** Limits and storage for one upload request. */
export interface StagingOptions {
  blobs: BlobStore;
  spillBytes: number;
  limitBytes: number;
}

/** Collects the file parts of one request. */
export class UploadStaging {
  readonly files: StagedFile[] = [];
  /** The first file over the limit, if any (the request then fails with 400). */
  tooLarge: string | null = null;
  private readonly open = new Set<BlobWriter>();

  constructor(private readonly options: StagingOptions) {}

  /** A sink for a `files` part. */
  fileSink(filename: string): PartSink {
    return new StagedPart(filename, this.options, {
      opened: (writer) => this.open.add(writer),
      closed: (writer) => this.open.delete(writer),
      finished: (file) => this.files.push(file),
      tooLarge: () => (this.tooLarge ??= filename),
    });
  }

  /** Throws away everything staged (a failed request). */
  async discardAll(): Promise<void> {
    for (const writer of this.open) await writer.abort();
    this.open.clear();
    for (const file of this.files) if (file.content.type === 'blob') this.options.blobs.release(file.content.blob);
    this.files.length = 0;
  }
}

/** What a part reports back to its staging. */
interface PartEvents {
  opened(writer: BlobWriter): void;
  closed(writer: BlobWriter): void;
  finished(file: StagedFile): void;
  tooLarge(): void;
}

/** One file part: memory first, a spill file past the threshold, dropped past the limit. */
class StagedPart implements PartSink {
  private chunks: Buffer[] = [];
  private size = 0;
  private writer: BlobWriter | null = null;
  private discarded = false;

  constructor(
    private readonly filename: string,
    private readonly options: StagingOptions,
    private readonly events: PartEvents,
  ) {}

  async write(chunk: Buffer): Promise<void> {
    if (this.discarded) return;
    this.size += chunk.length;
    if (this.size > this.options.limitBytes) {
      this.events.tooLarge();
      return this.discard();
    }
    if (this.writer) return this.writer.write(chunk);
    this.chunks.push(chunk);
    if (this.size > this.options.spillBytes) {
      this.writer = await this.options.blobs.create(Buffer.concat(this.chunks));
      this.events.opened(this.writer);
      this.chunks = [];
    }
  }

  async end(): Promise<void> {
    if (this.discarded) return;
    if (!this.writer) return this.events.finished({ filename: this.filename, content: memoryContent(Buffer.concat(this.chunks)) });
    this.events.closed(this.writer);
    this.events.finished({ filename: this.filename, content: { type: 'blob', blob: await this.writer.finish() } });
  }

  private async discard(): Promise<void> {
    this.discarded = true;
    this.chunks = [];
    if (!this.writer) return;
    this.events.closed(this.writer);
    await this.writer.abort();
    this.writer = null;
  }
}

/** A sink that drops a part (fields other than `files`). */
export const NULL_SINK: PartSink = { write: () => undefined, end: () => undefined };
