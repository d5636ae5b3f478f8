#!/usr/bin/env node
/**
 * Import circles in src/ (issue 12): every relative import, `import type` included (a type-only
 * circle is still two modules that cannot be understood apart), resolved to a file; any cycle is
 * printed and fails `npm run lint`. TypeScript's own pre-processor finds the imports, so comments
 * and strings never count.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const SRC = join(ROOT, 'src');
const EXTENSIONS = ['', '.ts', '.svelte.ts', '.svelte', '.js', '/index.ts'];

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(name) && !/\.(test|spec)\.ts$/.test(name) ? [path] : [];
  });
}

function scriptOf(path) {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  // `./x.js` written for a `./x.ts`
  const ts_ = base.replace(/\.js$/, '.ts');
  return existsSync(ts_) ? ts_ : null;
}

export function importGraph(files, within = SRC) {
  const graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(scriptOf(file), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolveImport(file, s))
      .filter((t) => t !== null && t.startsWith(within));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every elementary cycle's first sighting, as a list of files (Tarjan's SCCs of size > 1, or a self-import). */
export function cycles(graph) {
  let index = 0;
  const stack = [];
  const on = new Set();
  const idx = new Map();
  const low = new Map();
  const found = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = cycles(importGraph(sources(SRC)));
  if (found.length === 0) {
    console.log('import-cycles: none in src/');
  } else {
    for (const cycle of found) console.error(`import-cycles: these import each other: ${cycle.map((f) => relative(ROOT, f)).join(' ↔ ')}`);
    process.exit(1);
  }
}
