/**
 * The one IPC contract (house style rule 2): every invoke channel with its arguments and result,
 * and every push event. Main, preload and renderer type against it; no channel string is written
 * anywhere else.
 */
import type {
  AccountView,
  IpcResult,
  ConsoleConnection,
  ConsoleLine,
  FeatureKey,
  FileEntry,
  Navigation,
  NotificationStatus,
  PowerSignal,
  ServerRef,
  ServerView,
  Settings,
  DesktopInfo,
  StatsSample,
  TransferProgress,
} from './types';
import type { ActivityChannels } from './ipc/activity';
import { ACTIVITY_CHANNELS } from './ipc/activity';
// ── history (issue 14) ──
import type { HistoryChannels } from './ipc/history';
import { HISTORY_CHANNELS } from './ipc/history';
import type { BackupChannels, BackupPushEvents } from './ipc/backups';
import { BACKUP_CHANNELS } from './ipc/backups';
import type { DatabaseChannels } from './ipc/databases';
import { DATABASE_CHANNELS } from './ipc/databases';
import type { NetworkChannels } from './ipc/network';
import { NETWORK_CHANNELS } from './ipc/network';
import type { ScheduleChannels } from './ipc/schedules';
import { SCHEDULE_CHANNELS } from './ipc/schedules';
import type { StartupChannels } from './ipc/startup';
import { STARTUP_CHANNELS } from './ipc/startup';
import type { UserChannels } from './ipc/users';
import { USER_CHANNELS } from './ipc/users';
// ── incidents (issue 14) ──
import type { IncidentChannels, IncidentPushEvents } from './ipc/incidents';
import { INCIDENT_CHANNELS } from './ipc/incidents';
// ── alerts (issue 14) ──
import type { AlertChannels, AlertPushEvents } from './ipc/alerts';
import { ALERT_CHANNELS } from './ipc/alerts';
// ── console (issue 15) ──
import type { ConsoleViewChannels } from './ipc/console-view';
import { CONSOLE_VIEW_CHANNELS } from './ipc/console-view';

/** Input of `accounts:add`; the key goes in and never comes back out. */
export interface AddAccountInput {
  url: string;
  name: string;
  apiKey: string;
  /** Keep the key in memory only (when no keychain is available, after the user agreed). */
  sessionOnly?: boolean;
  /**
   * The person ticked "send my key without encryption" for a plain-http panel off this machine
   * (src/shared/transport.ts). Main still asks in its own dialog before adding it.
   */
  allowPlainHttp?: boolean;
}

/** What a key check found, before anything is saved. */
export interface AccountCheck {
  username: string;
  email: string;
  isAdmin: boolean;
  serverCount: number;
}

export interface FilesPathArgs {
  server: ServerRef;
  path: string;
}

export interface FilesBatchArgs {
  server: ServerRef;
  /** The folder the names are relative to. */
  root: string;
  files: string[];
}

/** What the key's user may do on one server (`GET /servers/{server}` meta), for the tabs it shows. */
export interface ServerPermissions {
  isOwner: boolean;
  /** `["*"]` for the owner and for admins; otherwise the subuser's permissions (`backup.read`, …). */
  permissions: string[];
}

/**
 * Request/response channels: `domain:verb` → [arguments tuple, result]. The server's own tabs
 * (issue 13) keep their channels in ./ipc/<tab>.ts.
 */
export interface InvokeChannels
  extends
    BackupChannels,
    ScheduleChannels,
    StartupChannels,
    DatabaseChannels,
    NetworkChannels,
    UserChannels,
    ActivityChannels,
    IncidentChannels,
    HistoryChannels,
    // ── alerts (issue 14) ──
    AlertChannels,
    // ── console (issue 15) ──
    ConsoleViewChannels {
  'accounts:list': { args: []; result: AccountView[] };
  'accounts:check': { args: [{ url: string; apiKey: string; allowPlainHttp?: boolean }]; result: AccountCheck };
  /** Main confirms in its own dialog first (gesture-contract.ts); null when the person declined there. */
  'accounts:add': { args: [AddAccountInput]; result: AccountView | null };
  'accounts:rename': { args: [{ accountId: string; name: string }]; result: AccountView };
  'accounts:remove': { args: [{ accountId: string }]; result: void };
  'accounts:use-demo': { args: []; result: AccountView };

  'servers:list': { args: []; result: ServerView[] };
  'servers:refresh': { args: []; result: void };
  'servers:power': { args: [{ server: ServerRef; signal: PowerSignal }]; result: void };
  'servers:open-in-panel': { args: [ServerRef]; result: void };
  /** The servers the window shows now (rows in view, the open one): their live states come first. */
  'servers:attention': { args: [{ onScreen: ServerRef[] }]; result: void };
  /** Marks or unmarks a favourite, atomically in main (the tray may change the list too). */
  'servers:favourite': { args: [{ server: ServerRef; isFavourite: boolean }]; result: Settings };
  /** What the key may do on the server: which of its tabs the window shows. */
  'servers:permissions': { args: [ServerRef]; result: ServerPermissions };
  /** Takes an egg feature's action (the EULA: writes eula.txt with eula=true, then restarts). */
  'features:accept': { args: [{ server: ServerRef; feature: FeatureKey }]; result: void };
  /** "Not now": the prompt goes until the server asks again. */
  'features:dismiss': { args: [{ server: ServerRef; feature: FeatureKey }]; result: void };
  /** Opens the feature's terms (the Minecraft EULA) in the browser: main knows the one URL. */
  'features:open-terms': { args: [{ feature: FeatureKey }]; result: void };

  'stats:history': { args: [ServerRef]; result: StatsSample[] };

  'console:attach': { args: [ServerRef]; result: { backlog: string[]; connection: ConsoleConnection } };
  'console:detach': { args: [ServerRef]; result: void };
  'console:send': { args: [{ server: ServerRef; command: string }]; result: void };
  'console:history': { args: [ServerRef]; result: string[] };

  'files:list': { args: [{ server: ServerRef; directory: string }]; result: FileEntry[] };
  'files:read': { args: [FilesPathArgs]; result: string };
  'files:write': { args: [FilesPathArgs & { content: string }]; result: void };
  'files:rename': { args: [{ server: ServerRef; root: string; from: string; to: string }]; result: void };
  'files:copy': { args: [FilesPathArgs]; result: void };
  'files:delete': { args: [FilesBatchArgs]; result: void };
  'files:create-folder': { args: [{ server: ServerRef; root: string; name: string }]; result: void };
  'files:compress': { args: [FilesBatchArgs]; result: FileEntry };
  'files:decompress': { args: [FilesPathArgs]; result: void };
  'files:chmod': { args: [FilesPathArgs & { mode: string }]; result: void };
  /** Asks where to save (a native dialog), then streams in main. Null when the user cancelled. */
  'files:download': { args: [FilesPathArgs]; result: { transferId: string } | null };
  /**
   * Uploads files dropped on the window into `directory`. The page never names a local path: it
   * hands the drop's `File`s to the preload (PageCalls below), which asks Electron for their
   * paths; main then confirms in its own dialog. Null when the person declined there.
   */
  'files:upload': { args: [{ server: ServerRef; directory: string; localPaths: string[] }]; result: { transferIds: string[] } | null };
  /** Opens a native picker, then uploads. Null when the user cancelled. */
  'files:pick-and-upload': { args: [{ server: ServerRef; directory: string }]; result: { transferIds: string[] } | null };
  'transfers:cancel': { args: [{ transferId: string }]; result: void };

  'settings:get': { args: []; result: Settings };
  'app:desktop': { args: []; result: DesktopInfo };
  'settings:update': { args: [Partial<Settings>]; result: Settings };
  'notifications:pause': { args: [{ minutes: number | null }]; result: Settings };
  'notifications:resume': { args: []; result: Settings };
  /** Whether the system shows notifications (the window's notice when it refuses them). */
  'notifications:status': { args: []; result: NotificationStatus };
}

/** Events main pushes to the window. */
export interface PushEvents {
  'servers:changed': ServerView[];
  'accounts:changed': AccountView[];
  'stats:sample': { server: ServerRef; sample: StatsSample };
  'console:line': ConsoleLine;
  'console:connection': { server: ServerRef; connection: ConsoleConnection };
  'transfers:progress': TransferProgress;
  'settings:changed': Settings;
  'app:navigate': Navigation;
  'notifications:status-changed': NotificationStatus;
  // ── backups (issue 13) ──
  'backups:completed': BackupPushEvents['backups:completed'];
  'backups:verified': BackupPushEvents['backups:verified'];
  // ── schedules (issue 13) ──
  // ── startup (issue 13) ──
  // ── databases (issue 13) ──
  // ── network (issue 13) ──
  // ── users (issue 13) ──
  // ── activity (issue 13) ──
  // ── incidents (issue 14) ──
  'incidents:added': IncidentPushEvents['incidents:added'];
  // ── alerts (issue 14) ──
  'alerts:changed': AlertPushEvents['alerts:changed'];
  // ── console (issue 15) ── lines gathered per ~frame (src/main/console-push-batcher.ts)
  'console:lines': ConsoleLine[];
}

export type InvokeChannel = keyof InvokeChannels;
export type PushEvent = keyof PushEvents;
export type InvokeArgs<C extends InvokeChannel> = InvokeChannels[C]['args'];
export type InvokeResult<C extends InvokeChannel> = InvokeChannels[C]['result'];

/** Every invoke channel, for the preload and for tests that walk the contract. */
export const INVOKE_CHANNELS = [
  'accounts:list',
  'accounts:check',
  'accounts:add',
  'accounts:rename',
  'accounts:remove',
  'accounts:use-demo',
  'servers:list',
  'servers:refresh',
  'servers:power',
  'servers:open-in-panel',
  'servers:attention',
  'servers:favourite',
  'servers:permissions',
  'features:accept',
  'features:dismiss',
  'features:open-terms',
  'stats:history',
  'console:attach',
  'console:detach',
  'console:send',
  'console:history',
  'files:list',
  'files:read',
  'files:write',
  'files:rename',
  'files:copy',
  'files:delete',
  'files:create-folder',
  'files:compress',
  'files:decompress',
  'files:chmod',
  'files:download',
  'files:upload',
  'files:pick-and-upload',
  'transfers:cancel',
  'settings:get',
  'app:desktop',
  'settings:update',
  'notifications:pause',
  'notifications:resume',
  'notifications:status',
  ...BACKUP_CHANNELS,
  ...SCHEDULE_CHANNELS,
  ...STARTUP_CHANNELS,
  ...DATABASE_CHANNELS,
  ...NETWORK_CHANNELS,
  ...USER_CHANNELS,
  ...ACTIVITY_CHANNELS,
  // ── incidents (issue 14) ──
  ...INCIDENT_CHANNELS,
  // ── history (issue 14) ──
  ...HISTORY_CHANNELS,
  // ── alerts (issue 14) ──
  ...ALERT_CHANNELS,
  // ── console (issue 15) ──
  ...CONSOLE_VIEW_CHANNELS,
] as const satisfies readonly InvokeChannel[];

export const PUSH_EVENTS = [
  'servers:changed',
  'accounts:changed',
  'stats:sample',
  'console:line',
  'console:connection',
  'transfers:progress',
  'settings:changed',
  'app:navigate',
  'notifications:status-changed',
  // ── backups (issue 13) ──
  'backups:completed',
  'backups:verified',
  // ── schedules (issue 13) ──
  // ── startup (issue 13) ──
  // ── databases (issue 13) ──
  // ── network (issue 13) ──
  // ── users (issue 13) ──
  // ── activity (issue 13) ──
  // ── incidents (issue 14) ──
  'incidents:added',
  // ── alerts (issue 14) ──
  'alerts:changed',
  // ── console (issue 15) ──
  'console:lines',
] as const satisfies readonly PushEvent[];

// Compile-time proof that the lists above name every channel and event exactly.
type Missing<All, Listed> = Exclude<All, Listed>;
const _everyInvokeListed: Missing<InvokeChannel, (typeof INVOKE_CHANNELS)[number]> extends never ? true : never = true;
const _everyPushListed: Missing<PushEvent, (typeof PUSH_EVENTS)[number]> extends never ? true : never = true;
void _everyInvokeListed;
void _everyPushListed;

/** A camelCase method name per channel: `files:create-folder` → `filesCreateFolder`, `server-settings:get` → `serverSettingsGet` (as methodName). */
export type Camel<S extends string> = S extends `${infer A}:${infer B}`
  ? `${Camel<A>}${Capitalize<Camel<B>>}`
  : S extends `${infer A}-${infer B}`
    ? `${A}${Capitalize<Camel<B>>}`
    : S;

/** The `window.api` method of every invoke channel (`filesCreateFolder`). */
export type InvokeMethod = Camel<InvokeChannel>;

/**
 * Where the page's call differs from what crosses to main: the preload turns the page's arguments
 * into the channel's. A drop's `File`s become paths only in the preload (Electron's webUtils), so
 * no page script can name a file on disk; a `File` without one (made by script) is refused there.
 */
export interface PageCalls {
  'files:upload': [{ server: ServerRef; directory: string; files: File[] }];
}

type PageArgs<C extends InvokeChannel> = C extends keyof PageCalls ? PageCalls[C] : InvokeArgs<C>;

type InvokeMethods<Wrap extends 'envelope' | 'plain'> = {
  [C in InvokeChannel as Camel<C>]: (...args: PageArgs<C>) => Promise<Wrap extends 'envelope' ? IpcResult<InvokeResult<C>> : InvokeResult<C>>;
};

type Subscriptions = {
  [E in PushEvent as `on${Capitalize<Camel<E>>}`]: (callback: (payload: PushEvents[E]) => void) => () => void;
};

/**
 * `window.api` as the preload exposes it: every call answers with an IpcResult envelope, because
 * an Error crossing the contextBridge keeps only its message and would lose its `code`.
 */
export type BridgeApi = InvokeMethods<'envelope'> & Subscriptions;

/** The API the renderer's components use: the bridge with envelopes unwrapped into IpcFailure. */
export type Api = InvokeMethods<'plain'> & Subscriptions;

/**
 * Main's side of the push events: one method per event, typed by its payload
 * (`push.serversChanged(views)`), so no event name is written outside this contract.
 */
export type PushMethods = {
  [E in PushEvent as Camel<E>]: (payload: PushEvents[E]) => void;
};

/** Builds the push methods over one untyped send (webContents.send in main). */
export function pushMethods(send: (event: PushEvent, payload: unknown) => void): PushMethods {
  const methods: Record<string, (payload: unknown) => void> = {};
  for (const event of PUSH_EVENTS) methods[methodName(event)] = (payload) => send(event, payload);
  return methods as PushMethods;
}

/** Turns a channel name into its `window.api` method name. */
export function methodName(channel: string): string {
  return channel.replace(/[:-]([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Turns a push event into its `window.api` subscription name. */
export function subscriptionName(event: string): string {
  const m = methodName(event);
  return `on${m.charAt(0).toUpperCase()}${m.slice(1)}`;
}
