/**
 * The panel's own activity log merged into the timeline (issue 14, part 2): each entry once (its
 * id is the panel's), with the panel's actor. Only the event, its time, the actor and whether an
 * API key did it are kept: an entry's properties can hold a startup variable's old and new values
 * (a password, a token) and its IP is the person's, so neither is copied into the timeline or any
 * alert.
 */
import type { ActivityEntry, PowerSignal } from '../api/models';
import type { NoticeServer } from '../rules/notification-policy';
import { noticeName, plainLine } from '../rules/notice-text';
import { serverKey } from '../../shared/server-key';
import type { Incident } from './types';

/** `server:power.start` → `power start`; `server:file.write` → `file write`. */
export function activityWords(event: string): string {
  const words = plainLine(event.replace(/^server:/, '').replace(/[._:]+/g, ' '));
  return words === '' ? 'activity' : words;
}

/** The power signal of a `server:power.*` entry, or null. */
export function activityPowerSignal(event: string): PowerSignal | null {
  const match = /^server:power\.(start|stop|restart|kill)$/.exec(event);
  return match ? (match[1] as PowerSignal) : null;
}

/** One activity entry as an incident; null when its time cannot be read. */
export function incidentOfActivity(server: NoticeServer, accountName: string, entry: ActivityEntry): Incident | null {
  const at = Date.parse(entry.timestamp);
  if (!Number.isFinite(at)) return null;
  const name = noticeName(server.name, server.identifier);
  const actor = entry.actorUsername === null ? null : noticeName(entry.actorUsername, 'someone');
  const by = actor === null ? '' : ` by ${actor}`;
  return {
    id: `panel-activity:${serverKey(server)}:${entry.id}`,
    at,
    kind: 'panel-activity',
    severity: 'info',
    accountId: server.accountId,
    accountName: noticeName(accountName, server.accountId),
    server: { identifier: server.identifier, name },
    node: null,
    title: `${name}: ${activityWords(entry.event)}${by}`,
    detail: `From the panel’s activity log${entry.isApi ? ', done through an API key' : ''}.`,
    actor,
    source: 'panel',
    crash: null,
  };
}
