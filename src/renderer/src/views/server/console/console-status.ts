/** The console's status strip: one line saying whether output is live, and why not. */
import { t } from '../../../lib/strings';
import type { AttachStatus } from './console-store.svelte';
import type { ConsoleConnection, ServerView } from '../../../../../shared/types';

/** The strip's tone: `busy` while connecting or reconnecting. */
export type ConsoleTone = 'ok' | 'busy' | 'off' | 'danger';

export interface ConsoleStatus {
  tone: ConsoleTone;
  text: string;
  title: string;
}

const TONES: Record<ConsoleConnection, ConsoleTone> = {
  connecting: 'busy',
  connected: 'ok',
  reconnecting: 'busy',
  offline: 'off',
  failed: 'danger',
};

export interface StatusInput {
  attachStatus: AttachStatus;
  attachError: string | null;
  connection: ConsoleConnection;
  serverState: ServerView['state'];
}

/** What the strip says for the attach, the connection and the server's power state. */
export function consoleStatus(input: StatusInput): ConsoleStatus {
  const c = t.console;
  if (input.attachStatus === 'failed') {
    return { tone: 'danger', text: `${c.attachFailed} ${input.attachError ?? t.unknownError}`, title: c.connectionTitle.failed };
  }
  const connection = input.attachStatus === 'attaching' ? 'connecting' : input.connection;
  // A stopped server is the reason there is nothing to follow: say that, not "not connected".
  if (input.serverState === 'offline' && connection !== 'failed') {
    return { tone: 'off', text: c.serverOffline, title: c.offlineHint };
  }
  return { tone: TONES[connection], text: c.connection[connection], title: c.connectionTitle[connection] };
}
