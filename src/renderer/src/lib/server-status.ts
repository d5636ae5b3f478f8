/** What a server's status dot shows: its colour and its word. Pure, so the rule has one home. */
import { t } from './strings';
import type { ServerView } from '../../../shared/types';

/** A status dot's colour: ok green, warn amber, danger red, off a hollow ring, neutral grey. */
export type StatusTone = 'ok' | 'warn' | 'danger' | 'off' | 'neutral';

export interface ServerStatus {
  tone: StatusTone;
  /** The word shown beside the dot, and what a screen reader says for it. */
  label: string;
}

/** An availability other than `ok` wins over the power state: it is why the state does not matter now. */
export function serverStatus(server: Pick<ServerView, 'state' | 'availability'>): ServerStatus {
  if (server.availability !== 'ok') {
    return { tone: server.availability === 'node-unreachable' ? 'danger' : 'neutral', label: t.availability[server.availability] };
  }
  const tone: StatusTone = server.state === 'running' ? 'ok' : server.state === 'offline' ? 'off' : server.state === 'unknown' ? 'neutral' : 'warn';
  return { tone, label: t.states[server.state] };
}
