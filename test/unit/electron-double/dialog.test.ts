/**
 * dialog: scripted answers are used in order and shared by the sync and async variants; an
 * unanswered call is cancelled the way Electron picks the cancel button; impossible answers fail.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { answerNextDialog, dialog, dialogCalls } from '../../electron-double/runtime/dialog';
import { installFakeContext } from './fake-context';

beforeEach(() => {
  installFakeContext();
});

describe('dialog', () => {
  it("cancels an unanswered message box with cancelId, else the 'Cancel'/'No' button, else 0", async () => {
    expect((await dialog.showMessageBox({ message: 'a', buttons: ['OK', 'Cancel'] })).response).toBe(1);
    expect(dialog.showMessageBoxSync({ message: 'b', buttons: ['Yes', '&No'] })).toBe(1);
    expect(dialog.showMessageBoxSync({ message: 'c', buttons: ['A', 'B'], cancelId: 1 })).toBe(1);
    expect(dialog.showMessageBoxSync({ message: 'd', buttons: ['A', 'B'] })).toBe(0);
    expect(dialogCalls().every((call) => !call.scripted)).toBe(true);
  });

  it('uses scripted answers in order, for sync and async calls alike, and records the window', async () => {
    answerNextDialog('showMessageBox', { response: 1, checkboxChecked: true });
    answerNextDialog('showMessageBox', { response: 0 });
    const window = { id: 7, webContents: {} };
    expect(await dialog.showMessageBox(window, { message: 'x', buttons: ['Cancel', 'Delete'] })).toEqual({ response: 1, checkboxChecked: true });
    expect(dialog.showMessageBoxSync({ message: 'y', buttons: ['Cancel', 'Delete'] })).toBe(0);
    expect(
      dialogCalls()
        .slice(-2)
        .map((call) => [call.scripted, call.windowId]),
    ).toEqual([
      [true, 7],
      [true, undefined],
    ]);
  });

  it('fails loudly on an answer the dialog cannot produce', async () => {
    answerNextDialog('showMessageBox', { response: 5 });
    await expect(dialog.showMessageBox({ message: 'z', buttons: ['OK'] })).rejects.toThrow('response=5 but the box has 1 button(s)');
    expect(() => answerNextDialog('showErrorBox', {})).toThrow('cannot script answers for showErrorBox');
  });

  it("answers file dialogs from the queue and cancels like Electron ('' / undefined)", async () => {
    expect(dialog.showSaveDialogSync({})).toBe('');
    expect(dialog.showOpenDialogSync({})).toBeUndefined();
    answerNextDialog('showOpenDialog', { filePaths: ['/tmp/a.txt'] });
    expect(await dialog.showOpenDialog({ properties: ['openFile'] })).toEqual({ canceled: false, filePaths: ['/tmp/a.txt'] });
    answerNextDialog('showSaveDialog', { filePath: '/tmp/b.txt' });
    expect(await dialog.showSaveDialog({})).toEqual({ canceled: false, filePath: '/tmp/b.txt' });
    dialog.showErrorBox('Oops', 'It broke');
    expect(dialogCalls().at(-1)).toMatchObject({ kind: 'showErrorBox', options: { title: 'Oops', content: 'It broke' } });
  });
});
