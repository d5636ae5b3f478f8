// TypeScript to an ES module, for the module hooks that let plain Node run our .ts files (the
// Electron double's, the bench's): the project's own `typescript`, one file at a time, no type
// checking (tsc does that), the output cached on disk by content so child processes share it.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Bump when the compiler options below change, so stale cache entries are not reused.
const CACHE_VERSION = '1';
let typescript;

/** The module source of the `.ts` file at `url`; cached under `cacheDir` when one is given. */
export async function transpileTs(url, cacheDir) {
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
    await rename(draft, cached); // Atomic, so parallel children never read half a file.
  }
  return output;
}
