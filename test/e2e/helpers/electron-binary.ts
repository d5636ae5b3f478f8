/**
 * Finds the real Electron binary the way the `electron` package does, for the specs that run the
 * app on real Electron (and any other that wants to).
 *
 * Electron 45's package no longer downloads at install: `require('electron')`
 * (node_modules/electron/index.js, getElectronPath) reads path.txt and, when it or the binary
 * under dist/ is missing, runs install.js (which downloads through @electron/get and writes
 * path.txt) synchronously and without a time limit. We do the same, in this order, but bounded:
 *
 * 1. `PTEROTRAY_ELECTRON`, then `ELECTRON_EXEC_PATH` (electron-vite's name for it): a binary;
 * 2. `ELECTRON_OVERRIDE_DIST_PATH`: a folder holding the binary (index.js joins it with path.txt);
 * 3. node_modules/electron/path.txt and the binary it names under dist/;
 * 4. else Electron's own lazy download: install.js in a child process, killed after
 *    `PTEROTRAY_ELECTRON_DOWNLOAD_TIMEOUT_MS` (default 180 s), then step 3 again.
 *
 * A failure is a one-line reason, never a throw: the caller decides to skip (or to fail, in CI).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type ElectronSource = 'PTEROTRAY_ELECTRON' | 'ELECTRON_EXEC_PATH' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'installed' | 'downloaded';

export type ElectronLookup = { found: true; path: string; source: ElectronSource } | { found: false; reason: string };

export interface ElectronLookupOptions {
  /** Default: process.env. */
  env?: NodeJS.ProcessEnv;
  /** The electron package's folder. Default: node_modules/electron under the working directory. */
  packageDir?: string;
  /** Default: process.platform. */
  platform?: NodeJS.Platform;
  /** Bound on the lazy download. Default: PTEROTRAY_ELECTRON_DOWNLOAD_TIMEOUT_MS, else 180 000. */
  downloadTimeoutMs?: number;
}

const DEFAULT_DOWNLOAD_TIMEOUT_MS = 180_000;

/**
 * The executable's path inside dist/, as install.js's getPlatformPath() names it (it honours
 * ELECTRON_INSTALL_PLATFORM and npm_config_platform too).
 */
export function platformExecutable(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  switch (env.ELECTRON_INSTALL_PLATFORM ?? env.npm_config_platform ?? platform) {
    case 'mas':
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'freebsd':
    case 'openbsd':
    case 'linux':
      return 'electron';
    case 'win32':
      return 'electron.exe';
    default:
      return null;
  }
}

/** Finds the binary (see the module comment for the order); downloads it lazily if it must. */
export async function findElectronBinary(options: ElectronLookupOptions = {}): Promise<ElectronLookup> {
  const env = options.env ?? process.env;
  const packageDir = options.packageDir ?? resolve('node_modules/electron');
  const platform = options.platform ?? process.platform;

  for (const name of ['PTEROTRAY_ELECTRON', 'ELECTRON_EXEC_PATH'] as const) {
    const path = env[name];
    if (!path) continue;
    return existsSync(path) ? { found: true, path, source: name } : { found: false, reason: `${name}=${path} does not exist` };
  }

  const named = readPathFile(packageDir);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    // index.js falls back to 'electron' when path.txt is missing; the platform's name is what
    // install.js would have written, so a macOS or Windows dist folder works too.
    const executable = named ?? platformExecutable(env, platform) ?? 'electron';
    const path = join(override, executable);
    return existsSync(path)
      ? { found: true, path, source: 'ELECTRON_OVERRIDE_DIST_PATH' }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH=${override} has no ${executable}` };
  }

  const installed = installedBinary(packageDir, named);
  if (installed) return { found: true, path: installed, source: 'installed' };
  if (!existsSync(join(packageDir, 'install.js'))) return { found: false, reason: `no electron package at ${packageDir} (run npm ci)` };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { found: false, reason: 'no Electron binary in node_modules/electron/dist, and ELECTRON_SKIP_BINARY_DOWNLOAD is set' };

  const timeoutMs = options.downloadTimeoutMs ?? (Number(env.PTEROTRAY_ELECTRON_DOWNLOAD_TIMEOUT_MS) || DEFAULT_DOWNLOAD_TIMEOUT_MS);
  const failure = await runInstaller(packageDir, env, timeoutMs);
  if (failure) return { found: false, reason: `no Electron binary, and Electron's own download (node_modules/electron/install.js) failed: ${failure}` };
  const downloaded = installedBinary(packageDir, readPathFile(packageDir));
  return downloaded
    ? { found: true, path: downloaded, source: 'downloaded' }
    : { found: false, reason: 'node_modules/electron/install.js succeeded but left no binary that path.txt names' };
}

function readPathFile(packageDir: string): string | null {
  const file = join(packageDir, 'path.txt');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null;
}

function installedBinary(packageDir: string, named: string | null): string | null {
  if (!named) return null;
  const path = join(packageDir, 'dist', named);
  return existsSync(path) ? path : null;
}

/**
 * Runs install.js as index.js's downloadElectron() does (the same Node, the package's folder),
 * but asynchronously and killed after `timeoutMs`. Answers null on success, else the reason: the
 * first line it printed on stderr (install.js prints the error's stack there), or the timeout.
 */
function runInstaller(packageDir: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], { cwd: packageDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = { stdout: '', stderr: '' };
    const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer): void => {
      if (output[stream].length < 64_000) output[stream] += chunk.toString('utf8');
    };
    child.stdout.on('data', collect('stdout'));
    child.stderr.on('data', collect('stderr'));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      done(error.message);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) done(`no answer within ${timeoutMs} ms (PTEROTRAY_ELECTRON_DOWNLOAD_TIMEOUT_MS)`);
      else if (code === 0) done(null);
      else done(firstLine(output.stderr) ?? firstLine(output.stdout) ?? `exit ${code ?? signal}`);
    });
  });
}

function firstLine(text: string): string | null {
  return text.split('\n').map((line) => line.trim()).find((line) => line.length > 0) ?? null;
}
