/**
 * What the Pterodactyl Client API client offers. The CLI, the monitor and main's IPC handlers
 * code against this interface; `PanelClient` (client.ts) implements it over axios.
 * Every method rejects with a PanelError, never anything else.
 */
import type {
  Account,
  ActivityEntry,
  Backup,
  Database,
  FileEntry,
  ListServersOptions,
  Page,
  PowerSignal,
  Schedule,
  ScheduleTask,
  Server,
  ServerDetails,
  ServerResources,
  Startup,
  Subuser,
  Allocation,
  WebsocketCredentials,
  StartupVariableUpdate,
  DescriptionOutcome,
} from './models';
import type { ActivityQuery } from './activity-query';
import type { RouteLimitId } from './route-limits';
import type { ScheduleInput, TaskInput } from './schedule-types';
import type { PermissionGroup } from './normalize/permission-groups';

/** Where a panel is and how to reach it. The key never leaves the client's transport. */
export interface PanelConnection {
  /** The panel's base URL, e.g. `https://panel.example.com` (no `/api/client`). */
  url: string;
  apiKey: string;
  /**
   * The person chose to use this panel over plain http although it is not on this machine
   * (src/shared/transport.ts). Without it such a panel, and any plain websocket or link a panel
   * hands out, is refused before anything is sent.
   */
  allowPlainHttp?: boolean;
}

/** What the client last learnt of the panel's rate limit, from its headers. */
export interface RateLimitInfo {
  limitPerMinute: number | null;
  remaining: number | null;
  /** Epoch ms until which no request may be sent (a 429's Retry-After), or null. */
  blockedUntilMs: number | null;
  /**
   * What is left of the panel's current window for everything the user does (their browser too),
   * less the requests on their way; null when no answer of this window was seen (a new one).
   */
  windowRemaining?: number | null;
  /** By when that window is over for sure; null with `windowRemaining`. */
  windowEndsByMs?: number | null;
}

/** Options common to every call. */
export interface CallOptions {
  signal?: AbortSignal;
  /** Overrides the default timeout for this call (compress and decompress take minutes). */
  timeoutMs?: number;
  /** `background` calls (polling) wait behind `user` calls (the default) for a free slot. */
  priority?: 'user' | 'background';
}

/** A rename or move: `from` and `to` are relative to `root`; `to` may contain `dir/` or `../`. */
export interface RenameEntry {
  from: string;
  to: string;
}

export interface ChmodEntry {
  file: string;
  /** Octal as a string, e.g. `"755"`: Wings rejects a JSON number. */
  mode: string;
}

export interface PullOptions {
  url: string;
  directory: string;
  filename?: string | null;
  useHeader?: boolean;
  foreground?: boolean;
}

/** `POST /servers/{server}/backups`; every field optional (the panel names it by date). */
/** The name and, optionally, the description a rename sets. */
export interface RenameOptions {
  name: string;
  /** Undefined keeps the description as it is. */
  description?: string;
}

export interface CreateBackupOptions {
  name?: string;
  /** Files to leave out, one pattern a line, as the panel's form takes them. */
  ignored?: string;
  isLocked?: boolean;
}

/** The backups of a server with the figure the panel counts against its limit. */
export interface BackupList {
  backups: Backup[];
  /**
   * `meta.backup_count`: the server's non-failed backups (BackupRepository::getNonFailedBackups),
   * the number the panel compares with `feature_limits.backups`. Null where the panel sent none.
   */
  backupCount: number | null;
}

/** `POST backups/{uuid}/restore`. */
export interface RestoreBackupOptions {
  /** Delete every file of the server before unpacking. The panel requires it (RestoreBackupRequest: `required|boolean`). */
  truncate: boolean;
}

/** `POST /servers/{server}/databases`: the name without the panel's `s{id}_` prefix, and where connections may come from. */
export interface CreateDatabaseInput {
  database: string;
  /** `%` for anywhere, an IP, or a pattern such as `192.168.1.%`. */
  remote: string;
}

/** The Client API, as the app and the CLI use it. `server` is an identifier or a uuid. */
export interface ClientApi {
  readonly url: string;
  rateLimit(): RateLimitInfo;
  /**
   * Tells `listener` when the panel starts holding every request (a 429's Retry-After, its window
   * spent), including a short wait a call sits out by itself; returns the unsubscribe. Optional
   * for fakes.
   */
  onRateLimitBlock?(listener: (blockedUntilMs: number) => void): () => void;
  /**
   * How long until `server` may use a route with a per-server limit of its own (0: now), as far
   * as this client has counted and the panel has said (route-limits.ts). Optional for fakes.
   */
  routeLimitWaitMs?(server: string, route: RouteLimitId): number;

  getAccount(opts?: CallOptions): Promise<Account>;
  /** One page of `GET /api/client`. */
  listServersPage(page: number, options?: ListServersOptions, opts?: CallOptions): Promise<Page<Server>>;
  /** Every page of `GET /api/client`, in order. */
  listServers(options?: ListServersOptions, opts?: CallOptions): Promise<Server[]>;
  /** Every subuser permission the panel knows, as `group.key` (Pterodactyl nests them, Pelican lists them). */
  listPermissions(opts?: CallOptions): Promise<string[]>;
  getServer(server: string, opts?: CallOptions): Promise<ServerDetails>;
  getResources(server: string, opts?: CallOptions): Promise<ServerResources>;
  power(server: string, signal: PowerSignal, opts?: CallOptions): Promise<void>;
  sendCommand(server: string, command: string, opts?: CallOptions): Promise<void>;
  getWebsocketCredentials(server: string, opts?: CallOptions): Promise<WebsocketCredentials>;

  listFiles(server: string, directory: string, opts?: CallOptions): Promise<FileEntry[]>;
  /** Raw text of a file (the panel refuses above 4 MiB with a `too-large` error). */
  readFile(server: string, path: string, opts?: CallOptions): Promise<string>;
  /** Writes raw text with `Content-Type: text/plain`. */
  writeFile(server: string, path: string, content: string, opts?: CallOptions): Promise<void>;
  renameFiles(server: string, root: string, files: RenameEntry[], opts?: CallOptions): Promise<void>;
  copyFile(server: string, location: string, opts?: CallOptions): Promise<void>;
  deleteFiles(server: string, root: string, files: string[], opts?: CallOptions): Promise<void>;
  createFolder(server: string, root: string, name: string, opts?: CallOptions): Promise<void>;
  /** Returns the new archive's entry. */
  compressFiles(server: string, root: string, files: string[], opts?: CallOptions): Promise<FileEntry>;
  decompressFile(server: string, root: string, file: string, opts?: CallOptions): Promise<void>;
  chmodFiles(server: string, root: string, files: ChmodEntry[], opts?: CallOptions): Promise<void>;
  pullFile(server: string, options: PullOptions, opts?: CallOptions): Promise<void>;
  /** A single-use signed Wings URL to download `path`. */
  getDownloadUrl(server: string, path: string, opts?: CallOptions): Promise<string>;
  /** A single-use signed Wings URL to upload into a directory (add `&directory=`). */
  getUploadUrl(server: string, opts?: CallOptions): Promise<string>;

  listBackups(server: string, opts?: CallOptions): Promise<Backup[]>;
  /** Passwords only with `includePasswords` (and the key's database.view_password). */
  listDatabases(server: string, options?: { includePasswords?: boolean }, opts?: CallOptions): Promise<Database[]>;
  listSchedules(server: string, opts?: CallOptions): Promise<Schedule[]>;
  listAllocations(server: string, opts?: CallOptions): Promise<Allocation[]>;
  listSubusers(server: string, opts?: CallOptions): Promise<Subuser[]>;
  getStartup(server: string, opts?: CallOptions): Promise<Startup>;
  listActivity(server: string, page?: number, opts?: CallOptions): Promise<Page<ActivityEntry>>;

  // ── backups writes (issue 13) ──
  /** Starts a backup; the panel's throttle (2 per 10 minutes) and `featureLimits.backups` refuse more. */
  createBackup(server: string, options?: CreateBackupOptions, opts?: CallOptions): Promise<Backup>;
  /** Every backup with the panel's `meta.backup_count` (what it counts against `featureLimits.backups`). */
  listBackupsWithCount(server: string, opts?: CallOptions): Promise<BackupList>;
  getBackup(server: string, uuid: string, opts?: CallOptions): Promise<Backup>;
  /** Refused (400 BackupLockedException) for a locked, completed backup. */
  deleteBackup(server: string, uuid: string, opts?: CallOptions): Promise<void>;
  /** `POST /lock` toggles; the answer is the backup as it is now. */
  toggleBackupLock(server: string, uuid: string, opts?: CallOptions): Promise<Backup>;
  /** Pelican only; on Pterodactyl a `not-found` with code `RenameNotOffered`. */
  renameBackup(server: string, uuid: string, name: string, opts?: CallOptions): Promise<Backup>;
  /** A signed Wings URL (15 minutes), held to the panel's transport rule as getDownloadUrl is. */
  getBackupDownloadUrl(server: string, uuid: string, opts?: CallOptions): Promise<string>;
  restoreBackup(server: string, uuid: string, options: RestoreBackupOptions, opts?: CallOptions): Promise<void>;

  // ── schedules writes (issue 13) ──
  /** One schedule with its tasks in sequence order. */
  getSchedule(server: string, id: number, opts?: CallOptions): Promise<Schedule>;
  /** Refused before sending when a cron field is one the panel would reject. */
  createSchedule(server: string, input: ScheduleInput, opts?: CallOptions): Promise<Schedule>;
  updateSchedule(server: string, id: number, input: ScheduleInput, opts?: CallOptions): Promise<Schedule>;
  deleteSchedule(server: string, id: number, opts?: CallOptions): Promise<void>;
  /** Runs it now (202), active or not. */
  executeSchedule(server: string, id: number, opts?: CallOptions): Promise<void>;
  createTask(server: string, scheduleId: number, input: TaskInput, opts?: CallOptions): Promise<ScheduleTask>;
  updateTask(server: string, scheduleId: number, taskId: number, input: TaskInput, opts?: CallOptions): Promise<ScheduleTask>;
  deleteTask(server: string, scheduleId: number, taskId: number, opts?: CallOptions): Promise<void>;

  // ── startup writes (issue 13) ──
  /** `PUT startup/variable`: one variable (the panel checks it against the egg's rules: 422). */
  updateStartupVariable(server: string, key: string, value: string, opts?: CallOptions): Promise<StartupVariableUpdate>;
  /** `PUT settings/docker-image`: one of the egg's images; takes effect at the next start. */
  setDockerImage(server: string, image: string, opts?: CallOptions): Promise<void>;
  /** `POST settings/rename` (and Pelican's `settings/description` when a description is given). */
  renameServer(server: string, options: RenameOptions, opts?: CallOptions): Promise<DescriptionOutcome>;
  /** `POST settings/reinstall`: the server goes `installing`. */
  reinstallServer(server: string, opts?: CallOptions): Promise<void>;

  // ── databases writes (issue 13) ──
  /**
   * A new database named `s{server_id}_` + `database` (the panel adds the prefix); refused before
   * sending when the panel would refuse the name or remote. The answer carries the password when
   * the key may see it: drop it unless it was asked for.
   */
  createDatabase(server: string, input: CreateDatabaseInput, opts?: CallOptions): Promise<Database>;
  /** A new password; the answer carries it (when the key may see it), as with createDatabase. */
  rotateDatabasePassword(server: string, id: string, opts?: CallOptions): Promise<Database>;
  deleteDatabase(server: string, id: string, opts?: CallOptions): Promise<void>;
  /** One database's password, fetched only now (`forbidden` without database.view_password). */
  getDatabasePassword(server: string, id: string, opts?: CallOptions): Promise<string>;

  // ── network writes (issue 13) ──
  /** A port the panel picks (auto-assign); 400 when that is off or the server's limit is reached. */
  createAllocation(server: string, opts?: CallOptions): Promise<Allocation>;
  /** Null (or "") clears the notes; at most 256 characters. */
  setAllocationNotes(server: string, id: number, notes: string | null, opts?: CallOptions): Promise<Allocation>;
  setPrimaryAllocation(server: string, id: number, opts?: CallOptions): Promise<Allocation>;
  deleteAllocation(server: string, id: number, opts?: CallOptions): Promise<void>;

  // ── users writes (issue 13) ──
  /** `GET /permissions` grouped as the panel groups it, with its descriptions where it sends them. */
  listPermissionGroups(opts?: CallOptions): Promise<PermissionGroup[]>;
  /** Invites `email` with `permissions` (the panel adds websocket.connect); answers the new subuser. */
  createSubuser(server: string, email: string, permissions: readonly string[], opts?: CallOptions): Promise<Subuser>;
  /** Replaces a subuser's permissions; answers the subuser as it is now. */
  updateSubuser(server: string, uuid: string, permissions: readonly string[], opts?: CallOptions): Promise<Subuser>;
  deleteSubuser(server: string, uuid: string, opts?: CallOptions): Promise<void>;

  // ── activity writes (issue 13) ──
  /** One page of the activity log, newest first, optionally only the events containing `query.event`. */
  queryActivity(server: string, query?: ActivityQuery, opts?: CallOptions): Promise<Page<ActivityEntry>>;
}
