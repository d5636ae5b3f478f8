// One sim version is enough: the README's commands open the demo panel, which is the sim's default on purpose.
/**
 * The README's commands, exactly as a user types them, through npm: `npm run demo`, `npm start`
 * and `npm run dev`. Electron is the stand-in executable (test/electron-double/bin/electron),
 * reached the way a user's Electron is: ELECTRON_EXEC_PATH, which scripts/run-electron.mjs and
 * electron-vite honour. Each must open the window on what the README promises; a command that
 * cannot get Electron must say why in one line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasSecretService, startAppOnSim } from './helpers/app-on-sim';

const STAND_IN = resolve('test/electron-double/bin/electron');
const SHOTS = resolve('test-results/screenshots');

interface Ready {
  platform: string;
  url: string;
  title: string;
  text: string;
  tray: string | null;
  cssRules: number;
  /** The Node version main ran on. */
  node: string;
}

/** Electron 45 bundles Node 24 (electron-vite's getElectronNodeTarget table: 42–44 → 24.x). */
const ELECTRON_NODE_MAJOR = 24;
const runnerNodeMajor = Number(process.versions.node.split('.')[0]);
if (runnerNodeMajor !== ELECTRON_NODE_MAJOR) {
  console.warn(
    `\n!!! SKIPPED: main runs on this Node (${process.version}), not Electron 45's Node ${ELECTRON_NODE_MAJOR}; .ci/run puts Node ${ELECTRON_NODE_MAJOR} first on PATH.\n`,
  );
}
let demoReport: Ready | undefined;

interface Run {
  child: ChildProcess;
  output(): string;
  /** The stand-in's "ready" report, or its "failed" reason as a rejection. */
  ready: Promise<Ready>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Every process that inherited npm's output has ended (the pipes' write ends are all closed). */
  drained: Promise<void>;
  /** Ctrl+C in the terminal: SIGINT to the whole process group npm leads. */
  interrupt(): void;
}

const runs: Run[] = [];
const homes: string[] = [];

function npm(args: string[], env: Record<string, string>): Run {
  const child = spawn('npm', args, { cwd: process.cwd(), env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  let settle: { resolve(r: Ready): void; reject(e: Error): void } | undefined;
  const ready = new Promise<Ready>((resolve, reject) => (settle = { resolve, reject }));
  // A run that is expected to fail never awaits `ready`: its rejection is not an error then.
  ready.catch(() => {});
  const onData = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    const match = /electron-double: (ready|failed) (.*)\n/.exec(text);
    if (!match || !settle) return;
    const s = settle;
    settle = undefined;
    if (match[1] === 'ready') s.resolve(JSON.parse(match[2]!) as Ready);
    else s.reject(new Error(`the stand-in says: ${match[2]}`));
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      settle?.reject(new Error(`npm ${args.join(' ')} exited (${String(code ?? signal)}) before a window opened:\n${text.slice(-3000)}`));
      resolve({ code, signal });
    }),
  );
  const closed = (stream: NodeJS.ReadableStream): Promise<void> => new Promise((resolve) => stream.once('close', () => resolve()));
  const run: Run = {
    child,
    output: () => text,
    ready,
    exited,
    drained: Promise.all([closed(child.stdout!), closed(child.stderr!)]).then(() => undefined),
    interrupt: () => {
      try {
        process.kill(-child.pid!, 'SIGINT');
      } catch {
        // Already gone.
      }
    },
  };
  runs.push(run);
  return run;
}

function home(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pterotray-readme-'));
  homes.push(dir);
  return dir;
}

/**
 * The processes of the group npm led that are still running (Linux /proc), zombies left out: an
 * exited process whose parent was reparented to a PID 1 that does not reap is not running.
 */
function liveInGroup(pgid: number): string[] {
  const live: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so split after the last ')'.
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(after[2]) === pgid && after[0] !== 'Z') live.push(`${pid} ${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}`);
  }
  return live;
}

afterEach(async () => {
  for (const run of runs.splice(0)) {
    if (run.child.exitCode === null && run.child.signalCode === null) {
      run.interrupt();
      await run.exited;
    }
    await run.drained;
  }
  for (const dir of homes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const standIn = (readyText: string, screenshot: string): Record<string, string> => {
  mkdirSync(SHOTS, { recursive: true });
  return {
    ELECTRON_EXEC_PATH: STAND_IN,
    ELECTRON_DOUBLE_HOME: home(),
    ELECTRON_DOUBLE_READY_TEXT: readyText,
    ELECTRON_DOUBLE_SCREENSHOT: join(SHOTS, screenshot),
    PTEROTRAY_QUIET: '1',
  };
};

describe('the README’s commands, through npm', () => {
  it('npm run demo builds, starts Electron, and opens the window on the demo panel’s servers', async () => {
    const run = npm(['run', 'demo'], standIn('Demo panel', 'readme-npm-run-demo.png'));
    const ready = await run.ready;
    demoReport = ready;
    expect(ready.url).toBe('app://pterotray/index.html');
    expect(ready.text).toContain('Demo panel');
    expect(ready.text).toMatch(/\b8 servers\b/);
    expect(ready.tray).toMatch(/servers/);
    expect(ready.cssRules).toBeGreaterThan(50);
    // Ctrl+C ends all of it: npm, electron-vite, Electron and the app.
    run.interrupt();
    await run.exited;
    await run.drained;
    expect(liveInGroup(run.child.pid!)).toEqual([]);
  });

  it.skipIf(runnerNodeMajor !== ELECTRON_NODE_MAJOR)('runs main on Electron 45’s Node major', () => {
    expect(demoReport, 'npm run demo ran first').toBeDefined();
    expect(Number(demoReport!.node.split('.')[0])).toBe(ELECTRON_NODE_MAJOR);
  });

  it('npm start opens the first-run screen when no panel is configured', async () => {
    const run = npm(['start'], standIn('Welcome to Pterotray', 'readme-npm-start.png'));
    const ready = await run.ready;
    expect(ready.text).toContain('Welcome to Pterotray');
    expect(ready.text).not.toContain('Demo panel');
  });

  it.skipIf(!hasSecretService)('npm start opens on the configured panel: the app starts in the tray, and its icon opens the servers', async () => {
    // A panel added the way onboarding adds it (its key in the keychain), then the app quit.
    const configured = home();
    const setup = await startAppOnSim({ launch: { home: configured } });
    try {
      await setup.app.close();
      const run = npm(['start'], {
        ...standIn('Test panel', 'readme-npm-start-configured.png'),
        ELECTRON_DOUBLE_HOME: configured,
        ELECTRON_DOUBLE_OPEN_FROM_TRAY: '1',
      });
      const ready = await run.ready;
      expect(ready.text).toContain('Test panel');
      expect(ready.text).not.toContain('Welcome to Pterotray');
      for (const server of setup.sim.control.servers()) expect(ready.text).toContain(server.name);
      expect(ready.tray).toMatch(/of 4 servers/);
    } finally {
      await setup.sim.close();
    }
  });

  it('npm run dev serves the window from electron-vite’s dev server', async () => {
    const run = npm(['run', 'dev'], standIn('Welcome to Pterotray', 'readme-npm-run-dev.png'));
    const ready = await run.ready;
    expect(ready.url).toMatch(/^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+\/?$/);
    expect(ready.text).toContain('Welcome to Pterotray');
    // The dev server injects styles from script; the page's CSP must let them apply.
    expect(ready.cssRules).toBeGreaterThan(50);
  });

  it('says in one line why there is no Electron to run, with no stack trace, and exits 1', async () => {
    const empty = home();
    const run = npm(['run', 'demo'], { ELECTRON_EXEC_PATH: '', ELECTRON_OVERRIDE_DIST_PATH: empty });
    const { code } = await run.exited;
    expect(code).toBe(1);
    const said = run
      .output()
      .split('\n')
      .filter((line) => line.startsWith('pterotray:'));
    expect(said).toEqual([`pterotray: no Electron to run: ELECTRON_OVERRIDE_DIST_PATH=${empty} has no electron.`]);
    expect(run.output()).not.toMatch(/^\s+at /m);
    expect(run.output()).not.toMatch(/Electron uninstall/);
  });

  it('refuses a Node too old for Electron 45 in one line', async () => {
    // The version check reads process.versions, so an --import that makes this Node claim 20.18
    // shows what a user on Node 20 sees.
    const run = npm(['run', 'dev'], { NODE_OPTIONS: `--import=${resolve('test/e2e/helpers/claim-node-20.mjs')}` });
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.output()).toContain('pterotray: Electron 45 needs Node.js 22.12 or newer; this is v20.18.0. Install Node.js 24');
    expect(run.output()).not.toMatch(/^\s+at /m);
  });
});
