/**
 * The words of main's own questions (src/main/dialogs.ts shows them): plain data, so the wording
 * has unit tests without Electron.
 */
import type { MessageBoxOptions } from 'electron';
import { PLAIN_HTTP_WARNING } from '../shared/transport';

/** How many file names the upload question lists before "and N more". */
const LISTED_NAMES = 8;

/** The names a person sees, one per line, with the rest counted. */
export function listNames(names: readonly string[]): string {
  const shown = names.slice(0, LISTED_NAMES).map((n) => `• ${n}`);
  const rest = names.length - shown.length;
  return rest > 0 ? [...shown, `… and ${rest} more`].join('\n') : shown.join('\n');
}

export function uploadQuestion(request: { serverName: string; directory: string; fileNames: string[] }): MessageBoxOptions {
  const count = request.fileNames.length;
  return {
    type: 'question',
    buttons: ['Upload', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    title: 'Upload files',
    message: count === 1 ? `Upload ${request.fileNames[0]} to ${request.serverName}?` : `Upload ${count} files to ${request.serverName}?`,
    detail: `Into ${request.directory}:\n${listNames(request.fileNames)}`,
  };
}

export function addPanelQuestion(request: { name: string; url: string; isPlainHttp: boolean }): MessageBoxOptions {
  if (request.isPlainHttp) {
    return {
      type: 'warning',
      buttons: ['Cancel', 'Add without encryption'],
      defaultId: 0,
      cancelId: 0,
      title: 'Add panel',
      message: `Add ${request.name} without encryption?`,
      detail: `${request.url}\n\n${PLAIN_HTTP_WARNING} Pterotray will mark this panel “Not encrypted”.`,
    };
  }
  return {
    type: 'question',
    buttons: ['Add panel', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    title: 'Add panel',
    message: `Add ${request.name} to Pterotray?`,
    detail: `${request.url}\n\nPterotray will keep the key in the system keychain and show this panel’s servers in the tray.`,
  };
}
