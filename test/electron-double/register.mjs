// The app's child process starts with `node --import <this file> <main script>`. This file:
// 1. registers hooks.mjs so `import … from 'electron'` (named or default) gets the double;
// 2. makes CommonJS `require('electron')` (dependencies) return the same object;
// 3. boots the double before the app's first line runs.
import Module, { register } from 'node:module';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ENTRY_HOOK = Symbol.for('electron-double.entry-evaluating');

function entryUrl() {
  const main = process.argv[1];
  if (!main) return '';
  try {
    return pathToFileURL(realpathSync(resolve(main))).href;
  } catch {
    return pathToFileURL(resolve(main)).href;
  }
}

register('./hooks.mjs', import.meta.url, {
  data: {
    electronUrl: new URL('./runtime/index.ts', import.meta.url).href,
    doubleRootUrl: new URL('.', import.meta.url).href,
    entryUrl: entryUrl(),
    cacheDir: join(tmpdir(), `electron-double-cache-${process.getuid?.() ?? 0}`),
  },
});

// CommonJS resolution does not go through the ESM hooks on Node 20: patch it for this one name.
const cjsShim = fileURLToPath(new URL('./electron-cjs.cjs', import.meta.url));
const originalResolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveFilename(request, ...rest) {
  return request === 'electron' ? cjsShim : originalResolveFilename.call(this, request, ...rest);
};

// A CommonJS entry never reaches the ESM entry marker: signal 'ready' after it has run.
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  const exported = originalLoad.call(this, request, parent, isMain);
  if (isMain) globalThis[ENTRY_HOOK]?.();
  return exported;
};

await import('electron');
