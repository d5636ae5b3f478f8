/**
 * The daemon's log, pure: one entry per thing that happened (a state seen, a crash, a panel down
 * or back, a reload, the stop), printed as one plain line, or with `--json` one object a line, on
 * stdout, where journald or a log file takes it. Names and messages from the panel are stripped
 * of control characters; secrets never reach an entry (the output's redactor is a second net).
 */
import type { NotifiableEvent } from '../../core/rules/notification-policy';
import type { AccountView } from '../../shared/types';
import { stripControl, toJson } from '../format/sanitize';
import { changeText, type WatchEvent } from '../watch/watch-lines';

export type LogLevel = 'info' | 'warn' | 'error';

/** One line of the log. */
export interface DaemonLogEntry {
  atMs: number;
  level: LogLevel;
  /** What kind of thing: `state`, `crash`, `account`, `started`, `reload-failed`, … */
  event: string;
  /** The account's name, for what concerns one panel. */
  account?: string;
  /** The server's identifier and name, for what concerns one server. */
  server?: string;
  name?: string;
  /** One sentence. */
  message: string;
  /** Extra fields of the JSON line (`from`, `to`, `exit_code` …). */
  fields?: Record<string, unknown>;
}

/** `2026-12-04T01:12:00.000Z  info  state  main  1a2b3c4d  Survival 1  offline -> running` */
export function formatText(entry: DaemonLogEntry): string {
  const parts = [new Date(entry.atMs).toISOString(), entry.level, entry.event];
  if (entry.account !== undefined) parts.push(entry.account);
  if (entry.server !== undefined) parts.push(entry.server);
  if (entry.name !== undefined) parts.push(entry.name);
  parts.push(entry.message);
  return stripControl(parts.join('  '));
}

/** The `--json` line: `{"at", "level", "event", "account"?, "server"?, "name"?, "message", …fields}`. */
export function formatJson(entry: DaemonLogEntry): string {
  const { atMs, level, event, account, server, name, message, fields } = entry;
  return toJson({ at: new Date(atMs).toISOString(), level, event, account, server, name, message, ...fields });
}

/** A server change WatchLines saw, as an entry of `account`'s. */
export function serverEntry(account: string, e: WatchEvent): DaemonLogEntry {
  const base = { atMs: e.atMs, level: 'info' as const, event: e.event, account, server: e.identifier, name: e.name };
  const fields = { from: e.from, to: e.to, is_current: e.isCurrent, seen_at: e.seenAtMs === null ? null : new Date(e.seenAtMs).toISOString() };
  return { ...base, message: changeText(e), fields };
}

const REACTIONS: Record<string, string> = {
  restarting: 'Wings is restarting it',
  'not-restarted': 'Wings did not restart it',
  'detection-disabled': 'crash detection is off for it in Wings',
  'restart-failed': "Wings' restart failed",
  unknown: 'Wings said nothing about it yet',
};

/**
 * A monitor event as an entry, or null for one the server or account lines already tell.
 * `accountName` finds the name of an account the event gives only by id.
 */
export function monitorEntry(event: NotifiableEvent, accountName: (id: string) => string): DaemonLogEntry | null {
  const at = event.atMs;
  switch (event.type) {
    case 'state':
      return null;
    case 'crash': {
      const repeat = event.loop === 'started' ? ', a crash loop (3 in 10 minutes)' : event.isRepeat ? ', again within a minute' : '';
      return {
        ...serverPart(event.server, accountName),
        atMs: at,
        level: 'error',
        event: 'crash',
        message: `crashed: ${REACTIONS[event.reaction] ?? event.reaction}${repeat}`,
        fields: { reaction: event.reaction, is_repeat: event.isRepeat, loop: event.loop },
      };
    }
    case 'suspended':
    case 'unsuspended':
      return {
        ...serverPart(event.server, accountName),
        atMs: at,
        level: event.type === 'suspended' ? 'warn' : 'info',
        event: event.type,
        message: `the panel ${event.type} it`,
      };
    case 'usage':
      return {
        ...serverPart(event.server, accountName),
        atMs: at,
        level: 'warn',
        event: 'usage',
        message: `${event.metric} at ${Math.round(event.percentOfLimit)}% of its limit`,
        fields: { metric: event.metric, percent_of_limit: event.percentOfLimit },
      };
    // The account's status line (accountEntry) tells these, with the panel's own words.
    case 'key-revoked':
    case 'account-recovered':
      return null;
    case 'node-unreachable':
      return {
        atMs: at,
        level: 'warn',
        event: 'node-unreachable',
        account: event.accountName,
        message: `node ${event.node} cannot be reached`,
        fields: { node: event.node },
      };
    case 'node-recovered':
      return {
        atMs: at,
        level: 'info',
        event: 'node-recovered',
        account: accountName(event.accountId),
        message: `node ${event.node} answers again`,
        fields: { node: event.node },
      };
  }
}

function serverPart(
  server: { accountId: string; identifier: string; name: string },
  accountName: (id: string) => string,
): Pick<DaemonLogEntry, 'account' | 'server' | 'name'> {
  return { account: accountName(server.accountId), server: server.identifier, name: server.name };
}

/** One entry when a panel's status changes (down, refusing the key, asking to wait, back), or null. */
export function accountEntry(before: AccountView['status'] | null, account: AccountView, atMs: number): DaemonLogEntry | null {
  if (account.status === before || account.status === 'checking') return null;
  const said = stripControl(account.statusMessage ?? '')
    .trim()
    .replace(/[.\s]+$/, '');
  const base = { atMs, event: 'account', account: account.name, fields: { status: account.status } };
  switch (account.status) {
    case 'ok':
      return {
        ...base,
        level: 'info',
        message: before === null || before === 'checking' ? 'the panel answers' : 'the panel answers again; states follow as they are seen',
      };
    case 'unreachable':
      return { ...base, level: 'warn', message: `the panel cannot be reached${said === '' ? '' : `: ${said}`}; retrying` };
    case 'rate-limited':
      return { ...base, level: 'warn', message: 'the panel asked to wait (rate limit); carrying on when it allows' };
    default: {
      const why = said === '' ? 'the panel refused the API key' : said;
      return { ...base, level: 'error', message: account.status === 'key-revoked' ? `${why}: give the account a new key, then reload (SIGHUP)` : why };
    }
  }
}
