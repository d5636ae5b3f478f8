/** The file-list benchmark's figures as a table (section 4 of the issue). Pure. */
import { maximum, median } from '../lib/stats';
import { duration, type Table } from '../lib/table';
import type { FolderFigures } from './file-list-bench';

/** One row per folder: medians and worst of the measured opens. */
export function fileListTable(folders: readonly FolderFigures[]): Table {
  const repeats = folders[0]?.runs.length ?? 0;
  return {
    title: 'File list: opening a folder in the window',
    columns: [
      'Folder',
      'Entries',
      'First rows (median)',
      'First rows (worst)',
      'Interactive (median)',
      'Interactive (worst)',
      'Longest task',
      'filesList IPC alone',
      'main CPU / double CPU in it',
      'listFiles in Node',
      'First open',
    ],
    rows: folders.map((folder) => {
      const first = folder.runs.map((r) => r.firstRowsMs);
      const interactive = folder.runs.map((r) => r.interactiveMs);
      return [
        folder.name,
        folder.entries.toLocaleString('en-US'),
        duration(median(first)),
        duration(maximum(first)),
        duration(median(interactive)),
        duration(maximum(interactive)),
        duration(maximum(folder.runs.map((r) => r.longestTaskMs))),
        duration(median(folder.ipcMs)),
        `${duration(median(folder.mainCpuMs))} / ${duration(median(folder.launcherCpuMs))}`,
        duration(median(folder.nodeMs)),
        `${duration(folder.warmUp.firstRowsMs)} / ${duration(folder.warmUp.interactiveMs)}`,
      ];
    }),
    notes: [
      `${repeats} opens of each folder, alternating, after one warm-up open each (last column: first rows / interactive of that warm-up, when the sim builds the folder).`,
      "From the double-click on the folder's row to: first rows = its first row in the DOM, a frame produced and a task run after it; " +
        'interactive = the end of the last long task (> 50 ms) after which the main thread stayed free for 300 ms.',
      'Whole path: the window asks main over IPC, main lists the folder through PanelClient from the sim (loopback), the answer crosses IPC back, Svelte renders a virtual list (only the visible rows exist). ' +
        '"filesList IPC alone" = the same call from the page with no rendering (medians), with the CPU time the app\'s main process and the double\'s launcher (the bench process, which relays every IPC reply to Chromium through Playwright) spent meanwhile (/proc, 10 ms steps); ' +
        '"listFiles in Node" = PanelClient.listFiles from the bench process, no IPC.',
      `Footer shown after opening: ${folders.map((f) => `${f.name} "${f.runs[0]?.status ?? ''}"`).join(', ')}. Chromium is Debian's (headless), driven by the Electron double, not Electron's own.`,
    ],
  };
}
