/**
 * Main's own question before alerts go somewhere they did not go before (issue 14, the gesture of
 * `alerts:save` in src/main/ipc/gesture-contract.ts): a page can neither open, answer nor skip it.
 * It names the receiver's host only; a webhook URL's path is its secret.
 */
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';

const SERVICE: Record<string, string> = { discord: 'Discord', slack: 'Slack', ntfy: 'ntfy', webhook: 'a webhook' };

export function alertDestinationQuestion(request: { name: string; kind: string; host: string }): MessageBoxOptions {
  return {
    type: 'question',
    buttons: ['Send alerts there', 'Cancel'],
    defaultId: 0,
    cancelId: 1,
    title: 'Alert channel',
    message: `Send alerts to ${request.host}?`,
    detail: `“${request.name}” (${SERVICE[request.kind] ?? request.kind}) will receive what happens to your servers: crashes with their last console lines, outages, backups. Pterotray keeps the address in the system keychain.`,
  };
}

/** Asks, parented to the window when it exists; true only when the person chose to send. */
export function createAlertQuestion(parent: () => BrowserWindow | null): (request: { name: string; kind: string; host: string }) => Promise<boolean> {
  return async (request) => {
    const window = parent();
    const options = alertDestinationQuestion(request);
    const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
    return response === 0;
  };
}
