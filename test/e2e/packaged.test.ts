// One sim version is enough: it checks the packed app's files, not a panel.
/**
 * The package users get: `electron-builder --dir` (what `npm run pack` runs) with this repo's
 * electron-builder.yml, and what comes out of it. Packing needs no network here (npmRebuild is
 * off, the Electron distribution is given), so it runs twice where it can:
 *
 * - with a stand-in Electron distribution (an empty `electron` executable), everywhere: the real
 *   file matching, node_modules collection, asar and unpack rules of electron-builder, minus the
 *   fuses (flipping them needs the real binary's fuse wire);
 * - with the real Electron binary (node_modules/electron/dist, ELECTRON_OVERRIDE_DIST_PATH, or the
 *   directory of PTEROTRAY_ELECTRON), fuses included. Here the binary cannot be downloaded, so
 *   that run reports itself skipped with the reason.
 *
 * What a package must hold: resources/app.asar with only out/main, out/preload, out/renderer,
 * package.json and the runtime dependencies of package-lock.json (no dev dependency, no source,
 * test or source map of ours, not the CLI); keytar.node outside the archive in app.asar.unpacked,
 * marked unpacked in the archive's header so Electron loads it from there; the icons main reads
 * from resources/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import builder from 'electron-builder';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from './helpers/app-on-sim';

type Config = Record<string, unknown>;

// A fuse's byte in the wire: '1' on, '0' off (@electron/fuses' FuseState, which it does not export).
const FUSE_ON = 0x31;
const FUSE_OFF = 0x30;

const CONFIG = parse(readFileSync('electron-builder.yml', 'utf8')) as Config;
const ELECTRON_VERSION = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }).version;
const EXECUTABLE = String((CONFIG.linux as Config).executableName);

/** The directory of a real Electron distribution, or null with why not. */
function electronDist(): { dir: string } | { reason: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override)
    return existsSync(join(override, 'electron')) ? { dir: override } : { reason: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no electron binary` };
  const binary = process.env.PTEROTRAY_ELECTRON;
  if (binary) return existsSync(binary) ? { dir: dirname(binary) } : { reason: `PTEROTRAY_ELECTRON=${binary} does not exist` };
  const pathFile = resolve('node_modules/electron/path.txt');
  const dist = resolve('node_modules/electron/dist');
  if (existsSync(pathFile) && existsSync(join(dist, readFileSync(pathFile, 'utf8').trim()))) return { dir: dist };
  return { reason: 'no Electron binary (node_modules/electron/dist is empty: its download is not reachable here, or ELECTRON_SKIP_BINARY_DOWNLOAD was set)' };
}

/**
 * Runs electron-builder --dir for Linux into a temp folder; returns the unpacked app's folder.
 * electron-builder reads electron-builder.yml itself and lays `config` over it, so only what
 * differs from `npm run pack` is given here.
 */
async function pack(options: { electronDist: string; fuses: boolean; output: string }): Promise<string> {
  const directories = { ...(CONFIG.directories as Config), output: options.output };
  const config = { directories, electronDist: options.electronDist, electronVersion: ELECTRON_VERSION, ...(options.fuses ? {} : { electronFuses: null }) };
  await builder.build({ targets: builder.Platform.LINUX.createTarget('dir'), config: config as builder.Configuration, publish: 'never' });
  return join(options.output, 'linux-unpacked');
}

/** Package entries of package-lock.json that ship: every one not marked dev. */
function runtimePackages(): string[] {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional)
    .map(([path]) => path)
    .sort();
}

/** The checks every package must pass, with or without the real binary. */
function describePackage(label: string, appDir: () => string): void {
  const asarPath = (): string => join(appDir(), 'resources', 'app.asar');
  const entries = (): string[] => listPackage(asarPath(), { isPack: false }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''));

  it(`${label}: app.asar holds the built app, package.json and node_modules, nothing else of ours`, () => {
    expect(existsSync(asarPath())).toBe(true);
    const files = entries();
    expect(new Set(files.map((entry) => entry.split('/')[0]))).toEqual(new Set(['out', 'package.json', 'node_modules']));
    expect(new Set(files.filter((entry) => entry.startsWith('out/')).map((entry) => entry.split('/').slice(0, 2).join('/')))).toEqual(
      new Set(['out/main', 'out/preload', 'out/renderer']),
    );
    for (const needed of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(files, needed).toContain(needed);
    // No source map anywhere, and none of our sources, tests or the CLI bundle.
    expect(files.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    expect(files.filter((entry) => /^(src|test|scripts|bench|docs|resources|out\/cli)(\/|$)/.test(entry))).toEqual([]);
    // The packed package.json starts the packed main bundle.
    const packed = JSON.parse(extractFile(asarPath(), 'package.json').toString('utf8')) as { main: string };
    expect(files).toContain(packed.main);
  });

  it(`${label}: node_modules are exactly the runtime dependencies of package-lock.json`, () => {
    const modules = entries().filter(
      (entry) => /^node_modules\/(@[^/]+\/)?[^/@]+$/.test(entry) || /^node_modules\/(@[^/]+\/)?[^/]+\/node_modules\/(@[^/]+\/)?[^/@]+$/.test(entry),
    );
    const expected = runtimePackages();
    expect(modules.sort()).toEqual(expected);
    for (const dependency of Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies)) {
      expect(expected, dependency).toContain(`node_modules/${dependency}`);
    }
    for (const devOnly of ['electron', 'electron-builder', 'vite', 'svelte', 'vitest', 'playwright-core', 'typescript'])
      expect(expected, devOnly).not.toContain(`node_modules/${devOnly}`);
  });

  it(`${label}: keytar.node is outside the archive, in app.asar.unpacked, and the header says so`, () => {
    const native = 'node_modules/keytar/build/Release/keytar.node';
    expect(statFile(asarPath(), native)).toMatchObject({ unpacked: true });
    const onDisk = join(appDir(), 'resources', 'app.asar.unpacked', native);
    expect(existsSync(onDisk)).toBe(true);
    // The same bytes npm installed (N-API: no rebuild for Electron).
    expect(readFileSync(onDisk).equals(readFileSync(native))).toBe(true);
    // keytar's lib requires it by this relative path, which stays inside app.asar.
    expect(readFileSync(join('node_modules', 'keytar', 'lib', 'keytar.js'), 'utf8')).toContain("require('../build/Release/keytar.node')");
    expect(entries().filter((entry) => entry.endsWith('.node'))).toEqual([native]);
  });

  it(`${label}: the icons main reads are in resources/, the executable is named for the desktop`, () => {
    const resources = join(appDir(), 'resources');
    expect(statSync(join(resources, 'icon.png')).size).toBeGreaterThan(0);
    expect(existsSync(join(resources, 'tray', 'tray-ok-light.png'))).toBe(true);
    expect(existsSync(join(appDir(), EXECUTABLE))).toBe(true);
  });
}

describe('electron-builder --dir with electron-builder.yml', { timeout: 300_000 }, () => {
  const output = mkdtempSync(join(tmpdir(), 'pterotray-pack-'));

  afterAll(() => rmSync(output, { recursive: true, force: true }));

  describe('with a stand-in Electron distribution (fuses left out)', () => {
    let appDir = '';

    beforeAll(async () => {
      requireBuild();
      const dist = join(output, 'stand-in-dist');
      rmSync(dist, { recursive: true, force: true });
      // An executable named like Electron's is all electron-builder needs to lay the app out.
      mkdirSync(dist, { recursive: true });
      writeFileSync(join(dist, 'electron'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
      writeFileSync(join(dist, 'version'), ELECTRON_VERSION);
      appDir = await pack({ electronDist: dist, fuses: false, output: join(output, 'stand-in') });
    }, 300_000);

    describePackage('stand-in', () => appDir);
  });

  const real = electronDist();
  if ('reason' in real)
    console.warn(
      `\n!!! SKIPPED packaging with the real Electron binary: ${real.reason}. The package layout is checked with a stand-in distribution; the fuses are not.\n`,
    );

  describe.skipIf('reason' in real)('with the real Electron binary (fuses flipped)', () => {
    let appDir = '';

    beforeAll(async () => {
      requireBuild();
      if ('reason' in real) return;
      appDir = await pack({ electronDist: real.dir, fuses: true, output: join(output, 'real') });
    }, 300_000);

    describePackage('real', () => appDir);

    it('real: the fuses of electron-builder.yml are flipped in the packaged binary', async () => {
      const wire = await getCurrentFuseWire(join(appDir, EXECUTABLE));
      const expected: Array<[FuseV1Options, boolean]> = [
        [FuseV1Options.RunAsNode, false],
        [FuseV1Options.EnableCookieEncryption, true],
        [FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
        [FuseV1Options.EnableNodeCliInspectArguments, false],
        [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
        [FuseV1Options.OnlyLoadAppFromAsar, true],
        [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, false],
        [FuseV1Options.GrantFileProtocolExtraPrivileges, false],
      ];
      for (const [fuse, on] of expected) expect(wire[fuse], FuseV1Options[fuse]).toBe(on ? FUSE_ON : FUSE_OFF);
    });
  });
});
