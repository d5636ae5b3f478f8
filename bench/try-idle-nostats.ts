import { renderText } from './lib/table';
import { runIdle } from './idle/idle-run';
import { idleTable } from './idle/idle-table';
for (const simOverrides of [{ statsIntervalMs: 3_600_000 }, {}]) {
  const figures = await runIdle({ servers: 500, windowMs: 120_000, sampleEveryMs: 30_000, simOverrides }, console.error);
  console.log(JSON.stringify(simOverrides), renderText(idleTable(figures, true)).split('\n').slice(0, 8).join('\n'));
}
