/**
 * The Schedules tab's local files (issue 13): main's own open dialog for an import, and reading
 * or writing the file main's dialogs chose. The page names no path (gesture-contract.ts
 * 'main-picker'); a file bigger than a schedule could be is refused unread.
 */
import { dialog, type BrowserWindow } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { ScheduleFilePort } from './ipc/handlers/ports';

/** Ten tasks of 4 KiB each and change: anything bigger is not a schedule file. */
const MAX_SCHEDULE_FILE_BYTES = 256 * 1024;

export function createScheduleFiles(parent: () => BrowserWindow | null): ScheduleFilePort {
  return {
    chooseImportPath: async () => {
      const options = { properties: ['openFile' as const], title: 'Import a schedule', filters: [{ name: 'Schedule (JSON)', extensions: ['json'] }] };
      const window = parent();
      const r = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : (r.filePaths[0] ?? null);
    },
    read: async (path) => {
      const info = await stat(path);
      if (!info.isFile() || info.size > MAX_SCHEDULE_FILE_BYTES) throw new Error('This file is too big to be a schedule.');
      return readFile(path, 'utf8');
    },
    write: (path, text) => writeFile(path, text, { encoding: 'utf8', mode: 0o644 }),
  };
}
