/**
 * `app.requestSingleInstanceLock()` as a real lock between processes sharing a userData dir, the
 * way Chromium's ProcessSingleton does it on Linux: a `SingletonLock` file in userData naming the
 * owner's pid and a unix socket; a second instance sends its argv over the socket, synchronously
 * (Electron's call blocks too), then gets `false`.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a second instance tells the first. */
export interface SecondInstanceMessage {
  argv: string[];
  workingDirectory: string;
  additionalData: unknown;
}

interface LockOwner {
  pid: number;
  socket: string;
}

// Runs in a throwaway node process so the caller can wait for the first instance synchronously.
const NOTIFY_SCRIPT = `
const s = require('node:net').connect(process.argv[1]);
let acked = false;
s.on('connect', () => s.end(process.argv[2]));
s.on('data', () => { acked = true; s.destroy(); });
s.on('close', () => process.exit(acked ? 0 : 1));
s.on('error', () => process.exit(2));
setTimeout(() => process.exit(3), 5000).unref();
`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.socket === 'string' ? { pid: owner.pid, socket: owner.socket } : undefined;
  } catch {
    return undefined;
  }
}

function notifyOwner(owner: LockOwner, message: SecondInstanceMessage): boolean {
  const result = spawnSync(process.execPath, ['-e', NOTIFY_SCRIPT, owner.socket, JSON.stringify(message)], {
    stdio: 'ignore',
    timeout: 6000,
    env: { PATH: process.env.PATH ?? '' },
  });
  return result.status === 0;
}

/** The lock of one app process. */
export class SingleInstanceLock {
  private server: Server | undefined;
  private lockPath: string | undefined;
  private socketPath: string | undefined;

  constructor(private readonly onSecondInstance: (message: SecondInstanceMessage) => void) {
    process.on('exit', () => this.releaseFiles());
  }

  get held(): boolean {
    return this.server !== undefined;
  }

  /** True when this process now holds the lock; false after handing argv to the holder. */
  request(userData: string, additionalData: unknown): boolean {
    if (this.held) return true;
    mkdirSync(userData, { recursive: true });
    const lockPath = join(userData, 'SingletonLock');
    const message = { argv: process.argv, workingDirectory: process.cwd(), additionalData: additionalData ?? {} };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (this.tryAcquire(lockPath)) return true;
      const owner = readOwner(lockPath);
      if (owner && isAlive(owner.pid) && notifyOwner(owner, message)) return false;
      if (owner && isAlive(owner.pid)) continue; // Its socket was not up yet: ask again.
      // Stale: the holder died without cleaning up (e.g. SIGKILL).
      if (owner) rmSync(owner.socket, { force: true });
      rmSync(lockPath, { force: true });
    }
    return false;
  }

  /** Gives the lock up; another instance may then take it. */
  release(): void {
    this.server?.close();
    this.server = undefined;
    this.releaseFiles();
  }

  // Next to the lock, like Chromium's SingletonSocket link, so it goes away with the user data
  // dir; unix socket paths are limited to ~107 bytes, so long dirs fall back to the temp dir.
  private socketPathFor(lockPath: string): string {
    const beside = `${lockPath.replace(/SingletonLock$/, 'SingletonSocket')}.${process.pid}`;
    return Buffer.byteLength(beside) < 100 ? beside : join(tmpdir(), `electron-double-${process.pid}-${randomBytes(4).toString('hex')}.sock`);
  }

  private tryAcquire(lockPath: string): boolean {
    const socketPath = this.socketPathFor(lockPath);
    rmSync(socketPath, { force: true }); // A leftover of an earlier process with our pid would block listen().
    const server = createServer((socket) => this.accept(socket));
    // Listening on a unix socket binds synchronously, so the socket answers as soon as the lock is visible.
    server.listen(socketPath);
    server.unref();
    const draft = `${lockPath}.${process.pid}`;
    writeFileSync(draft, JSON.stringify({ pid: process.pid, socket: socketPath } satisfies LockOwner));
    try {
      linkSync(draft, lockPath); // Atomic: fails if another instance got there first.
    } catch {
      server.close();
      rmSync(socketPath, { force: true });
      return false;
    } finally {
      rmSync(draft, { force: true });
    }
    this.server = server;
    this.lockPath = lockPath;
    this.socketPath = socketPath;
    return true;
  }

  private accept(socket: Socket): void {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('end', () => {
      socket.end('ACK');
      try {
        this.onSecondInstance(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SecondInstanceMessage);
      } catch (error) {
        process.stderr.write(`electron-double: bad second-instance message: ${String(error)}\n`);
      }
    });
  }

  private releaseFiles(): void {
    if (this.lockPath && readOwner(this.lockPath)?.pid === process.pid) rmSync(this.lockPath, { force: true });
    if (this.socketPath) rmSync(this.socketPath, { force: true });
    this.lockPath = undefined;
    this.socketPath = undefined;
  }
}
