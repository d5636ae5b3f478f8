// Module hooks for the app's child process (registered by register.mjs; they run on Node's
// loader thread). They map the bare specifier `electron` to the double, let the double be
// TypeScript (transpiled with the project's own `typescript`, cached on disk), and mark the
// app's entry module so the double can emit 'ready' once the entry's imports have run.
import { transpileTs } from '../../scripts/ts-transpile.mjs';

let settings = { electronUrl: '', doubleRootUrl: '', entryUrl: '', cacheDir: '' };

/** Receives the URLs from register.mjs. */
export function initialize(data) {
  settings = data;
}

/** `electron` → the double; extensionless relative imports inside the double → `.ts`. */
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: settings.electronUrl, format: 'module', shortCircuit: true };
  const fromDouble = context.parentURL?.startsWith(settings.doubleRootUrl) && context.parentURL.endsWith('.ts');
  if (fromDouble && /^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier)) {
    return { url: new URL(`${specifier}.ts`, context.parentURL).href, format: 'module', shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

// Prepended on the entry's first line (line numbers stay right). Imports are hoisted, so this runs
// after every import of the entry has been evaluated and before the entry's own statements.
function markEntry(source) {
  const text = typeof source === 'string' ? source : new TextDecoder().decode(source);
  const hook = "globalThis[Symbol.for('electron-double.entry-evaluating')]?.();";
  if (!text.startsWith('#!')) return hook + text;
  const newline = text.indexOf('\n');
  return newline === -1 ? text : `${text.slice(0, newline + 1)}${hook}${text.slice(newline + 1)}`;
}

/** Transpiles the double's .ts files; marks the app's ESM entry. */
export async function load(url, context, nextLoad) {
  if (url.startsWith(settings.doubleRootUrl) && url.endsWith('.ts')) {
    return { format: 'module', source: await transpileTs(url, settings.cacheDir), shortCircuit: true };
  }
  const result = await nextLoad(url, context);
  if (url === settings.entryUrl && result.format === 'module') return { ...result, source: markEntry(result.source) };
  return result;
}
