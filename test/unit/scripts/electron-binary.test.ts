/**
 * How `npm start`, `npm run demo` and `npm run dev` find Electron (scripts/electron-binary.mjs):
 * as Electron's own package does (ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH, path.txt and
 * dist/, else its lazy download), and what they say about Ubuntu's sandbox restriction.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadElectron, downloadFailure, electronPackage, locateElectron, platformExecutable, sandboxProblem } from '../../../scripts/electron-binary.mjs';

const made: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pterotray-binary-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fake electron package folder: path.txt naming `name`, and dist/<name> when `withBinary`. */
function fakePackage(name: string | null, withBinary: boolean): { dir: string; version: string } {
  const dir = temp();
  if (name) writeFileSync(join(dir, 'path.txt'), name);
  if (name && withBinary) {
    mkdirSync(join(dir, 'dist', name, '..'), { recursive: true });
    writeFileSync(join(dir, 'dist', name), '');
  }
  return { dir, version: '45.5.0' };
}

describe('locateElectron', () => {
  it('takes ELECTRON_EXEC_PATH first, and says so when it names nothing', () => {
    const dir = temp();
    const binary = join(dir, 'electron');
    writeFileSync(binary, '');
    expect(locateElectron({ env: { ELECTRON_EXEC_PATH: binary }, pkg: null })).toEqual({ path: binary, source: 'ELECTRON_EXEC_PATH' });
    expect(locateElectron({ env: { ELECTRON_EXEC_PATH: join(dir, 'nope') }, pkg: null }).missing).toMatch(/ELECTRON_EXEC_PATH=.*nope does not exist/);
  });

  it('uses path.txt and dist/ as Electron writes them, per platform', () => {
    for (const platform of ['linux', 'darwin', 'win32']) {
      const pkg = fakePackage(platformExecutable(platform), true);
      expect(locateElectron({ env: {}, pkg, platform }).path).toBe(join(pkg.dir, 'dist', platformExecutable(platform)!));
    }
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });

  it('asks for the download when path.txt is missing, or names a binary that is gone (as index.js does)', () => {
    expect(locateElectron({ env: {}, pkg: fakePackage(null, false) })).toEqual({ download: true });
    expect(locateElectron({ env: {}, pkg: fakePackage('electron', false) })).toEqual({ download: true });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH with path.txt’s name, and never downloads for it', () => {
    const override = temp();
    writeFileSync(join(override, 'electron'), '');
    expect(locateElectron({ env: { ELECTRON_OVERRIDE_DIST_PATH: override }, pkg: fakePackage(null, false), platform: 'linux' }).path).toBe(
      join(override, 'electron'),
    );
    const empty = temp();
    expect(locateElectron({ env: { ELECTRON_OVERRIDE_DIST_PATH: empty }, pkg: fakePackage(null, false) }).missing).toMatch(
      /ELECTRON_OVERRIDE_DIST_PATH=.* has no electron/,
    );
  });

  it('finds the project’s own electron package, whatever the working directory', () => {
    expect(electronPackage()?.version).toMatch(/^45\./);
  });
});

describe('downloadFailure', () => {
  it('keeps the reason and drops the stack', () => {
    expect(downloadFailure('TypeError: fetch failed\n    at node:internal/deps/undici:1:1\n    at async x (file:///a.js:2:3)\n')).toBe('fetch failed');
    expect(downloadFailure('HTTPError: Response code 404 (Not Found) for https://github.com/x\n    at y')).toBe(
      'Response code 404 (Not Found) for https://github.com/x',
    );
    expect(downloadFailure('')).toBe('no reason given');
  });
});

describe('downloadElectron (Electron’s own install.js)', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  it('fails in one line with the reason and a log file when the mirror refuses', async () => {
    // A copy of the real package inside node_modules, so its install.js resolves @electron/get,
    // without path.txt, and a mirror that closes every connection: the download must fail.
    const real = electronPackage()!;
    const dir = join(real.dir, '..', '.cache', `electron-download-test-${process.pid}`);
    made.push(dir);
    mkdirSync(dir, { recursive: true });
    for (const file of ['install.js', 'package.json', 'checksums.json']) cpSync(join(real.dir, file), join(dir, file));
    server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const started: string[] = [];
    const result = await downloadElectron({
      pkg: { dir, version: real.version },
      env: { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: temp(), ELECTRON_EXEC_PATH: '' },
      onStart: (version) => started.push(version),
    });
    expect(started).toEqual([real.version]);
    expect(result.path).toBeUndefined();
    expect(result.failed).toBeTruthy();
    expect(result.failed).not.toMatch(/\n|^\s*at /);
    expect(result.log).toMatch(/download\.log$/);
  });
});

describe('sandboxProblem (Ubuntu 23.10+ AppArmor user-namespace restriction)', () => {
  const setup = (restricted: string | null): { sysctl: string; executable: string } => {
    const dir = temp();
    const sysctl = join(dir, 'apparmor_restrict_unprivileged_userns');
    if (restricted !== null) writeFileSync(sysctl, `${restricted}\n`);
    const executable = join(dir, 'electron');
    writeFileSync(executable, '');
    writeFileSync(join(dir, 'chrome-sandbox'), '');
    chmodSync(join(dir, 'chrome-sandbox'), 0o755);
    return { sysctl, executable };
  };

  it('is a problem when namespaces are restricted and chrome-sandbox is not root-owned SUID', () => {
    const { sysctl, executable } = setup('1');
    const problem = sandboxProblem({ executable, platform: 'linux', sysctl });
    // Root running the tests owns the file, but it lacks the SUID bit.
    expect(problem?.helper).toBe(join(executable, '..', 'chrome-sandbox'));
  });

  it('is none where namespaces are free, the sysctl does not exist, or off Linux', () => {
    expect(sandboxProblem({ ...setup('0'), platform: 'linux' })).toBeNull();
    expect(sandboxProblem({ ...setup(null), platform: 'linux' })).toBeNull();
    expect(sandboxProblem({ ...setup('1'), platform: 'darwin' })).toBeNull();
  });

  it.skipIf(process.getuid?.() !== 0)('is none once chrome-sandbox is root-owned with mode 4755 (the documented fix)', () => {
    const { sysctl, executable } = setup('1');
    chmodSync(join(executable, '..', 'chrome-sandbox'), 0o4755);
    expect(sandboxProblem({ executable, platform: 'linux', sysctl })).toBeNull();
  });
});
