/**
 * The packaging configuration (electron-builder.yml), read and checked: the four targets, the
 * fuses of the security checklist, an asar whose integrity is checked, only the built app inside,
 * keytar loaded from outside the archive without a rebuild, the resources main looks for, and a
 * packaged app that loads its page from its own app:// scheme with DevTools closed. What
 * `electron-builder --dir` makes of it is checked by test/e2e/packaged.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYamlSubset } from './helpers/yaml-subset';

type Config = Record<string, unknown>;

const config = readYamlSubset(readFileSync('electron-builder.yml', 'utf8')) as Config;
const section = (name: string): Config => (config[name] ?? {}) as Config;
const targets = (platform: string): string[] => (section(platform).target as string[] | undefined) ?? [];

describe('electron-builder.yml', () => {
  it('builds AppImage and deb, dmg, and nsis', () => {
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(targets('win')).toEqual(['nsis']);
  });

  it('flips the checklist fuses: RunAsNode off, NODE_OPTIONS and inspect off, asar integrity on', () => {
    const fuses = section('electronFuses');
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    // The renderer is served from app://, so file:// needs none of Electron's extra privileges.
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
    // Every value is a boolean: a typo would be flipped to nothing.
    const known = [
      'runAsNode',
      'enableCookieEncryption',
      'enableNodeOptionsEnvironmentVariable',
      'enableNodeCliInspectArguments',
      'enableEmbeddedAsarIntegrityValidation',
      'onlyLoadAppFromAsar',
      'loadBrowserProcessSpecificV8Snapshot',
      'grantFileProtocolExtraPrivileges',
    ];
    for (const [name, value] of Object.entries(fuses)) {
      expect(known, `unknown fuse ${name}`).toContain(name);
      expect(typeof value, name).toBe('boolean');
    }
  });

  it('packs one asar whose integrity can be checked, with only the native module outside', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    // keytar requires its binary by a path inside app.asar; the unpack rule must match it there.
    expect(readFileSync(join('node_modules', 'keytar', 'lib', 'keytar.js'), 'utf8')).toContain("require('../build/Release/keytar.node')");
    expect(existsSync(join('node_modules', 'keytar', 'build', 'Release', 'keytar.node'))).toBe(true);
  });

  it('ships keytar as npm built it: N-API, so no rebuild for Electron (and no header download)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    const keytar = JSON.parse(readFileSync(join('node_modules', 'keytar', 'package.json'), 'utf8')) as {
      version: string;
      binary?: { napi_versions?: number[] };
    };
    expect(keytar.binary?.napi_versions).toEqual([3]);
    // Every native module among the runtime dependencies must be N-API for that to hold.
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean; hasInstallScript?: boolean }>;
    };
    const native = Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional && entry.hasInstallScript)
      .map(([path]) => path);
    expect(native).toEqual(['node_modules/keytar']);
  });

  it('ships only the built app: no sources, tests, maps or the dev server', () => {
    const files = config.files as string[];
    expect(files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!**/*.map']));
    for (const pattern of files.filter((p) => !p.startsWith('!'))) {
      expect(pattern, 'a catch-all pattern').not.toMatch(/^\*\*|^\.\/?\*\*|^\*$/);
      expect(pattern).not.toMatch(/^(src|test|scripts|bench|docs)\//);
    }
    // package.json's main is inside what is packed.
    const main = (JSON.parse(readFileSync('package.json', 'utf8')) as { main: string }).main;
    expect(main).toBe('out/main/index.js');
    expect(files.some((p) => p.endsWith('/**') && main.startsWith(p.slice(0, -2)))).toBe(true);
  });

  it('puts the icon and the tray icons where main looks for them when packaged', () => {
    const resources = config.extraResources as Array<{ from: string; to: string }>;
    expect(resources).toEqual(
      expect.arrayContaining([
        { from: 'resources/icon.png', to: 'icon.png' },
        { from: 'resources/tray', to: 'tray' },
      ]),
    );
    for (const { from } of resources) expect(existsSync(from), from).toBe(true);
    // The names tray-controller.ts builds: tray-<status>-<light|dark>.png, tray-<status>Template.png.
    const trayIcons = readdirSync('resources/tray');
    for (const status of ['ok', 'attention', 'problem', 'paused']) {
      for (const name of [`tray-${status}-light.png`, `tray-${status}-dark.png`, `tray-${status}Template.png`]) expect(trayIcons, name).toContain(name);
    }
    const appPaths = readFileSync(join('src', 'main', 'app-paths.ts'), 'utf8');
    expect(appPaths).toContain('process.resourcesPath');
    expect(appPaths).toContain('`${resources}/icon.png`');
  });

  it('names the app as main does (Windows AppUserModelID) and hides the Dock icon of a tray app', () => {
    expect(config.productName).toBe('Pterotray');
    expect(readFileSync(join('src', 'main', 'index.ts'), 'utf8')).toContain(`app.setAppUserModelId('${String(config.appId)}')`);
    expect((section('mac').extendInfo as Config | undefined)?.LSUIElement).toBe(true);
    expect(section('mac').hardenedRuntime).toBe(true);
  });

  it('makes a packaged app load its page from app://, never a file or a dev server, with DevTools closed', () => {
    const appPaths = readFileSync(join('src', 'main', 'app-paths.ts'), 'utf8');
    expect(appPaths).toMatch(/!app\.isPackaged \? process\.env\.ELECTRON_RENDERER_URL : undefined/);
    expect(appPaths).toMatch(/pageUrl: devUrl \?\? APP_PAGE_URL/);
    // The scheme is privileged before ready, at the entry's top level, and served on the window's (default) session.
    expect(readFileSync(join('src', 'main', 'index.ts'), 'utf8')).toMatch(/^protocol\.registerSchemesAsPrivileged\(\[APP_SCHEME_PRIVILEGES\]\);$/m);
    expect(readFileSync(join('src', 'main', 'app.ts'), 'utf8')).toContain('protocol.handle(APP_SCHEME, createAppProtocolHandler(appPaths().rendererRoot));');
    const mainSources = readdirSync(join('src', 'main'), { recursive: true }).filter((f): f is string => typeof f === 'string' && f.endsWith('.ts'));
    for (const file of mainSources) {
      const code = readFileSync(join('src', 'main', file), 'utf8');
      expect(code, file).not.toMatch(/openDevTools\s*\(/);
      expect(code, file).not.toMatch(/\.loadFile\s*\(/);
    }
  });
});

describe('the YAML reader the packaging test uses', () => {
  it('reads maps, lists, lists of maps, quoting and comments, and refuses what it does not know', () => {
    const text = ['a: 1 # one', 'b:', '  - "x: y"', "  - 'it''s'", '  - from: p', '    to: q', 'c:', '  d: true', '  e: null', 'f: plain text'].join('\n');
    expect(readYamlSubset(text)).toEqual({ a: 1, b: ['x: y', "it's", { from: 'p', to: 'q' }], c: { d: true, e: null }, f: 'plain text' });
    expect(() => readYamlSubset('a: [1, 2]')).toThrow(/outside the YAML subset/);
    expect(() => readYamlSubset('a: 1\na: 2')).toThrow(/duplicate key/);
    expect(() => readYamlSubset('a:\n    b: 1\n  c: 2')).toThrow();
  });
});
