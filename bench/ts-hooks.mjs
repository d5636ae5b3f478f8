// Module hooks (registered by register.mjs; they run on Node's loader thread): `.ts` files outside
// node_modules are transpiled one by one with the project's `typescript` (no type checking: that
// is `tsc -p bench/tsconfig.json`'s job), and extensionless relative imports resolve the way the
// project's `moduleResolution: bundler` does (`./x` → `./x.ts` or `./x/index.ts`).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Bump when the compiler options below change, so stale cache entries are not reused.
const CACHE_VERSION = '1';
let cacheDir = '';
let typescript;

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

async function transpile(url) {
  const source = await readFile(new URL(url), 'utf8');
  const key = createHash('sha256').update(CACHE_VERSION).update(url).update(source).digest('hex');
  const cached = cacheDir ? join(cacheDir, `${key}.mjs`) : '';
  if (cached) {
    try {
      return await readFile(cached, 'utf8');
    } catch {
      // Not cached yet.
    }
  }
  typescript ??= (await import('typescript')).default;
  const output = typescript.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: {
      module: typescript.ModuleKind.ESNext,
      target: typescript.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      inlineSourceMap: true,
    },
  }).outputText;
  if (cached) {
    await mkdir(cacheDir, { recursive: true });
    const draft = `${cached}.${process.pid}.tmp`;
    await writeFile(draft, output);
    await rename(draft, cached); // Atomic: the bench's child processes share the cache.
  }
  return output;
}

/** Our `.ts` files become ES modules. */
export async function load(url, context, nextLoad) {
  if (isOwnTs(url)) return { format: 'module', source: await transpile(url), shortCircuit: true };
  return nextLoad(url, context);
}
