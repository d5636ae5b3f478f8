/**
 * The tray as data, pure (house style rule 7): from the accounts and servers to what the icon,
 * tooltip and menu show. main's TrayController renders a model with one idempotent render(), and
 * only when the model changed.
 */
import { serverKey } from '../../shared/server-key';
import { AVAILABILITY_REASONS, powerActions } from '../../shared/power';
import type { AccountView, PowerSignal, ServerView } from '../../shared/types';

export { powerActions, powerBlockedReason } from '../../shared/power';

/** The icon's four looks. */
export type TrayStatus = 'ok' | 'attention' | 'problem' | 'paused';

export interface TrayServerItem {
  accountId: string;
  identifier: string;
  name: string;
  /** The menu label: a state mark and the name, and the state's age when it is not current. */
  label: string;
  /** A short state word for the submenu's header, with why power is unavailable when it is. */
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

const ACCOUNT_PROBLEMS: Partial<Record<AccountView['status'], string>> = {
  'key-revoked': 'API key rejected: add a new key in Settings',
  unreachable: 'Panel unreachable: retrying',
  'two-factor-required': 'The panel requires two-factor authentication',
  'rate-limited': 'Rate-limited by the panel: waiting',
  'keychain-locked': 'Key not available: unlock the keychain',
};

/** Formats an epoch-ms time of day for the tray ("14:03"); main passes the desktop's locale. */
export type TimeFormatter = (epochMs: number) => string;

const defaultTime: TimeFormatter = (epochMs) => {
  const d = new Date(epochMs);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** The age of a state that is not current, or null when it is (or was never seen). */
function staleSince(server: ServerView, formatTime: TimeFormatter): string | null {
  if (server.isStateCurrent || server.stateSeenAt === null || server.availability !== 'ok') return null;
  return formatTime(server.stateSeenAt);
}

function stateText(server: ServerView, flags: TrayServerFlags, asOf: string | null): string {
  if (server.availability !== 'ok') {
    // The reason power is unavailable says the state too ("suspended by the panel: …").
    const reason = AVAILABILITY_REASONS[server.availability];
    return `${reason.charAt(0).toLowerCase()}${reason.slice(1).replace(/\.$/, '')}`;
  }
  const state = flags.crashed.has(serverKey(server)) ? 'crashed' : server.state;
  return asOf === null ? state : `${state} as of ${asOf}: not watched live now`;
}

function serverItem(server: ServerView, account: AccountView, flags: TrayServerFlags, formatTime: TimeFormatter): TrayServerItem {
  const accountOk = account.status === 'ok' || account.status === 'checking';
  const crashed = flags.crashed.has(serverKey(server));
  const mark = crashed || server.availability === 'node-unreachable' ? '⚠' : server.availability === 'ok' ? MARKS[server.state] : '⊘';
  const asOf = staleSince(server, formatTime);
  return {
    accountId: server.accountId,
    identifier: server.identifier,
    name: server.name,
    label: asOf === null ? `${mark} ${server.name}` : `${mark} ${server.name} (as of ${asOf})`,
    stateText: stateText(server, flags, asOf),
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

/** The tooltip's note while the system refuses notifications: crashes would otherwise go unseen. */
export const NOTIFICATIONS_BLOCKED = ' · Notifications are blocked by the system';

/** Builds the tray model. Servers keep the order given (the panel's); accounts too. */
export function buildTrayModel(input: {
  accounts: readonly AccountView[];
  servers: readonly ServerView[];
  flags: TrayServerFlags;
  isPaused: boolean;
  formatTime?: TimeFormatter;
  /** The system refuses the app's notifications (macOS unsigned, no daemon on Linux). */
  hasNotificationsBlocked?: boolean;
}): TrayModel {
  const { accounts, servers, flags, isPaused } = input;
  const formatTime = input.formatTime ?? defaultTime;
  const health = overallStatus(accounts, servers, flags);
  const sections = accounts.map((account) => ({
    accountId: account.id,
    title: account.name,
    problem: ACCOUNT_PROBLEMS[account.status] ?? null,
    servers: servers.filter((s) => s.accountId === account.id).map((s) => serverItem(s, account, flags, formatTime)),
  }));
  // Paused is shown only when nothing is wrong: a problem must stay visible even while quiet.
  const status: TrayStatus = isPaused && health === 'ok' ? 'paused' : health;
  const tooltip = `${summary(health, servers, isPaused)}${input.hasNotificationsBlocked ? NOTIFICATIONS_BLOCKED : ''}`;
  return { status, tooltip, isPaused, sections };
}

/** Where the tray's facts come from: the monitor, the accounts, the notices' pause, the system. */
export interface TraySources {
  accounts(): readonly AccountView[];
  monitor: { servers(): readonly ServerView[]; flags(): TrayServerFlags };
  notices: { isPaused(): boolean };
  /** The system refuses the app's notifications. */
  notificationsBlocked(): boolean;
  formatTime?: TimeFormatter;
}

/** The whole tray model from its sources (main only draws it). */
export function trayModelFrom(sources: TraySources): TrayModel {
  return buildTrayModel({
    accounts: sources.accounts(),
    servers: sources.monitor.servers(),
    flags: sources.monitor.flags(),
    isPaused: sources.notices.isPaused(),
    formatTime: sources.formatTime,
    hasNotificationsBlocked: sources.notificationsBlocked(),
  });
}

/** True when two models would draw the same tray (the controller skips a redraw then). */
export function sameTrayModel(a: TrayModel | null, b: TrayModel): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * About as many entries as a menu shows on a laptop screen before it scrolls (about 25 px each):
 * while the menu is open, these are the servers the person is looking at.
 */
export const MENU_ENTRIES_IN_VIEW = 40;

/** The keys of the first `limit` servers in the menu's order: those seen without scrolling. */
export function serversInMenuView(model: TrayModel | null, limit = MENU_ENTRIES_IN_VIEW): string[] {
  if (!model) return [];
  return model.sections
    .flatMap((section) => section.servers)
    .slice(0, limit)
    .map(serverKey);
}
