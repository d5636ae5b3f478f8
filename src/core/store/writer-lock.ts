/**
 * One writer per history file. The app and `pterotray daemon` on one machine would otherwise both
 * record every sample, rebuild each other's open buckets, and both deliver every alert from the
 * one queue. The writer holds `<store>.lock` (its pid and what it is) while it runs; a lock whose
 * process is gone (a crash, a kill) is taken over. Readers (`pterotray history`, `incidents`)
 * never take it: WAL lets them read beside the writer.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

export type WriterKind = 'app' | 'daemon';

export interface LockHolder {
  pid: number;
  kind: WriterKind;
  sinceMs: number;
}

export interface WriterLock {
  readonly path: string;
  /** Removes the lock if it is still ours. */
  release(): void;
}

export type ClaimResult = { ok: true; lock: WriterLock } | { ok: false; holder: LockHolder };

export interface ClaimOptions {
  kind: WriterKind;
  pid?: number;
  now?: () => number;
  /** Whether a process with this pid runs (default: signal 0, which checks without signalling). */
  isAlive?: (pid: number) => boolean;
}

export function lockPathOf(storePath: string): string {
  return `${storePath}.lock`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof raw.pid !== 'number' || !Number.isInteger(raw.pid) || raw.pid <= 0) return null;
    return { pid: raw.pid, kind: raw.kind === 'daemon' ? 'daemon' : 'app', sinceMs: typeof raw.sinceMs === 'number' ? raw.sinceMs : 0 };
  } catch {
    return null;
  }
}

/** Takes the lock of `storePath`, or says who holds it. An in-memory store needs none. */
export function claimWriter(storePath: string, options: ClaimOptions): ClaimResult {
  const pid = options.pid ?? process.pid;
  const isAlive = options.isAlive ?? processIsAlive;
  const path = lockPathOf(storePath);
  const mine: LockHolder = { pid, kind: options.kind, sinceMs: (options.now ?? Date.now)() };
  const lock: WriterLock = {
    path,
    release: () => {
      if (readHolder(path)?.pid !== pid) return;
      try {
        unlinkSync(path);
      } catch {
        // Gone already.
      }
    },
  };
  if (storePath === ':memory:') return { ok: true, lock: { path, release: () => {} } };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify(mine)}\n`, { flag: 'wx', mode: 0o600 });
      return { ok: true, lock };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder && holder.pid !== pid && isAlive(holder.pid)) return { ok: false, holder };
    // Left by a process that is gone (or unreadable, or our own pid from a past life): take it over.
    try {
      unlinkSync(path);
    } catch {
      // Another starter took it over first; the next attempt tells.
    }
  }
  const holder = readHolder(path);
  if (holder) return { ok: false, holder };
  throw new Error(`could not take ${path}: another process keeps making and removing it`);
}

/** Who holds the lock, as a person reads it. */
export function holderText(holder: LockHolder): string {
  return holder.kind === 'daemon' ? `pterotray daemon (pid ${holder.pid})` : `the Pterotray app (pid ${holder.pid})`;
}
