/**
 * The layering rule (issue 12), as VS Code's `code-import-patterns` does it: every module under
 * src/ belongs to a layer, and a layer may import only the layers listed for it. Relative imports
 * are resolved against the importing file; bare specifiers (packages) are not this rule's business.
 *
 *   shared   → shared                         (the vocabulary; the renderer reads it too)
 *   leaf     → shared                         (core/util/deps: clocks, loggers, timers)
 *   core     → core, shared                   (never main, renderer, cli or sim)
 *   sim      → sim, shared, leaf              (a panel of its own, not our client's code)
 *   renderer → renderer, shared               (a sandboxed page; main only through window.api)
 *   preload  → shared
 *   main     → main, core, shared, sim        (the composition root; the demo panel is the sim)
 *   cli      → cli, core, shared, sim         (`pterotray sim` runs the simulated panel)
 */
import { dirname, relative, resolve, sep } from 'node:path';

export const LAYERS = {
  shared: ['shared'],
  leaf: ['shared', 'leaf'],
  core: ['core', 'shared', 'leaf'],
  sim: ['sim', 'shared', 'leaf'],
  renderer: ['renderer', 'shared'],
  preload: ['shared'],
  main: ['main', 'core', 'shared', 'leaf', 'sim'],
  cli: ['cli', 'core', 'shared', 'leaf', 'sim'],
};

/** The layer of a path relative to the repository root, or null outside src/. */
export function layerOf(path) {
  const p = path.split(sep).join('/');
  if (!p.startsWith('src/')) return null;
  if (p === 'src/core/util/deps.ts' || p.startsWith('src/core/util/deps')) return 'leaf';
  const top = p.split('/')[1];
  return top in LAYERS ? top : null;
}

export default {
  rules: {
    layers: {
      meta: {
        type: 'problem',
        docs: { description: 'A layer imports only the layers it may (tools/eslint/layers.js).' },
        schema: [],
        messages: { crossing: '{{from}} must not import {{to}} ({{target}}): {{from}} may import only {{allowed}}.' },
      },
      create(context) {
        const root = context.cwd ?? process.cwd();
        const file = relative(root, context.filename ?? context.getFilename());
        const from = layerOf(file);
        if (from === null) return {};
        const check = (node, source) => {
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const target = relative(root, resolve(dirname(resolve(root, file)), source));
          const to = layerOf(target.endsWith('.ts') || target.endsWith('.svelte') || target.endsWith('.js') ? target : `${target}.ts`) ?? layerOf(target);
          if (to === null || LAYERS[from].includes(to)) return;
          context.report({ node, messageId: 'crossing', data: { from, to, target: target.split(sep).join('/'), allowed: LAYERS[from].join(', ') } });
        };
        return {
          ImportDeclaration: (node) => check(node.source, node.source.value),
          ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
          ExportAllDeclaration: (node) => check(node.source, node.source.value),
          ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
        };
      },
    },
  },
};
