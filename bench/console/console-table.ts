/** The console benchmark's figures as a table (issue 15). Pure. */
import type { Table } from '../lib/table';
import type { ConsoleFigures } from './console-bench';

/** The target: the newest line on screen within 100 ms at 1,000 lines a second. */
export const TARGET_MS = 100;

export function consoleTable(f: ConsoleFigures, seconds: number): Table {
  return {
    title: `Console: the newest line's delay (scrollback ${f.scrollback.toLocaleString('en')} lines, full)`,
    columns: ['Lines per second', 'Lines', 'Last line shown after', 'Newest line at worst', `Within ${TARGET_MS} ms`],
    rows: f.rates.map((r) => [
      r.linesPerSecond.toLocaleString('en'),
      r.lines.toLocaleString('en'),
      `${r.lastLineDelayMs} ms`,
      `${r.worstLagMs} ms`,
      r.lastLineDelayMs <= TARGET_MS ? 'yes' : 'no',
    ]),
    notes: [
      `Each rate streams for ${seconds} s through the sim's Wings websocket into one server's Console tab on the Electron double; the scrollback is filled first, so every write also trims.`,
      '"Last line shown after": from the print of the stream\'s last line in the sim to its row on screen. "Newest line at worst": the oldest the newest visible line got while the stream ran, sampled every animation frame.',
      'Main pushes the lines in batches of ~16 ms (src/main/console-push-batcher.ts) and the terminal gets one write per animation frame (frame-batcher.ts); before issue 15 each line was its own push and its own write, and the window drew 160–265 lines a second at most.',
    ],
  };
}
