// Module hooks (registered by register.mjs; they run on Node's loader thread): `.ts` files outside
// node_modules are transpiled one by one with the project's `typescript` (no type checking: that
// is `tsc -p bench/tsconfig.json`'s job), and extensionless relative imports resolve the way the
// project's `moduleResolution: bundler` does (`./x` → `./x.ts` or `./x/index.ts`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transpileTs } from '../scripts/ts-transpile.mjs';

let cacheDir = '';

/** Receives the cache directory from register.mjs. */
export function initialize(data) {
  cacheDir = data?.cacheDir ?? '';
}

const isOwnTs = (url) => url.startsWith('file:') && url.endsWith('.ts') && !url.includes('/node_modules/');
const hasExtension = (specifier) => /\.[cm]?[jt]s$|\.json$/.test(specifier);

function existingFile(url) {
  try {
    return existsSync(fileURLToPath(url));
  } catch {
    return false;
  }
}

/** Extensionless relative imports from our TypeScript: `.ts`, then `/index.ts`. */
export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL;
  if (parent && isOwnTs(parent) && /^\.\.?\//.test(specifier) && !hasExtension(specifier)) {
    for (const candidate of [`${specifier}.ts`, `${specifier}/index.ts`]) {
      const url = new URL(candidate, parent).href;
      if (existingFile(url)) return { url, format: 'module', shortCircuit: true };
    }
  }
  return nextResolve(specifier, context);
}

/** Our `.ts` files become ES modules. */
export async function load(url, context, nextLoad) {
  if (isOwnTs(url)) return { format: 'module', source: await transpileTs(url, cacheDir), shortCircuit: true };
  return nextLoad(url, context);
}
