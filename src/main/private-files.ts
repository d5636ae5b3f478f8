/**
 * Files only the user may read: the settings and the log say which panels the user has and what
 * happened on them, so they are 0600 in folders of 0700 (issue 11; POSIX modes, which Windows
 * ignores: its profile folder is the user's own). The log is bounded: it rotates at a size and
 * keeps a few files.
 */
import { chmodSync, closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates `dir` (0700) or makes an existing one private. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes an existing file private (one written 0644 by an older version); nothing when it is not there. */
export function privateFile(path: string): void {
  if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}

export interface RotatingLogOptions {
  dir: string;
  /** `pterotray.log`; older ones are `pterotray.log.1` (newest) … `.keep`. */
  name: string;
  maxBytes: number;
  /** Older files kept besides the current one. */
  keep: number;
}

/** An append-only log file that moves aside when it reaches `maxBytes`. Synchronous: a line is on disk when write returns. */
export class RotatingLog {
  readonly path: string;
  private fd: number;
  private size: number;

  constructor(private readonly options: RotatingLogOptions) {
    privateDir(options.dir);
    this.path = join(options.dir, options.name);
    this.fd = this.open();
    this.size = fstatSync(this.fd).size;
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.options.maxBytes) this.rotate();
    writeSync(this.fd, line);
    this.size += bytes;
  }

  close(): void {
    closeSync(this.fd);
  }

  private open(): number {
    const fd = openSync(this.path, 'a', PRIVATE_FILE_MODE);
    chmodSync(this.path, PRIVATE_FILE_MODE);
    return fd;
  }

  private rotate(): void {
    closeSync(this.fd);
    const aged = (n: number): string => `${this.path}.${n}`;
    rmSync(aged(this.options.keep), { force: true });
    for (let n = this.options.keep - 1; n >= 1; n--) if (existsSync(aged(n))) renameSync(aged(n), aged(n + 1));
    if (this.options.keep >= 1) renameSync(this.path, aged(1));
    else rmSync(this.path, { force: true });
    this.fd = this.open();
    this.size = 0;
  }
}
