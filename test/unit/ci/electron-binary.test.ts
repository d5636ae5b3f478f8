/**
 * The real-Electron binary lookup (test/e2e/helpers/electron-binary.ts), against a stand-in electron
 * package in a temp folder whose install.js downloads, fails or hangs as told: the order of the
 * overrides, path.txt + dist, the lazy download and its time bound.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronBinary, platformExecutable } from '../../e2e/helpers/electron-binary';

// What the stand-in install.js does, chosen by FAKE_INSTALL: like Electron's, it writes the binary
// under dist/ and path.txt on success, and prints the error's stack to stderr on failure.
const INSTALL_JS = `
const fs = require('node:fs');
const path = require('node:path');
fs.writeFileSync(path.join(__dirname, 'install-ran'), process.env.FAKE_INSTALL ?? '');
switch (process.env.FAKE_INSTALL) {
  case 'download':
    fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
    fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '');
    fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
    break;
  case 'fail':
    console.log('some progress on stdout');
    console.error('TypeError: fetch failed\\n    at FetchDownloader.download (x.js:1:1)');
    process.exit(1);
  case 'hang':
    setInterval(() => {}, 1000);
    break;
}
`;

let root: string;
let pkg: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'electron-binary-'));
  pkg = join(root, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'install.js'), INSTALL_JS);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function file(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  chmodSync(path, 0o755);
  return path;
}

const installRan = (): boolean => existsSync(join(pkg, 'install-ran'));
const find = (env: NodeJS.ProcessEnv, downloadTimeoutMs = 10_000) => findElectronBinary({ env, packageDir: pkg, platform: 'linux', downloadTimeoutMs });

describe('findElectronBinary', () => {
  it('takes PTEROTRAY_ELECTRON first, then ELECTRON_EXEC_PATH, and never downloads for them', async () => {
    const ours = file(join(root, 'ours', 'electron'));
    const theirs = file(join(root, 'theirs', 'electron'));
    expect(await find({ PTEROTRAY_ELECTRON: ours, ELECTRON_EXEC_PATH: theirs })).toEqual({ found: true, path: ours, source: 'PTEROTRAY_ELECTRON' });
    expect(await find({ ELECTRON_EXEC_PATH: theirs })).toEqual({ found: true, path: theirs, source: 'ELECTRON_EXEC_PATH' });
    expect(await find({ PTEROTRAY_ELECTRON: join(root, 'nowhere'), FAKE_INSTALL: 'download' })).toEqual({
      found: false,
      reason: `PTEROTRAY_ELECTRON=${join(root, 'nowhere')} does not exist`,
    });
    expect(installRan()).toBe(false);
  });

  it('joins ELECTRON_OVERRIDE_DIST_PATH with path.txt, or with the platform executable as install.js names it', async () => {
    const dist = join(root, 'custom-dist');
    const mac = file(join(dist, 'Electron.app', 'Contents', 'MacOS', 'Electron'));
    expect(await findElectronBinary({ env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, packageDir: pkg, platform: 'darwin' })).toEqual({
      found: true,
      path: mac,
      source: 'ELECTRON_OVERRIDE_DIST_PATH',
    });
    writeFileSync(join(pkg, 'path.txt'), 'bin/electron-45');
    const named = file(join(dist, 'bin', 'electron-45'));
    expect(await find({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({ found: true, path: named, source: 'ELECTRON_OVERRIDE_DIST_PATH' });
    // Like index.js: an override folder is used as given, without a download into it.
    expect(await find({ ELECTRON_OVERRIDE_DIST_PATH: join(root, 'empty'), FAKE_INSTALL: 'download' })).toMatchObject({
      found: false,
      reason: expect.stringContaining('has no bin/electron-45'),
    });
    expect(installRan()).toBe(false);
  });

  it('finds the binary path.txt names under dist/ without downloading', async () => {
    writeFileSync(join(pkg, 'path.txt'), 'electron\n');
    const binary = file(join(pkg, 'dist', 'electron'));
    expect(await find({ FAKE_INSTALL: 'download' })).toEqual({ found: true, path: binary, source: 'installed' });
    expect(installRan()).toBe(false);
  });

  it('runs install.js when path.txt or the binary is missing, and uses what it downloaded', async () => {
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    expect(await find({ FAKE_INSTALL: 'download' })).toEqual({ found: true, path: join(pkg, 'dist', 'electron'), source: 'downloaded' });
    expect(installRan()).toBe(true);
  });

  it("answers the download's failure in one line, from its stderr", async () => {
    const lookup = await find({ FAKE_INSTALL: 'fail' });
    expect(lookup).toEqual({ found: false, reason: "no Electron binary, and Electron's own download (node_modules/electron/install.js) failed: fetch failed" });
  });

  it('gives up on a download that hangs after the time bound, killing it', async () => {
    const started = Date.now();
    const lookup = await find({ FAKE_INSTALL: 'hang' }, 400);
    expect(lookup).toMatchObject({ found: false, reason: expect.stringContaining('no answer within 400 ms') });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', async () => {
    expect(await find({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1', FAKE_INSTALL: 'download' })).toMatchObject({
      found: false,
      reason: expect.stringContaining('ELECTRON_SKIP_BINARY_DOWNLOAD is set'),
    });
    expect(installRan()).toBe(false);
  });

  it('says when there is no electron package at all', async () => {
    rmSync(join(pkg, 'install.js'));
    expect(await find({})).toMatchObject({ found: false, reason: expect.stringContaining('no electron package') });
  });
});

describe('platformExecutable', () => {
  it('names the executable as install.js does, honouring ELECTRON_INSTALL_PLATFORM', () => {
    expect(platformExecutable({}, 'linux')).toBe('electron');
    expect(platformExecutable({}, 'darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(platformExecutable({}, 'win32')).toBe('electron.exe');
    expect(platformExecutable({ ELECTRON_INSTALL_PLATFORM: 'win32' }, 'linux')).toBe('electron.exe');
    expect(platformExecutable({}, 'aix')).toBeNull();
  });
});
