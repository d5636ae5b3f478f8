/**
 * The app's child process: `node --import register.mjs <main>` forked with an IPC channel using
 * structured-clone serialization (like Electron's IPC), stdout/stderr captured line by line.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { RpcPeer, isRpcMessage } from '../shared/rpc';

/** How the child ended. */
export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the launcher had to kill it (it did not quit in time). */
  killed: boolean;
  /** What was still open in the app when it exited (from process.getActiveResourcesInfo()). */
  activeResources?: string[];
}

export interface AppProcessOptions {
  main: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  onLine(stream: 'stdout' | 'stderr', text: string): void;
}

const REGISTER = new URL('../register.mjs', import.meta.url).href;

// Variables of the test runner that must not leak into the app (they change how Node loads code).
function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key === 'NODE_OPTIONS' || key.startsWith('VITEST') || key === 'TEST' || key === 'NODE_ENV') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function splitLines(stream: NodeJS.ReadableStream | null, emit: (text: string) => void): void {
  let pending = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) emit(line);
  });
  stream?.on('end', () => {
    if (pending) emit(pending);
  });
}

/** A running app. */
export class AppProcess {
  readonly child: ChildProcess;
  readonly peer: RpcPeer;
  readonly exited: Promise<ExitInfo>;
  private killedByLauncher = false;

  constructor(options: AppProcessOptions) {
    this.child = fork(options.main, options.args, {
      cwd: options.cwd,
      env: childEnv(options.env),
      execArgv: ['--enable-source-maps', '--import', REGISTER],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    this.peer = new RpcPeer({
      send: (message) => {
        if (!this.child.connected) throw new Error('the app is not running');
        this.child.send(message);
      },
    });
    this.child.on('message', (message: unknown) => {
      if (isRpcMessage(message)) this.peer.receive(message);
    });
    // A send racing the child's exit fails with EPIPE; the exit itself is reported through `exited`.
    this.child.on('error', (error) => options.onLine('stderr', `[electron-double launcher] ${error.message}`));
    splitLines(this.child.stdout, (text) => options.onLine('stdout', text));
    splitLines(this.child.stderr, (text) => options.onLine('stderr', text));
    // The IPC channel closes before 'exit' is emitted; an answer that races that gap has no one to reach.
    this.child.once('disconnect', () => this.peer.close('the app disconnected'));
    this.exited = new Promise<ExitInfo>((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.peer.close('the app exited');
        resolve({ code, signal, killed: this.killedByLauncher });
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  kill(): void {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.killedByLauncher = true;
    this.child.kill('SIGKILL');
  }
}
