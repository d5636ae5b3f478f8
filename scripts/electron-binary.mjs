// Finding the Electron executable the way Electron's own npm package does, for `npm start`,
// `npm run demo` and `npm run dev` (scripts/run-electron.mjs) and the real-Electron specs.
//
// Since Electron 42 the npm package downloads its binary lazily: node_modules/electron/index.js
// (getElectronPath) runs install.js when path.txt or dist/ is missing, and honours
// ELECTRON_OVERRIDE_DIST_PATH. electron-vite 6 does not go through index.js: it reads path.txt
// itself and throws "Electron uninstall" when it is missing, unless ELECTRON_EXEC_PATH is set
// (electron-vite src/electron.ts getElectronPath). So we resolve the binary first, with
// Electron's own download, and hand it to electron-vite as ELECTRON_EXEC_PATH.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What install.js writes into path.txt for a platform (electron/npm/install.js getPlatformPath). */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The electron package's folder and version, or null when it is not installed. */
export function electronPackage(from = fileURLToPath(new URL('..', import.meta.url))) {
  try {
    const manifest = createRequire(join(from, 'package.json')).resolve('electron/package.json');
    return { dir: dirname(manifest), version: JSON.parse(readFileSync(manifest, 'utf8')).version };
  } catch {
    return null;
  }
}

const isFile = (path) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * Where the executable is without downloading anything:
 * { path } when found, { missing: reason } when a named place holds none, { download: true } when
 * Electron would download it (no path.txt, or its dist/ is gone).
 */
export function locateElectron({ env = process.env, pkg = electronPackage(), platform = process.platform } = {}) {
  if (env.ELECTRON_EXEC_PATH) {
    return isFile(env.ELECTRON_EXEC_PATH) ? { path: env.ELECTRON_EXEC_PATH } : { missing: `ELECTRON_EXEC_PATH is set to ${env.ELECTRON_EXEC_PATH}, which is not a file` };
  }
  if (!pkg) return { missing: 'the electron package is not installed (run npm install)' };
  const pathFile = join(pkg.dir, 'path.txt');
  const written = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    // As index.js: the override folder plus path.txt's name, or plain 'electron'.
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, written || (platform === 'win32' ? 'electron.exe' : 'electron'));
    return isFile(path) ? { path } : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${path} does not exist` };
  }
  if (written) {
    const path = join(pkg.dir, 'dist', written);
    if (isFile(path)) return { path };
  }
  return { download: true };
}

/** The first line of what install.js printed that says what went wrong, without its stack. */
export function downloadFailure(stderr) {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const reason = lines.find((line) => !line.startsWith('at ')) ?? 'no reason given';
  return reason.replace(/^(Error|TypeError|RequestError|HTTPError):\s*/, '');
}

/**
 * Runs Electron's own install.js (the lazy download of index.js), quietly; resolves with
 * { path } or { failed: reason, log } where log is a file holding everything it printed.
 */
export function downloadElectron({ pkg = electronPackage(), env = process.env, onStart = () => {} } = {}) {
  if (!pkg) return Promise.resolve({ failed: 'the electron package is not installed (run npm install)' });
  onStart(pkg.version);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(pkg.dir, 'install.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ failed: error.message }));
    child.on('close', (code) => {
      const found = locateElectron({ env: { ...env, ELECTRON_EXEC_PATH: '' }, pkg });
      if (code === 0 && found.path) return resolve({ path: found.path });
      const log = join(mkdtempSync(join(tmpdir(), 'pterotray-electron-')), 'download.log');
      writeFileSync(log, output);
      resolve({ failed: downloadFailure(output), log });
    });
  });
}

/**
 * Ubuntu 23.10+ restricts unprivileged user namespaces through AppArmor
 * (kernel.apparmor_restrict_unprivileged_userns=1, the default since 24.04), so Chromium's
 * namespace sandbox cannot start, and it falls back to the SUID helper, which aborts unless
 * chrome-sandbox is root-owned with mode 4755 (electron/electron#41066, #42510). Installed
 * packages carry an AppArmor profile (electron-builder's deb, electron-userland/electron-builder
 * #8635); a binary in node_modules does not. Returns null when the sandbox can start.
 */
export function sandboxProblem({ executable, platform = process.platform, sysctl = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns' }) {
  if (platform !== 'linux') return null;
  let restricted;
  try {
    restricted = readFileSync(sysctl, 'utf8').trim() === '1';
  } catch {
    return null;
  }
  if (!restricted) return null;
  const helper = join(dirname(executable), 'chrome-sandbox');
  try {
    const info = statSync(helper);
    if (info.uid === 0 && (info.mode & 0o4755) === 0o4755) return null;
  } catch {
    // No helper beside the binary: Chromium has nothing to fall back to either.
  }
  return { helper };
}
