/**
 * Large uploads live on disk, not in memory: a 1 GiB upload must not take 1 GiB of RAM. Each blob
 * is a temp file with a reference count (a file, its copies and archives that contain it share
 * one blob); the file is unlinked when the last reference goes and the directory at `close()`.
 */
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { mkdtemp, open, rm, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A file's bytes in the spill directory. */
export interface Blob {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  refs: number;
}

/** An open spill file being written. */
export interface BlobWriter {
  write(chunk: Buffer): Promise<void>;
  /** Closes the file and returns the blob with one reference. */
  finish(): Promise<Blob>;
  /** Closes and deletes the partial file. */
  abort(): Promise<void>;
}

/** The spill directory, created on first use. */
export class BlobStore {
  private dir: Promise<string> | null = null;
  private counter = 0;

  private directory(): Promise<string> {
    this.dir ??= mkdtemp(join(tmpdir(), 'pterotray-sim-'));
    return this.dir;
  }

  /** Starts a new blob, optionally with bytes already received. */
  async create(initial?: Buffer): Promise<BlobWriter> {
    const path = join(await this.directory(), `blob-${++this.counter}`);
    const handle = await open(path, 'w');
    const hash = createHash('sha256');
    const writer = new SpillWriter(path, handle, hash);
    if (initial && initial.length > 0) await writer.write(initial);
    return writer;
  }

  /** Adds a reference. */
  retain(blob: Blob): void {
    blob.refs++;
  }

  /** Drops a reference; the last one deletes the file. */
  release(blob: Blob): void {
    blob.refs--;
    if (blob.refs <= 0) unlink(blob.path).catch(() => undefined);
  }

  /** Deletes the spill directory and everything in it. */
  async close(): Promise<void> {
    if (!this.dir) return;
    const dir = await this.dir.catch(() => null);
    this.dir = null;
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

class SpillWriter implements BlobWriter {
  private size = 0;

  constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    private readonly hash: Hash,
  ) {}

  async write(chunk: Buffer): Promise<void> {
    this.hash.update(chunk);
    this.size += chunk.length;
    let offset = 0;
    while (offset < chunk.length) {
      const { bytesWritten } = await this.handle.write(chunk, offset, chunk.length - offset);
      offset += bytesWritten;
    }
  }

  async finish(): Promise<Blob> {
    await this.handle.close();
    return { path: this.path, size: this.size, sha256: this.hash.digest('hex'), refs: 1 };
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await unlink(this.path).catch(() => undefined);
  }
}
