/**
 * Monitor events as incidents, pure: the id (stable, so a replay or a retry is the same
 * incident), the kind, the severity and the words. Names come from the panel and are cleaned
 * as a notice's are (notice-text.ts): the timeline and every alert channel show them.
 */
import type { PowerSignal, PowerState } from '../api/models';
import { stateChangeBody, type CrashEvent, type NotifiableEvent, type NoticeServer } from '../rules/notification-policy';
import { noticeName } from '../rules/notice-text';
import { serverKey } from '../../shared/server-key';
import type { ServerRef } from '../../shared/types';
import type { CrashConsole } from './console-ring';
import type { CrashDetail, Incident, IncidentKind, IncidentSeverity } from './types';

/** What the words need that an event does not carry. */
export interface DescribeContext {
  /** The account's name as the person gave it; the id when it is not known. */
  accountName(accountId: string): string;
  /** The server's name and node where the monitor knows them. */
  server?(ref: ServerRef): { name: string; node: string | null } | null;
}

const STATE_WORDS: Record<PowerState, string> = { running: 'is up', offline: 'went down', starting: 'is starting', stopping: 'is stopping' };

/**
 * What a state change did, in the past (issue 15, item 5: "It was stopping." read as though it
 * still was): the notices' words for up and down, which alerts and the timeline repeat; a change
 * into starting or stopping names where it came from in the pluperfect.
 */
function stateDetail(from: PowerState, to: PowerState): string {
  if (to === 'running' || to === 'offline') return stateChangeBody(from, to);
  return `It had been ${from}.`;
}

function base(
  ctx: DescribeContext,
  accountId: string,
  server: NoticeServer | null,
  fields: { id: string; at: number; kind: IncidentKind; severity: IncidentSeverity; title: string; detail: string },
): Incident {
  const known = server ? ctx.server?.({ accountId, identifier: server.identifier }) : null;
  return {
    ...fields,
    accountId,
    accountName: noticeName(ctx.accountName(accountId), accountId),
    server: server ? { identifier: server.identifier, name: noticeName(server.name, server.identifier) } : null,
    node: known?.node ?? null,
    actor: null,
    source: 'app',
    crash: null,
  };
}

/** The id of the incident an event makes (also carried by its notice, so a click finds it). */
export function incidentIdOf(event: NotifiableEvent): string {
  const at = event.atMs;
  switch (event.type) {
    case 'crash':
      return `crash:${serverKey(event.server)}:${at}:${event.crashId}`;
    case 'state':
      return `state:${serverKey(event.server)}:${at}:${event.to}`;
    case 'usage':
      return `usage-raised:${event.metric}:${serverKey(event.server)}:${at}`;
    case 'usage-cleared':
      return `usage-cleared:${event.metric}:${serverKey(event.server)}:${at}`;
    case 'suspended':
    case 'unsuspended':
      return `${event.type}:${serverKey(event.server)}:${at}`;
    case 'key-revoked':
    case 'account-recovered':
      return `${event.type}:${event.accountId}:${at}`;
    case 'node-unreachable':
    case 'node-recovered':
      return `${event.type}:${event.accountId}:${event.node}:${at}`;
  }
}

const REACTION_WORDS: Record<CrashDetail['reaction'], string> = {
  restarting: 'Wings is restarting it.',
  'not-restarted': 'Wings did not restart it (it crashed less than a minute after the last crash): start it by hand.',
  'detection-disabled': 'Crash detection is off for this server, so Wings did not restart it: start it by hand.',
  'restart-failed': 'Wings could not restart it: start it by hand.',
  unknown: 'Wings said nothing about a restart in time.',
};

/** The sentence about the process's end: its exit code, and the OOM killer when it was that. */
function exitWords(console: CrashConsole): string {
  if (console.oomKilled === true) {
    const code = console.exitCode === null ? '' : ` (exit code ${console.exitCode})`;
    return `It ran out of memory and was killed${code}: raise its memory limit or lower what it uses.`;
  }
  if (console.exitCode !== null) return `Its process ended with exit code ${console.exitCode}.`;
  return 'It stopped without being asked to.';
}

function crashIncident(event: CrashEvent, console: CrashConsole, ctx: DescribeContext): Incident {
  const reaction = event.reaction;
  const crash: CrashDetail = { exitCode: console.exitCode, oomKilled: console.oomKilled, lastLines: console.lastLines, reaction };
  const name = noticeName(event.server.name, event.server.identifier);
  const title = console.oomKilled === true ? `${name} crashed: out of memory` : event.isRepeat ? `${name} crashed again` : `${name} crashed`;
  const loop = event.loop === 'started' ? ' It keeps crashing: 3 crashes in 10 minutes.' : '';
  const incident = base(ctx, event.server.accountId, event.server, {
    id: incidentIdOf(event),
    at: event.atMs,
    kind: 'crash',
    severity: 'critical',
    title,
    detail: `${exitWords(console)} ${REACTION_WORDS[reaction]}${loop}`,
  });
  return { ...incident, crash };
}

/**
 * The incident of one monitor event, or null for what the timeline does not keep: a first
 * sight of a server (from `unknown`), and a crash's own offline (the crash is its incident).
 */
export function incidentOfEvent(event: NotifiableEvent, ctx: DescribeContext, console: CrashConsole | null): Incident | null {
  const id = incidentIdOf(event);
  const at = event.atMs;
  switch (event.type) {
    case 'crash':
      return crashIncident(event, console ?? { exitCode: null, oomKilled: null, lastLines: [] }, ctx);
    case 'state': {
      if (event.from === 'unknown' || event.isCrash) return null;
      const name = noticeName(event.server.name, event.server.identifier);
      return base(ctx, event.server.accountId, event.server, {
        id,
        at,
        kind: 'state',
        severity: 'info',
        title: `${name} ${STATE_WORDS[event.to]}`,
        detail: stateDetail(event.from, event.to),
      });
    }
    case 'usage':
    case 'usage-cleared': {
      const name = noticeName(event.server.name, event.server.identifier);
      const what = event.metric === 'cpu' ? 'CPU' : 'Memory';
      const percent = Math.round(event.percentOfLimit);
      const isRaised = event.type === 'usage';
      return base(ctx, event.server.accountId, event.server, {
        id,
        at,
        kind: isRaised ? 'usage-raised' : 'usage-cleared',
        severity: isRaised ? 'warning' : 'info',
        title: isRaised ? `${name}: ${what} high` : `${name}: ${what} back to normal`,
        detail: isRaised ? `${what} has stayed at ${percent}% of its limit.` : `${what} is down to ${percent}% of its limit.`,
      });
    }
    case 'suspended':
    case 'unsuspended': {
      const name = noticeName(event.server.name, event.server.identifier);
      const isSuspended = event.type === 'suspended';
      return base(ctx, event.server.accountId, event.server, {
        id,
        at,
        kind: event.type,
        severity: isSuspended ? 'warning' : 'info',
        title: isSuspended ? `${name} was suspended by the panel` : `${name} was unsuspended`,
        detail: isSuspended ? 'Power actions are unavailable until the panel’s administrator unsuspends it.' : 'Power actions are available again.',
      });
    }
    default:
      return accountIncident(event, id, ctx);
  }
}

function accountIncident(event: Exclude<NotifiableEvent, { server: NoticeServer }>, id: string, ctx: DescribeContext): Incident {
  const accountName = noticeName(ctx.accountName(event.accountId), event.accountId);
  const at = event.atMs;
  switch (event.type) {
    case 'key-revoked':
      return base(ctx, event.accountId, null, {
        id,
        at,
        kind: 'key-revoked',
        severity: 'critical',
        title: `${accountName}: API key rejected`,
        detail: 'The panel no longer accepts the key. Add a new client key in Settings.',
      });
    case 'account-recovered':
      return base(ctx, event.accountId, null, {
        id,
        at,
        kind: 'account-recovered',
        severity: 'info',
        title: `${accountName}: the panel answers again`,
        detail: 'Its key is accepted again.',
      });
    case 'node-unreachable':
    case 'node-recovered': {
      const node = noticeName(event.node, 'A node');
      const isDown = event.type === 'node-unreachable';
      const fields = isDown
        ? { severity: 'warning' as const, title: `${node} is unreachable`, detail: 'The panel has not reached this node for over a minute.' }
        : { severity: 'info' as const, title: `${node} is reachable again`, detail: 'The panel reaches this node again.' };
      return { ...base(ctx, event.accountId, null, { id, at, kind: event.type, ...fields }), node: event.node };
    }
  }
}

/** A backup Wings finished (`backup completed`), made or failed. */
export function incidentOfBackup(
  ref: ServerRef,
  server: NoticeServer,
  backup: { uuid: string; isSuccessful: boolean },
  at: number,
  ctx: DescribeContext,
): Incident {
  const name = noticeName(server.name, server.identifier);
  const kind = backup.isSuccessful ? 'backup-completed' : 'backup-failed';
  return base(ctx, ref.accountId, server, {
    id: `${kind}:${serverKey(ref)}:${backup.uuid}`,
    at,
    kind,
    severity: backup.isSuccessful ? 'info' : 'warning',
    title: backup.isSuccessful ? `${name}: backup made` : `${name}: backup failed`,
    detail: backup.isSuccessful ? 'Wings finished the backup.' : 'Wings could not make the backup; its Backups tab says more.',
  });
}

/** A backup restored onto the server (`backup restore completed`). */
export function incidentOfRestore(ref: ServerRef, server: NoticeServer, at: number, ctx: DescribeContext): Incident {
  const name = noticeName(server.name, server.identifier);
  return base(ctx, ref.accountId, server, {
    id: `backup-restored:${serverKey(ref)}:${at}`,
    at,
    kind: 'backup-restored',
    severity: 'info',
    title: `${name}: backup restored`,
    detail: 'Wings finished restoring a backup onto the server.',
  });
}

const POWER_WORDS: Record<PowerSignal, string> = { start: 'started', stop: 'stopped', restart: 'restarted', kill: 'killed' };

/** A power action asked through the app; `actor` is who asked. */
export function incidentOfPower(ref: ServerRef, server: NoticeServer, signal: PowerSignal, at: number, actor: string, ctx: DescribeContext): Incident {
  const name = noticeName(server.name, server.identifier);
  return {
    ...base(ctx, ref.accountId, server, {
      id: `power:${serverKey(ref)}:${at}:${signal}`,
      at,
      kind: 'power',
      severity: 'info',
      title: `${name} ${POWER_WORDS[signal]} by ${noticeName(actor, 'you')}`,
      detail: `Asked through Pterotray: ${signal}.`,
    }),
    actor,
  };
}
