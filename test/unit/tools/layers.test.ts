/** The layering lint rule (tools/eslint/layers.js) and the import-circle check (tools/import-cycles.mjs). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JS module of the lint config, without types
import layers, { layerOf } from '../../../tools/eslint/layers.js';
// @ts-expect-error -- a plain JS script, without types
import { cycles, importGraph } from '../../../tools/import-cycles.mjs';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

describe('layers', () => {
  it('puts each folder in its layer, with core/util/deps as the leaf', () => {
    expect([
      layerOf('src/shared/types.ts'),
      layerOf('src/core/util/deps.ts'),
      layerOf('src/core/api/client.ts'),
      layerOf('src/renderer/src/App.svelte'),
      layerOf('test/x.ts'),
    ]).toEqual(['shared', 'leaf', 'core', 'renderer', null]);
  });

  tester.run('pterotray/layers', (layers as { rules: { layers: never } }).rules.layers, {
    valid: [
      { filename: 'src/shared/power.ts', code: "import type { ServerView } from './types';" },
      { filename: 'src/core/api/client.ts', code: "import { mayUse } from '../../shared/transport'; import axios from 'axios';" },
      { filename: 'src/sim/state/servers.ts', code: "import type { Clock } from '../../core/util/deps';" },
      { filename: 'src/renderer/src/components/PowerButtons.svelte.ts', code: "import { powerActions } from '../../../shared/power';" },
      { filename: 'src/main/app.ts', code: "import { startSimPanel } from '../sim'; import { PanelClient } from '../core/api/client';" },
    ],
    invalid: [
      { filename: 'src/shared/types.ts', code: "import type { PanelErrorKind } from '../core/api/errors';", errors: [{ messageId: 'crossing' }] },
      {
        filename: 'src/renderer/src/components/PowerButtons.ts',
        code: "import { powerActions } from '../../../core/tray/tray-model';",
        errors: [{ messageId: 'crossing' }],
      },
      { filename: 'src/core/monitor/x.ts', code: "import { app } from '../../main/app';", errors: [{ messageId: 'crossing' }] },
      { filename: 'src/core/monitor/x.ts', code: "export { startSimPanel } from '../../sim';", errors: [{ messageId: 'crossing' }] },
      { filename: 'src/sim/x.ts', code: "import { PanelClient } from '../core/api/client';", errors: [{ messageId: 'crossing' }] },
      { filename: 'src/core/x.ts', code: "const cli = import('../cli/run');", errors: [{ messageId: 'crossing' }] },
    ],
  });
});

describe('import circles', () => {
  it('finds a circle through type-only imports, and none in a straight line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cycles-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'one.ts'), "import type { B } from './two';\nexport type A = B;\n");
    writeFileSync(join(dir, 'a', 'two.ts'), "import { three } from './three';\nexport type B = string;\n");
    writeFileSync(join(dir, 'a', 'three.ts'), "import type { A } from './one';\nexport const three = 3;\n");
    writeFileSync(join(dir, 'a', 'four.ts'), "import { three } from './three';\n");
    const files = ['one', 'two', 'three', 'four'].map((n) => join(dir, 'a', `${n}.ts`));
    // importGraph keeps imports under src/ only: point its root at the fixture through relative resolution.
    const graph = importGraph(files, dir) as Map<string, string[]>;
    const found = cycles(graph) as string[][];
    expect(found.map((c) => c.map((f) => f.slice(dir.length + 3)))).toEqual([['one.ts', 'three.ts', 'two.ts']]);
  });
});
