/**
 * Builds the script that runs in a window's page before any page script: the page-side shim, then
 * the app's preload bundle wrapped the way Electron wraps a sandboxed preload (exports, require,
 * module, __filename, __dirname, process, Buffer, global, setImmediate, clearImmediate). The preload
 * is pasted in as code, not eval'd, so the page's CSP does not get in the way.
 */
import { readFileSync } from 'node:fs';
import { runInThisContext, Script } from 'node:vm';

function pageFile(name: string): string {
  return readFileSync(new URL(`../page/${name}`, import.meta.url), 'utf8').trim();
}

const SHIM = pageFile('electron-shim.js');
const CODEC = pageFile('clone-codec.js');
const PARTS = `{ installWindowOpen: (${pageFile('window-open.js')}), createIpcRenderer: (${pageFile('ipc-renderer.js')}), createContextBridge: (${pageFile('context-bridge.js')}) }`;

/** JSON-safe encoding of structured-cloneable values (the same code runs in the page). */
export interface CloneCodec {
  encode(value: unknown): unknown;
  decode(value: unknown): unknown;
}

/** The codec, evaluated in Node from the same file the page gets. */
export function createNodeCodec(): CloneCodec {
  const create = runInThisContext(CODEC, { filename: 'clone-codec.js' }) as () => CloneCodec;
  return create();
}

export interface InitScriptOptions {
  preloadPath?: string;
  contextIsolation: boolean;
  electronVersion: string;
}

export interface InitScript {
  script: string;
  /** Why the preload could not be used (missing file, syntax error); it is then left out. */
  preloadError?: string;
}

function wrapPreload(source: string): string {
  return `(function (exports, require, module, __filename, __dirname, process, Buffer, global, setImmediate, clearImmediate) {\n${source}\n})`;
}

function readPreload(path: string | undefined): { source?: string; error?: string } {
  if (!path) return {};
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    return { error: `Unable to load preload script: ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    new Script(wrapPreload(source), { filename: path });
  } catch (error) {
    return { error: `Unable to load preload script: ${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { source };
}

/** The init script for one window. */
export function buildInitScript(options: InitScriptOptions): InitScript {
  const preload = readPreload(options.preloadPath);
  const config = { preloadPath: options.preloadPath ?? '', contextIsolation: options.contextIsolation, electronVersion: options.electronVersion };
  const runPreload = preload.source
    ? `try {\n${wrapPreload(preload.source)}.call(shim.module.exports, shim.module.exports, shim.require, shim.module, shim.filename, shim.dirname, shim.process, undefined, globalThis, (fn, ...args) => setTimeout(fn, 0, ...args), clearTimeout);\n} catch (error) {\nshim.preloadFailed(error);\n}`
    : '';
  const script = `(() => {\nconst codec = (${CODEC})();\nconst shim = (${SHIM})(${JSON.stringify(config)}, codec, ${PARTS});\nif (!shim) return;\n${runPreload}\n})();\n`;
  return preload.error === undefined ? { script } : { script, preloadError: preload.error };
}
