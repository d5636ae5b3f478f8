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

/**
 * What install.js writes into path.txt (electron/npm/install.js getPlatformPath, which honours
 * ELECTRON_INSTALL_PLATFORM and npm_config_platform); null where Electron has no build.
 */
export function platformExecutable(platform = process.platform, env = {}) {
  switch (env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || platform) {
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
 * Where the executable is without downloading anything, in Electron's order:
 * { path, source } when found, { missing: reason } when a named place holds none, { download: true }
 * when Electron would download it (no path.txt, or the binary it names under dist/ is gone).
 */
export function locateElectron({ env = process.env, pkg = electronPackage(), platform = process.platform } = {}) {
  if (env.ELECTRON_EXEC_PATH) {
    return isFile(env.ELECTRON_EXEC_PATH)
      ? { path: env.ELECTRON_EXEC_PATH, source: 'ELECTRON_EXEC_PATH' }
      : { missing: `ELECTRON_EXEC_PATH=${env.ELECTRON_EXEC_PATH} does not exist` };
  }
  if (!pkg) return { missing: 'the electron package is not installed (run npm install)' };
  const pathFile = join(pkg.dir, 'path.txt');
  const written = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    // index.js joins the folder with path.txt's name, or plain 'electron'; the platform's own
    // name is what install.js would have written, so a macOS or Windows folder works too.
    const executable = written || platformExecutable(platform, env) || 'electron';
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable);
    return isFile(path)
      ? { path, source: 'ELECTRON_OVERRIDE_DIST_PATH' }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH=${env.ELECTRON_OVERRIDE_DIST_PATH} has no ${executable}` };
  }
  if (written) {
    const path = join(pkg.dir, 'dist', written);
    if (isFile(path)) return { path, source: 'installed' };
  }
  return { download: true };
}

/** The first line of what install.js printed that says what went wrong, without its stack. */
export function downloadFailure(stderr) {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const reason = lines.find((line) => !line.startsWith('at ')) ?? 'no reason given';
  return reason.replace(/^(Error|TypeError|RequestError|HTTPError):\s*/, '');
}

/**
 * Runs Electron's own install.js (the lazy download of index.js) quietly, as index.js does (the
 * same Node, the package's folder) but bounded: killed after `timeoutMs`. Resolves with { path }
 * or { failed: reason, log } where log is a file holding everything it printed.
 */
export function downloadElectron({ pkg = electronPackage(), env = process.env, onStart = () => {}, timeoutMs = 600_000 } = {}) {
  if (!pkg) return Promise.resolve({ failed: 'the electron package is not installed (run npm install)' });
  onStart(pkg.version);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(pkg.dir, 'install.js')], { cwd: pkg.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // install.js prints the error's stack on stderr; the log keeps both streams in order.
    let output = '';
    let errors = '';
    const collect = (isError) => (chunk) => {
      if (output.length < 64_000) output += chunk;
      if (isError && errors.length < 64_000) errors += chunk;
    };
    child.stdout.on('data', collect(false));
    child.stderr.on('data', collect(true));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ failed: error.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const found = locateElectron({ env: { ...env, ELECTRON_EXEC_PATH: '', ELECTRON_OVERRIDE_DIST_PATH: '' }, pkg });
      if (code === 0 && found.path) return resolve({ path: found.path });
      const log = join(mkdtempSync(join(tmpdir(), 'pterotray-electron-')), 'download.log');
      writeFileSync(log, output);
      if (timedOut) return resolve({ failed: `no answer within ${timeoutMs} ms`, log });
      resolve({ failed: code === 0 ? 'install.js succeeded but left no binary that path.txt names' : downloadFailure(errors || output), log });
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
