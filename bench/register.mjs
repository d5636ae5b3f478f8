// `node --import ./bench/register.mjs bench/run.ts`: lets plain Node 20 run the benchmarks and the
// project's TypeScript sources (src/core, src/sim, the Electron double's launcher) without a build
// step or another dependency. The hooks transpile with the project's own `typescript`.
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

register('./ts-hooks.mjs', import.meta.url, {
  data: { cacheDir: join(tmpdir(), `pterotray-bench-ts-cache-${process.getuid?.() ?? 0}`) },
});
