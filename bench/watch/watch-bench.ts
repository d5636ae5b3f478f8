/** Section 1: the cost and speed of watching, at each size of the plan. */
import type { BenchPlan } from '../lib/args';
import type { Table } from '../lib/table';
import { runWatchSize, type WatchRunFigures } from './watch-run';
import { watchTable } from './watch-table';

/** Runs every group of sizes (a group's sizes side by side) and returns the table. */
export async function benchWatch(plan: BenchPlan, progress: (line: string) => void): Promise<Table> {
  const { groups, windowMs, trialEveryMs } = plan.watch;
  const runs: WatchRunFigures[] = [];
  for (const group of groups) {
    progress(`watch: ${group.join(' and ')} servers, ${Math.round(windowMs / 1000)} s window each`);
    const results = await Promise.all(group.map((servers) => runWatchSize({ servers, windowMs, trialEveryMs })));
    runs.push(...results);
  }
  return watchTable(
    runs.sort((a, b) => a.servers - b.servers),
    plan.isQuick,
  );
}
