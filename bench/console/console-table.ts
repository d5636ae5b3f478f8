/** The console benchmark's figures as a table (issue 15). Pure. */
import type { Table } from '../lib/table';
import type { ConsoleFigures } from './console-bench';

/** The target: the newest line on screen within 100 ms at 1,000 lines a second. */
export const TARGET_MS = 100;

export function consoleTable(f: ConsoleFigures, seconds: number): Table {
  return {
    title: `Console: the newest line's delay (scrollback ${f.scrollback.toLocaleString('en')} lines, full)`,
    columns: ['Lines per second', 'Lines', 'Last line shown after', 'Newest line: median', '95th percentile', 'worst', 'Frames', `Within ${TARGET_MS} ms`],
    rows: f.rates.map((r) => [
      r.linesPerSecond.toLocaleString('en'),
      r.lines.toLocaleString('en'),
      `${r.lastLineDelayMs} ms`,
      `${r.medianLagMs} ms`,
      `${r.p95LagMs} ms`,
      `${r.worstLagMs} ms`,
      r.frames.toLocaleString('en'),
      r.lastLineDelayMs <= TARGET_MS && r.p95LagMs <= TARGET_MS ? 'yes' : 'no',
    ]),
    notes: [
      `Each rate streams for ${seconds} s through the sim's Wings websocket into one server's Console tab on the Electron double; the scrollback is filled first, so every write also trims.`,
      '"Last line shown after": from the print of the stream\'s last line in the sim to its row on screen. "Newest line": how old the newest visible line was at each animation frame while the stream ran (median, 95th percentile, worst). "Within": the last line and the 95th percentile both within the target.',
      'Main pushes the lines in batches of ~16 ms (src/main/console-push-batcher.ts) and the terminal gets one write per animation frame (frame-batcher.ts); before issue 15 each line was its own push and its own write, and the window drew 160–265 lines a second at most.',
    ],
  };
}
