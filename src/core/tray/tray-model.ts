/**
 * The tray as data, pure (house style rule 7): from the accounts and servers to what the icon,
 * tooltip and menu show. main's TrayController renders a model with one idempotent render(), and
 * only when the model changed.
 */
import type { AccountView, PowerSignal, ServerView } from '../../shared/types';

/** The icon's four looks. */
export type TrayStatus = 'ok' | 'attention' | 'problem' | 'paused';

export interface TrayServerItem {
  accountId: string;
  identifier: string;
  /** The menu label: a state mark and the name. */
  label: string;
  /** A short state word for the submenu's header. */
  stateText: string;
  /** Enabled as the panel's own UI does: start only when offline, kill only while stopping. */
  actions: Record<PowerSignal, boolean>;
  /** `host:port` for "Copy SFTP address", or null. */
  sftpAddress: string | null;
}

export interface TrayAccountSection {
  accountId: string;
  title: string;
  /** A line under the title when something is wrong with the account. */
  problem: string | null;
  servers: TrayServerItem[];
}

export interface TrayModel {
  status: TrayStatus;
  tooltip: string;
  isPaused: boolean;
  sections: TrayAccountSection[];
}

/** Per-server facts the monitor adds to the view: a crash not yet seen, or offline when it should run. */
export interface TrayServerFlags {
  /** `accountId/identifier` of servers that crashed and were not looked at since. */
  crashed: ReadonlySet<string>;
  /** `accountId/identifier` of servers that went offline without this app asking. */
  shouldRun: ReadonlySet<string>;
}

const MARKS: Record<ServerView['state'], string> = {
  running: '●',
  starting: '◐',
  stopping: '◑',
  offline: '○',
  unknown: '◌',
};

const AVAILABILITY_TEXT: Record<Exclude<ServerView['availability'], 'ok'>, string> = {
  suspended: 'suspended',
  installing: 'installing',
  'install-failed': 'install failed',
  transferring: 'transferring',
  restoring: 'restoring a backup',
  'node-maintenance': 'node in maintenance',
  'node-unreachable': 'node unreachable',
  unknown: 'unknown',
};

const ACCOUNT_PROBLEMS: Partial<Record<AccountView['status'], string>> = {
  'key-revoked': 'API key rejected: add a new key in Settings',
  unreachable: 'Panel unreachable: retrying',
  'two-factor-required': 'The panel requires two-factor authentication',
  'rate-limited': 'Rate-limited by the panel: waiting',
  'keychain-locked': 'Key not available: unlock the keychain',
};

const serverKey = (s: { accountId: string; identifier: string }): string => `${s.accountId}/${s.identifier}`;

/** Which power actions the panel's own UI would offer for this server now. */
export function powerActions(server: ServerView, accountOk: boolean): Record<PowerSignal, boolean> {
  const usable = accountOk && server.availability === 'ok';
  const { state } = server;
  return {
    start: usable && state === 'offline',
    stop: usable && (state === 'running' || state === 'starting'),
    restart: usable && state !== 'unknown' && state !== 'stopping',
    kill: usable && state === 'stopping',
  };
}

function stateText(server: ServerView, flags: TrayServerFlags): string {
  if (flags.crashed.has(serverKey(server))) return 'crashed';
  if (server.availability !== 'ok') return AVAILABILITY_TEXT[server.availability];
  return server.state;
}

function serverItem(server: ServerView, accountOk: boolean, flags: TrayServerFlags): TrayServerItem {
  const crashed = flags.crashed.has(serverKey(server));
  const mark = crashed || server.availability === 'node-unreachable' ? '⚠' : server.availability === 'ok' ? MARKS[server.state] : '⊘';
  return {
    accountId: server.accountId,
    identifier: server.identifier,
    label: `${mark} ${server.name}`,
    stateText: stateText(server, flags),
    actions: powerActions(server, accountOk),
    sftpAddress: server.sftp ? `sftp://${server.sftp.username}@${server.sftp.host}:${server.sftp.port}` : null,
  };
}

function overallStatus(accounts: readonly AccountView[], servers: readonly ServerView[], flags: TrayServerFlags): TrayStatus {
  const accountProblem = accounts.some((a) => a.status === 'key-revoked' || a.status === 'unreachable' || a.status === 'two-factor-required');
  const serverProblem = servers.some((s) => flags.crashed.has(serverKey(s)) || s.availability === 'node-unreachable');
  if (accountProblem || serverProblem) return 'problem';
  const offlineThatShouldRun = servers.some((s) => s.state === 'offline' && flags.shouldRun.has(serverKey(s)));
  return offlineThatShouldRun ? 'attention' : 'ok';
}

function summary(status: TrayStatus, servers: readonly ServerView[], isPaused: boolean): string {
  const running = servers.filter((s) => s.state === 'running').length;
  const base = `Pterotray: ${running} of ${servers.length} server${servers.length === 1 ? '' : 's'} running`;
  const note = { ok: '', attention: ' · something is offline that should run', problem: ' · needs attention', paused: '' }[status];
  return `${base}${note}${isPaused ? ' · notifications paused' : ''}`;
}

/** Builds the tray model. Servers keep the order given (the panel's); accounts too. */
export function buildTrayModel(input: {
  accounts: readonly AccountView[];
  servers: readonly ServerView[];
  flags: TrayServerFlags;
  isPaused: boolean;
}): TrayModel {
  const { accounts, servers, flags, isPaused } = input;
  const health = overallStatus(accounts, servers, flags);
  const sections = accounts.map((account) => {
    const accountOk = account.status === 'ok' || account.status === 'checking';
    return {
      accountId: account.id,
      title: account.name,
      problem: ACCOUNT_PROBLEMS[account.status] ?? null,
      servers: servers.filter((s) => s.accountId === account.id).map((s) => serverItem(s, accountOk, flags)),
    };
  });
  // Paused is shown only when nothing is wrong: a problem must stay visible even while quiet.
  const status: TrayStatus = isPaused && health === 'ok' ? 'paused' : health;
  return { status, tooltip: summary(health, servers, isPaused), isPaused, sections };
}

/** True when two models would draw the same tray (the controller skips a redraw then). */
export function sameTrayModel(a: TrayModel | null, b: TrayModel): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
