/**
 * The tray as data, pure (house style rule 7): from the accounts and servers to what the icon,
 * tooltip and menu show. main's TrayController renders a model with one idempotent render(), and
 * only when the model changed.
 */
import { serverKey } from '../../shared/server-key';
import { AVAILABILITY_REASONS, powerActions } from '../../shared/power';
import type { AccountView, PowerSignal, ServerView } from '../../shared/types';
import { byName, INLINE_SERVERS_MAX, splitList, type TrayList } from './tray-layout';

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
  /** Pinned to the favourites (from the window or the menu). */
  isFavourite: boolean;
  /** Why it is listed under "Needs attention", or null. */
  attention: TrayAttention | null;
}

/** What puts a server first in the menu, worst first. */
export type TrayAttention = 'crashed' | 'unreachable' | 'should-run';
const ATTENTION_ORDER: TrayAttention[] = ['crashed', 'unreachable', 'should-run'];

export interface TrayAccountSection {
  accountId: string;
  title: string;
  /** A line under the title when something is wrong with the account. */
  problem: string | null;
  /** Every server of the account, in the panel's order. */
  servers: TrayServerItem[];
  /** The submenu's label, with its counts: "Home panel (118 of 120 running)". */
  label: string;
  /** The servers as the menu shows them: by name, split into ranges when long. */
  list: TrayList<TrayServerItem>;
}

export interface TrayModel {
  status: TrayStatus;
  tooltip: string;
  isPaused: boolean;
  sections: TrayAccountSection[];
  /** Crashed, unreachable, or offline when it should run: worst first, then by name. */
  attention: TrayServerItem[];
  /** The pinned servers, in the order they were pinned. */
  favourites: TrayServerItem[];
  /** Few servers in all: each panel's servers sit in the top level under its title, no submenu. */
  isInline: boolean;
  /** The global shortcut of "Find a server…" (an Electron accelerator), or null when none is set. */
  quickOpenShortcut: string | null;
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

function attentionOf(server: ServerView, flags: TrayServerFlags): TrayAttention | null {
  const key = serverKey(server);
  if (flags.crashed.has(key)) return 'crashed';
  if (server.availability === 'node-unreachable') return 'unreachable';
  if (server.state === 'offline' && flags.shouldRun.has(key)) return 'should-run';
  return null;
}

interface ItemContext {
  account: AccountView;
  flags: TrayServerFlags;
  favourites: ReadonlySet<string>;
  formatTime: TimeFormatter;
}

function serverItem(server: ServerView, context: ItemContext): TrayServerItem {
  const { account, flags, formatTime } = context;
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
    isFavourite: context.favourites.has(serverKey(server)),
    attention: attentionOf(server, flags),
  };
}

function sectionLabel(title: string, servers: readonly ServerView[], problem: string | null): string {
  const running = servers.filter((s) => s.state === 'running').length;
  const counts = servers.length === 0 ? 'no servers' : `${running} of ${servers.length} running`;
  return `${problem ? '⚠ ' : ''}${title} (${counts})`;
}

function section(account: AccountView, servers: readonly ServerView[], context: Omit<ItemContext, 'account'>): TrayAccountSection {
  const own = servers.filter((s) => s.accountId === account.id);
  const items = own.map((s) => serverItem(s, { ...context, account }));
  const problem = ACCOUNT_PROBLEMS[account.status] ?? null;
  return {
    accountId: account.id,
    title: account.name,
    problem,
    servers: items,
    label: sectionLabel(account.name, own, problem),
    list: splitList(
      byName(items, (i) => i.name),
      (i) => i.name,
    ),
  };
}

function attentionList(sections: readonly TrayAccountSection[]): TrayServerItem[] {
  const all = sections.flatMap((s) => s.servers).filter((i) => i.attention !== null);
  const named = byName(all, (i) => i.name);
  return ATTENTION_ORDER.flatMap((kind) => named.filter((i) => i.attention === kind));
}

function favouriteList(sections: readonly TrayAccountSection[], favourites: readonly string[]): TrayServerItem[] {
  const byKey = new Map(sections.flatMap((s) => s.servers).map((i) => [serverKey(i), i] as const));
  return favourites.flatMap((key) => byKey.get(key) ?? []);
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
  /** The favourites' keys (settings), in the order they were pinned. */
  favourites?: readonly string[];
  /** The quick-open search's global shortcut, when one is registered. */
  quickOpenShortcut?: string | null;
}): TrayModel {
  const { accounts, servers, flags, isPaused } = input;
  const favourites = input.favourites ?? [];
  const context = { flags, favourites: new Set(favourites), formatTime: input.formatTime ?? defaultTime };
  const health = overallStatus(accounts, servers, flags);
  const sections = accounts.map((account) => section(account, servers, context));
  // Paused is shown only when nothing is wrong: a problem must stay visible even while quiet.
  const status: TrayStatus = isPaused && health === 'ok' ? 'paused' : health;
  const tooltip = `${summary(health, servers, isPaused)}${input.hasNotificationsBlocked ? NOTIFICATIONS_BLOCKED : ''}`;
  return {
    status,
    tooltip,
    isPaused,
    sections,
    attention: attentionList(sections),
    favourites: favouriteList(sections, favourites),
    isInline: servers.length <= INLINE_SERVERS_MAX,
    quickOpenShortcut: input.quickOpenShortcut ?? null,
  };
}

/** Where the tray's facts come from: the monitor, the accounts, the notices' pause, the system. */
export interface TraySources {
  accounts(): readonly AccountView[];
  monitor: { servers(): readonly ServerView[]; flags(): TrayServerFlags };
  notices: { isPaused(): boolean };
  /** The system refuses the app's notifications. */
  notificationsBlocked(): boolean;
  formatTime?: TimeFormatter;
  /** The favourites' keys (settings). */
  favourites?: () => readonly string[];
  /** The quick-open search's registered global shortcut. */
  quickOpenShortcut?: () => string | null;
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
    favourites: sources.favourites?.(),
    quickOpenShortcut: sources.quickOpenShortcut?.(),
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

/**
 * The keys of the first `limit` servers in the menu's top level: those seen without opening a
 * submenu (attention, favourites, and the panels' servers when they sit in the top level).
 */
export function serversInMenuView(model: TrayModel | null, limit = MENU_ENTRIES_IN_VIEW): string[] {
  if (!model) return [];
  const top = [...model.attention, ...model.favourites, ...(model.isInline ? model.sections.flatMap((section) => section.servers) : [])];
  return [...new Set(top.map(serverKey))].slice(0, limit);
}
