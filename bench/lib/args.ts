/** The command line of `npm run bench` and the plan it gives: what runs, for how long. Pure. */

export const SECTIONS = ['watch', 'startup', 'idle', 'transfer', 'files', 'history', 'console'] as const;
export type SectionName = (typeof SECTIONS)[number];

/** How long and how big each section runs. */
export interface BenchPlan {
  isQuick: boolean;
  sections: SectionName[];
  /** Rewrite the figures block of docs/benchmarks.md from this run. */
  shouldWriteDocs: boolean;
  watch: {
    /** Sizes (servers in total, over 3 panels); the sizes of one group run at the same time. */
    groups: number[][];
    /** Steady-state measurement window. */
    windowMs: number;
    /** A state change is made this often while the window runs. */
    trialEveryMs: number;
  };
  startup: {
    /** Sizes (servers, panels); the sizes of one group run at the same time. */
    groups: Array<Array<{ servers: number; panels: number }>>;
    /** How long a watcher gets before its time says "not within". */
    capMs: number;
  };
  idle: {
    servers: number;
    windowMs: number;
    sampleEveryMs: number;
    /** Also run 2 minutes with no Wings stats frames, to show what they cost (`--idle-no-stats`). */
    hasNoStatsRun: boolean;
  };
  transfer: { bytes: number; rounds: number };
  files: { repeats: number };
  /** Servers whose 90 days of history are written and read (issue 14). */
  history: { servers: number };
  // ── console (issue 15) ──
  /** Lines a second streamed into one console, and for how long each. */
  console: { rates: number[]; seconds: number };
}

export const USAGE = `Usage: npm run bench [-- --quick] [-- --only=watch,startup,idle,transfer,files,history,console] [-- --write-docs]

  --quick        about 5 minutes instead of 20: idle window 1 min (not 10), watch windows 30 s at
                 10 and 100 servers only (side by side), one 256 MiB transfer round (not three of
                 1 GiB), 3 file-list repeats (not 5), 50 servers' history (not 500)
  --only=LIST    run only these sections (comma-separated)
  --write-docs   replace the figures block of docs/benchmarks.md with this run's tables
  --idle-no-stats  also run the idle section for 2 min with no Wings stats frames (about 3 min
                 more), to show how much of the idle cost they are`;

/** Thrown for a command line that cannot be run; the message says why. */
export class UsageError extends Error {}

function parseOnly(value: string): SectionName[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    if (!(SECTIONS as readonly string[]).includes(name)) throw new UsageError(`unknown section "${name}" (expected ${SECTIONS.join(', ')})`);
  }
  return SECTIONS.filter((section) => names.includes(section));
}

/** The plan for these arguments (process.argv.slice(2)); null when help was asked. */
export function parseArgs(argv: readonly string[]): BenchPlan | null {
  let isQuick = false;
  let shouldWriteDocs = false;
  let hasNoStatsRun = false;
  let sections: SectionName[] = [...SECTIONS];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return null;
    else if (arg === '--quick') isQuick = true;
    else if (arg === '--write-docs') shouldWriteDocs = true;
    else if (arg === '--idle-no-stats') hasNoStatsRun = true;
    else if (arg.startsWith('--only=')) sections = parseOnly(arg.slice('--only='.length));
    else throw new UsageError(`unknown argument "${arg}"`);
  }
  if (sections.length === 0) throw new UsageError('--only names no section');
  return planFor({ isQuick, sections, shouldWriteDocs, hasNoStatsRun });
}

function planFor(flags: Pick<BenchPlan, 'isQuick' | 'sections' | 'shouldWriteDocs'> & { hasNoStatsRun: boolean }): BenchPlan {
  const { isQuick, sections, shouldWriteDocs, hasNoStatsRun } = flags;
  const GIB = 1024 ** 3;
  return {
    isQuick,
    sections,
    shouldWriteDocs,
    watch: isQuick ? { groups: [[10, 100]], windowMs: 30_000, trialEveryMs: 1_000 } : { groups: [[10, 100], [500]], windowMs: 60_000, trialEveryMs: 1_000 },
    startup: {
      groups: isQuick
        ? [
            [
              { servers: 100, panels: 1 },
              { servers: 100, panels: 3 },
            ],
          ]
        : [
            [
              { servers: 100, panels: 1 },
              { servers: 100, panels: 3 },
              { servers: 500, panels: 3 },
            ],
            [{ servers: 500, panels: 1 }],
          ],
      capMs: isQuick ? 120_000 : 300_000,
    },
    idle: { servers: 500, windowMs: isQuick ? 60_000 : 600_000, sampleEveryMs: isQuick ? 10_000 : 30_000, hasNoStatsRun },
    transfer: { bytes: isQuick ? GIB / 4 : GIB, rounds: isQuick ? 1 : 3 },
    files: { repeats: isQuick ? 3 : 5 },
    history: { servers: isQuick ? 50 : 500 },
    // ── console (issue 15) ──
    console: { rates: [400, 1000], seconds: isQuick ? 5 : 15 },
  };
}
