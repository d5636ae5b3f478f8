/**
 * `npm run bench`: measures Pterotray against what a user has today and prints one table per
 * section (figures, not pass/fail). Progress goes to stderr, tables to stdout, and the whole
 * report to test-results/bench/. See docs/benchmarks.md for what each section measures.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileListTable } from './files/file-list-table';
import { runFileList } from './files/file-list-bench';
import { idleTable } from './idle/idle-table';
import { runIdle } from './idle/idle-run';
import { parseArgs, USAGE, UsageError, type BenchPlan, type SectionName } from './lib/args';
import { describeMachine, machineLine } from './lib/machine';
import { figuresBlock, replaceFigures } from './lib/report';
import { renderText, type Table } from './lib/table';
import { transferTable } from './transfer/transfer-table';
import { runTransfers } from './transfer/transfer-bench';
import { runStartupCase, type StartupFigures } from './startup/startup-run';
import { startupTable } from './startup/startup-table';
import { benchWatch } from './watch/watch-bench';
import { runHistoryBench } from './history/history-bench';
import { historyTable } from './history/history-table';
// ── console (issue 15) ──
import { runConsoleBench } from './console/console-bench';
import { consoleTable } from './console/console-table';

const REPORT_DIR = 'test-results/bench';
const DOCS = 'docs/benchmarks.md';
const startedAt = Date.now();

function progress(line: string): void {
  const elapsed = ((Date.now() - startedAt) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${elapsed} s] ${line}\n`);
}

async function runSection(section: SectionName, plan: BenchPlan): Promise<Table> {
  switch (section) {
    case 'watch':
      return benchWatch(plan, progress);
    case 'startup':
      return benchStartup(plan);
    case 'idle':
      return benchIdle(plan);
    case 'transfer':
      return transferTable(await runTransfers(plan.transfer, progress), plan.isQuick);
    case 'files':
      return fileListTable(await runFileList(plan.files, progress));
    case 'console':
      return consoleTable(await runConsoleBench(plan.console.rates, plan.console.seconds, progress), plan.console.seconds);
    case 'history':
      return historyTable(await runHistoryBench(plan.history.servers, progress), plan.isQuick);
  }
}

async function benchStartup(plan: BenchPlan): Promise<Table> {
  const runs: StartupFigures[] = [];
  for (const group of plan.startup.groups) {
    progress(
      `startup: ${group.map((c) => `${c.servers} servers on ${c.panels} panel(s)`).join(', ')} (at most ${Math.round(plan.startup.capMs / 1000)} s each)`,
    );
    runs.push(...(await Promise.all(group.map((c) => runStartupCase(c, plan.startup.capMs)))));
  }
  return startupTable(
    runs.sort((a, b) => a.servers - b.servers || a.panels - b.panels),
    plan.isQuick,
  );
}

// Two minutes are enough to see a CPU rate that has no token refresh or list in it.
const NO_STATS_WINDOW_MS = 120_000;

async function benchIdle(plan: BenchPlan): Promise<Table> {
  const figures = await runIdle(plan.idle, progress);
  if (!plan.idle.hasNoStatsRun) return idleTable(figures, plan.isQuick);
  progress('idle: again with no stats frames from Wings');
  const windowMs = Math.min(plan.idle.windowMs, NO_STATS_WINDOW_MS);
  const withoutStats = await runIdle({ ...plan.idle, windowMs, simOverrides: { statsIntervalMs: 3_600_000 } }, progress);
  return idleTable(figures, plan.isQuick, withoutStats);
}

/** A section that failed still gets a table, saying why, so the other sections' figures stand. */
function failedTable(section: SectionName, error: unknown): Table {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return { title: `${section}: FAILED`, columns: ['Error'], rows: [[message]], notes: [] };
}

function planOrExit(): BenchPlan {
  try {
    const plan = parseArgs(process.argv.slice(2));
    if (plan) return plan;
    console.log(USAGE);
    process.exit(0);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const plan = planOrExit();
const machine = describeMachine();
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
progress(
  `${plan.isQuick ? 'QUICK MODE (about 5 min): idle window 1 min instead of 10, 30 s watch windows at 10 and 100 servers, one 256 MiB transfer round. ' : ''}sections: ${plan.sections.join(', ')}`,
);
const tables: Table[] = [];
let hasFailed = false;
for (const section of plan.sections) {
  progress(`${section}: starting`);
  const table = await runSection(section, plan).catch((error: unknown) => {
    hasFailed = true;
    progress(`${section}: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return failedTable(section, error);
  });
  tables.push(table);
  console.log(`\n${renderText(table)}`);
}
const block = figuresBlock({ machine: machineLine(machine, loadavg()[0] ?? 0), command, isQuick: plan.isQuick, durationMs: Date.now() - startedAt }, tables);
mkdirSync(REPORT_DIR, { recursive: true });
const reportPath = join(REPORT_DIR, `bench-${machine.date.replace(/[:.]/g, '-')}.md`);
writeFileSync(reportPath, `${block}\n`);
writeFileSync(join(REPORT_DIR, 'latest.md'), `${block}\n`);
console.log(`\n${machineLine(machine, loadavg()[0] ?? 0)}`);
progress(`report written to ${reportPath}`);
if (plan.shouldWriteDocs) {
  writeFileSync(DOCS, replaceFigures(readFileSync(DOCS, 'utf8'), block));
  progress(`${DOCS} updated`);
}
process.exitCode = hasFailed ? 1 : 0;
