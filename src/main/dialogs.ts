/**
 * Main's own dialogs: the file pickers, and the confirmations that stand between the page and
 * anything that reads this computer's files or points the key at a new panel (the gestures of
 * src/main/ipc/gesture-contract.ts). A page cannot open, answer or skip them.
 */
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { addPanelQuestion, uploadQuestion } from './dialog-questions';
import type { DialogPort } from './ipc/handlers/ports';

/** The real dialogs, parented to the window when it exists (a sheet on macOS). */
export function createDialogs(parent: () => BrowserWindow | null): DialogPort {
  const ask = async (options: MessageBoxOptions, yes: number): Promise<boolean> => {
    const window = parent();
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    return response === yes;
  };
  return {
    chooseSavePath: async (name) => {
      const r = await dialog.showSaveDialog({ defaultPath: name, title: 'Save download as' });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    chooseFilesToUpload: async () => {
      const r = await dialog.showOpenDialog({ properties: ['openFile', 'multiSelections'], title: 'Upload files' });
      return r.canceled ? null : r.filePaths;
    },
    confirmUpload: (request) => ask(uploadQuestion(request), 0),
    confirmAddPanel: (request) => ask(addPanelQuestion(request), request.isPlainHttp ? 1 : 0),
  };
}
