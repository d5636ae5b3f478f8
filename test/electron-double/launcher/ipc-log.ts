/**
 * Every message that crossed between a page and the app, as the launcher relayed it: for
 * assertions like "no API key in any IPC reply".
 */

/** One relayed message. */
export interface IpcLogEntry {
  /** invoke: page → main with a reply; send: page → main; push: main → page (webContents.send). */
  kind: 'invoke' | 'send' | 'push';
  windowId: number;
  channel: string;
  args: unknown[];
  /** The sender frame's URL as the app saw it (invoke and send). */
  frameUrl?: string;
  reply?: { ok: true; value: unknown } | { ok: false; error: string };
}
