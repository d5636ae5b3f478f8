/**
 * Runs the built CLI (`out/cli/pterotray.js`) as a child process. One-shot runs collect both
 * streams; long runs (`watch`, `console`) expose line waiters so tests wait on output, not time.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** Where `npm run build` puts the CLI. */
export const CLI_PATH = resolve(import.meta.dirname, '../../out/cli/pterotray.js');

/** Throws a message saying what to do when the CLI has not been built. */
export function assertCliBuilt(): void {
  if (!existsSync(CLI_PATH)) {
    throw new Error(`${CLI_PATH} does not exist: run 'npm run build' (npm test does) before the integration tests`);
  }
}

export interface CliRunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  env?: Record<string, string>;
  stdin?: string | Buffer;
  cwd?: string;
  timeoutMs?: number;
}

/** Environment for a child: no inherited PTEROTRAY_* values, plus the given ones. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('PTEROTRAY_') && value !== undefined) env[name] = value;
  }
  return { ...env, ...extra };
}

/** Runs the CLI to completion; rejects if it outlives `timeoutMs` (then it is killed). */
export function runCliProcess(args: readonly string[], options: CliRunOptions = {}): Promise<CliRunResult> {
  const child = spawnCli(args, options);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  child.stdin.end(options.stdin ?? '');
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`pterotray ${args.join(' ')} did not finish in ${options.timeoutMs ?? 30_000} ms`));
    }, options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

/** Starts the CLI with pipes for all three streams. */
export function spawnCli(args: readonly string[], options: CliRunOptions = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [CLI_PATH, ...args], { env: childEnv(options.env), cwd: options.cwd, stdio: 'pipe' });
}

/** A long-running CLI process whose output is read line by line. */
export class CliSession {
  readonly child: ChildProcessWithoutNullStreams;
  readonly stdoutLines: string[] = [];
  readonly stderrLines: string[] = [];
  private readonly waiters = new Set<() => void>();
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: readonly string[], options: CliRunOptions = {}) {
    this.child = spawnCli(args, options);
    for (const [stream, lines] of [
      [this.child.stdout, this.stdoutLines],
      [this.child.stderr, this.stderrLines],
    ] as const) {
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        lines.push(line);
        for (const wake of [...this.waiters]) wake();
      });
    }
    this.exited = new Promise((resolvePromise) => {
      this.child.on('close', (code, signal) => {
        for (const wake of [...this.waiters]) wake();
        resolvePromise({ code, signal });
      });
    });
  }

  /** Resolves with the first line of `which` matching `predicate` (already seen or to come). */
  waitForLine(which: 'stdout' | 'stderr', predicate: (line: string) => boolean, timeoutMs = 20_000): Promise<string> {
    const lines = which === 'stdout' ? this.stdoutLines : this.stderrLines;
    return new Promise((resolvePromise, reject) => {
      const check = (): boolean => {
        const found = lines.find(predicate);
        if (found === undefined) return false;
        cleanup();
        resolvePromise(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching ${which} line in ${timeoutMs} ms; stdout:\n${this.stdoutLines.join('\n')}\nstderr:\n${this.stderrLines.join('\n')}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      const wake = (): void => {
        if (!check() && this.child.exitCode !== null) {
          cleanup();
          reject(new Error(`the CLI exited (${this.child.exitCode}) before a matching ${which} line; stderr:\n${this.stderrLines.join('\n')}`));
        }
      };
      this.waiters.add(wake);
      check();
    });
  }

  /** Everything printed so far on both streams. */
  allOutput(): string {
    return [...this.stdoutLines, ...this.stderrLines].join('\n');
  }

  /** Kills the process if it is still running (afterEach safety net). */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}
