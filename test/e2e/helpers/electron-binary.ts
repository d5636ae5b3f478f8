/**
 * Finds the real Electron binary for the specs that run the app on real Electron: the lookup of
 * `npm start` (scripts/electron-binary.mjs, which follows the electron package's own index.js:
 * ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH, path.txt + dist/, else its lazy download
 * through install.js), with what a test run adds:
 *
 * - `PTEROTRAY_ELECTRON` first, a binary chosen for the tests;
 * - ELECTRON_SKIP_BINARY_DOWNLOAD set means no download (Electron 45's install.js ignores it);
 * - the download bounded by `PTEROTRAY_ELECTRON_DOWNLOAD_TIMEOUT_MS` (default 180 s).
 *
 * A failure is a one-line reason, never a throw: the caller decides to skip (or to fail, in CI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { downloadElectron, locateElectron, platformExecutable as installName } from '../../../scripts/electron-binary.mjs';

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

/** The executable's path inside dist/, as install.js names it; null where Electron has no build. */
export function platformExecutable(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  return installName(platform, env);
}

/** Finds the binary (see the module comment for the order); downloads it lazily if it must. */
export async function findElectronBinary(options: ElectronLookupOptions = {}): Promise<ElectronLookup> {
  const env = options.env ?? process.env;
  const dir = options.packageDir ?? resolve('node_modules/electron');
  const platform = options.platform ?? process.platform;

  const ours = env.PTEROTRAY_ELECTRON;
  if (ours)
    return existsSync(ours) ? { found: true, path: ours, source: 'PTEROTRAY_ELECTRON' } : { found: false, reason: `PTEROTRAY_ELECTRON=${ours} does not exist` };

  const pkg = { dir, version: packageVersion(dir) };
  const located = locateElectron({ env, pkg, platform });
  if (located.path) return { found: true, path: located.path, source: located.source };
  if (located.missing) return { found: false, reason: located.missing };

  if (!existsSync(join(dir, 'install.js'))) return { found: false, reason: `no electron package at ${dir} (run npm ci)` };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD)
    return { found: false, reason: 'no Electron binary in node_modules/electron/dist, and ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  const timeoutMs = options.downloadTimeoutMs ?? (Number(env.PTEROTRAY_ELECTRON_DOWNLOAD_TIMEOUT_MS) || DEFAULT_DOWNLOAD_TIMEOUT_MS);
  const downloaded = await downloadElectron({ pkg, env, timeoutMs });
  return downloaded.path
    ? { found: true, path: downloaded.path, source: 'downloaded' }
    : { found: false, reason: `no Electron binary, and Electron's own download (node_modules/electron/install.js) failed: ${downloaded.failed}` };
}

function packageVersion(dir: string): string {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '';
  } catch {
    return '';
  }
}
