/**
 * What the window sees of the world: view models sent over IPC. They carry no API key, ever.
 * Types shared with the core are imported as types only, so nothing from Node reaches the renderer.
 */
import type { CoreErrorKind } from './error-kinds';
import type { FileEntry } from './files';
import type { PowerSignal, PowerState } from './power-states';

export type { FileEntry, PowerSignal, PowerState };

/** Identifies a server across panels: its account and its short identifier. */
export interface ServerRef {
  accountId: string;
  identifier: string;
}

/** How an account is doing, as the tray and the window show it. */
export type AccountStatus = 'checking' | 'ok' | 'key-revoked' | 'unreachable' | 'two-factor-required' | 'rate-limited' | 'keychain-locked';

export interface AccountView {
  id: string;
  name: string;
  /** The panel's base URL (origin and path, no credentials). */
  url: string;
  username: string | null;
  status: AccountStatus;
  /** A sentence for a person when status is not ok. */
  statusMessage: string | null;
  /** Where the key is kept: the OS keychain, or memory for this session only. */
  keyStorage: 'keychain' | 'session';
  isDemo: boolean;
  /** The person chose plain http for this panel, off this machine: shown as "Not encrypted". */
  allowsPlainHttp: boolean;
  // ── notices (issue 15) ──
  /** While `rate-limited`: epoch ms when the panel answers again; absent or null otherwise. */
  retryAtMs?: number | null;
}

/** Why a server cannot be used right now, beyond its power state. */
export type ServerAvailability =
  'ok' | 'suspended' | 'installing' | 'install-failed' | 'transferring' | 'restoring' | 'node-maintenance' | 'node-unreachable' | 'unknown';

export interface ResourcesView {
  cpuPercent: number;
  memoryBytes: number;
  diskBytes: number;
  networkRxBytes: number;
  networkTxBytes: number;
  uptimeMs: number;
  /** Epoch ms of the sample. */
  at: number;
}

/**
 * Why the server's live connection (its Wings websocket) stopped and will not come back by
 * itself: the window says so, and what happens instead (`isPolled`: its state is polled).
 * - `panel-outdated`: Wings refused the panel's token for a missing scope (`jwt: missing connect
 *   permission`): a panel older than 1.12.3 with Wings 1.12.2 or newer; the panel needs upgrading.
 * - `token-refused`: Wings refused the token in another way no new token cured (a denial that
 *   outlasted its one recovery, a server uuid mismatch).
 * - `suspended`: Wings closed it with 4409. `refused`: Wings closed it with 4400.
 * - `deleted`: Wings said the server was deleted.
 */
export type LiveIssueKind = 'panel-outdated' | 'token-refused' | 'suspended' | 'refused' | 'deleted';

export interface LiveIssue {
  kind: LiveIssueKind;
  /** True when the server's state is polled from the panel meanwhile. */
  isPolled: boolean;
  /** Epoch ms when it happened. */
  at: number;
}

/** An egg feature's action the panel would offer now (a console line matched it). */
export type FeatureKey = 'eula';

export interface FeaturePrompt {
  feature: FeatureKey;
  /** Epoch ms of the matching line. */
  seenAt: number;
}

export interface ServerView extends ServerRef {
  uuid: string | null;
  name: string;
  node: string;
  description: string | null;
  /** `unknown` until the first state arrives. */
  state: PowerState | 'unknown';
  availability: ServerAvailability;
  /** True while a Wings websocket follows the server live (authenticated, its state seen since). */
  isLive: boolean;
  /**
   * False when `state` may no longer be true: the server is not followed live and was not polled
   * recently, or its panel cannot be reached. The views then show it with its age (`stateSeenAt`).
   */
  isStateCurrent: boolean;
  /** Epoch ms when `state` was last seen (a socket frame, a poll); null before the first sight. */
  stateSeenAt: number | null;
  resources: ResourcesView | null;
  limits: { memoryMib: number; diskMib: number; cpuPercent: number };
  /** `host:port` of the primary allocation, for search and display. */
  address: string | null;
  sftp: { host: string; port: number; username: string } | null;
  /** Why live updates stopped for good (see LiveIssue); null while they work or are being tried. */
  liveIssue: LiveIssue | null;
  /** The egg feature's action to offer (accept the Minecraft EULA); null when there is none. */
  featurePrompt: FeaturePrompt | null;
  // ── layout (issue 15) ──
  /**
   * The tray's mark for this server: a crash not looked at yet, or offline although it should run
   * (it went down without the app asking). Absent or null: nothing to look at.
   */
  attention?: ServerAttention | null;
}

/** Why a server needs a look, as the tray marks it (issue 15). */
export type ServerAttention = 'crashed' | 'should-run';

// ── layout (issue 15) ──
/** A dashboard column the list can sort by. */
export type DashboardSortKey = 'name' | 'state' | 'cpu' | 'memory' | 'disk' | 'node';

/** How the dashboard orders and groups its rows; kept in settings, so it survives a restart. */
export interface DashboardLayout {
  sort: { key: DashboardSortKey; direction: 'asc' | 'desc' };
  /** `panel`: one section per account (the default); `node`: one per Wings node; `none`: one list. */
  groupBy: 'panel' | 'node' | 'none';
}

/** One point of a server's stats history; network values are rates, not counters. */
export interface StatsSample {
  at: number;
  cpuPercent: number;
  memoryBytes: number;
  diskBytes: number;
  networkRxBytesPerSec: number;
  networkTxBytesPerSec: number;
  uptimeMs: number;
}

export interface ConsoleLine {
  server: ServerRef;
  text: string;
  /** `install-output`: the egg's install script, which Wings sends only to root admins (issue 13). */
  kind: 'output' | 'status' | 'daemon-message' | 'daemon-error' | 'command' | 'install-output';
  /**
   * Wings' replay of its recent log on a new socket (`send logs`, just after connecting): lines
   * printed before, so the window does not stamp them with the time they were replayed. Wings sends
   * them as plain `console output` events (router/websocket/websocket.go, SendServerLogsEvent:
   * Readlog, then one ConsoleOutputEvent a line), so only their timing tells them apart
   * (server-follow.ts REPLAY_WINDOW_MS).
   */
  isReplay?: true;
}

export type ConsoleConnection = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'failed';

export interface TransferProgress {
  transferId: string;
  direction: 'download' | 'upload';
  server: ServerRef;
  name: string;
  transferredBytes: number;
  totalBytes: number | null;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  error: IpcError | null;
}

/** Per-server notification overrides; absent fields follow the account, then the global rules. */
export interface NotificationRule {
  onStateChange: boolean;
  onCrash: boolean;
  usage: { cpuPercent: number; memoryPercent: number; sustainedMs: number } | null;
}

export interface Settings {
  notifications: {
    global: NotificationRule;
    accounts: Record<string, Partial<NotificationRule>>;
    servers: Record<string, Partial<NotificationRule>>;
    /** Epoch ms until which notifications are paused; `null` when not paused; `-1` until resumed. */
    pausedUntil: number | null;
    // ── notices (issue 15) ──
    /** Confirm a power action asked in the app with one notice ("Survival 1 restarted"); false: quiet. */
    confirmOwnActions: boolean;
  };
  monitor: {
    /** Share of each panel's rate limit the monitor may use, 0.05..0.5. */
    budgetShare: number;
    /** Seconds between `/resources` polls of one server not followed live (≥ 20: the panel caches). */
    pollIntervalS: number;
  };
  launchAtLogin: boolean;
  theme: 'system' | 'light' | 'dark';
  /** Servers marked as favourite (`accountId/identifier`): their live states are sought first. */
  favourites: string[];
  /**
   * Backups tab (issue 13): "keep the newest N" backups per server (`accountId/identifier` → N),
   * applied after each backup the app makes, always asking first. Files before it have none; the
   * schema fills `{}`, so it is absent only in a literal written without it.
   */
  backupRetention?: Record<string, number>;
  // ── tray (issue 15) ──
  /** The quick-open search's global shortcut (an Electron accelerator); '' turns it off. Filled by the schema. */
  quickOpenShortcut?: string;
  // ── console (issue 15) ──
  /**
   * Lines a console keeps to scroll back through (CONSOLE_SCROLLBACK_CHOICES), for consoles
   * opened after a change; absent in files before it (the schema fills the default, 10,000).
   */
  consoleScrollback?: number;
  // ── layout (issue 15) ──
  /** The dashboard's sort and grouping; the schema fills the default, so absent only in a literal. */
  dashboard?: DashboardLayout;
}

// ── console (issue 15) ──
/** The console scrollback lengths Settings offers; the first default of the panel is 10,000. */
export const CONSOLE_SCROLLBACK_CHOICES = [1_000, 5_000, 10_000, 50_000, 100_000] as const;
export const DEFAULT_CONSOLE_SCROLLBACK = 10_000;

/**
 * What the window needs to know about the desktop it runs on: whether launch at login can work
 * here, and whether the tray icon can be seen at all.
 */
export interface DesktopInfo {
  launchAtLogin: {
    isAvailable: boolean;
    /** Why not, when it is not: 'unpackaged' (a development run: only the installed app can register itself). */
    reason: 'unpackaged' | null;
  };
  /** False on a desktop with no tray area (plain GNOME): the window is the only way in. */
  hasTrayIcon: boolean;
  platform: 'linux' | 'darwin' | 'win32' | 'other';
  // ── tray2 (issue 15b) ──
  /**
   * The quick-open shortcut the settings name when the system refused it, and why: another
   * application holds it, or Electron cannot register that key; so Settings can say so. Null
   * when it is registered or turned off.
   */
  quickOpenShortcutProblem: QuickOpenShortcutProblem | null;
}

// ── tray2 (issue 15b) ──
/** Why the quick-open shortcut is not registered (DesktopInfo.quickOpenShortcutProblem). */
export interface QuickOpenShortcutProblem {
  accelerator: string;
  reason: 'taken' | 'unsupported';
}

export type AppView = 'dashboard' | 'console' | 'files' | 'stats' | 'settings' | 'onboarding' | 'incidents';

/** Where the window should go (a notification click, a tray item). */
export interface Navigation {
  view: AppView;
  server: ServerRef | null;
  /** The incident to open (a notification's, issue 14), with `view: 'incidents'`. */
  incident?: string | null;
  // ── tray (issue 15) ──
  /** Open the quick-open search for a server over whatever the window shows (`view` is then ignored). */
  quickOpen?: boolean;
  /**
   * The global shortcut (Electron's accelerator) that asked for `quickOpen`, absent for the tray's
   * item: a shortcut recorder that is recording takes it as the keys pressed (issue 15), since the
   * system hands a registered global shortcut to its owner and the field never sees the keydown.
   */
  byShortcut?: string;
}

/** A typed IPC failure; the UI branches on `code`, never on `message`. */
export interface IpcError {
  code: IpcErrorCode;
  message: string;
  /** For `conflict`: suspended, installing, transferring, restoring, node-maintenance. */
  reason?: string;
  /** For `rate-limited`. */
  retryAfterMs?: number;
}

/** Every failure the core can report, plus the ones of the IPC layer itself. */
export type IpcErrorCode = CoreErrorKind | 'forbidden-sender' | 'unknown-server' | 'internal';

/** Every invoke answers with this envelope; the preload turns a failure into a thrown IpcFailure. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Which desktop main runs on, for advice that differs per system. */
export type DesktopPlatform = 'linux' | 'darwin' | 'win32' | 'other';

/**
 * Whether the system shows the app's notifications. `isBlocked` once the system refused one (macOS
 * refuses every notification of an app that is not code-signed; Linux without a notification
 * daemon), until one is shown again.
 */
export interface NotificationStatus {
  isBlocked: boolean;
  /** The system's own words for the refusal ('' when it gave none), or null when not blocked. */
  reason: string | null;
  platform: DesktopPlatform;
}
