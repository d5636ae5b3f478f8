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
import type { RouteLimitId } from './route-limits';

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

/** The Client API, as the app and the CLI use it. `server` is an identifier or a uuid. */
export interface ClientApi {
  readonly url: string;
  rateLimit(): RateLimitInfo;
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

  // ── schedules writes (issue 13) ──

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

  // ── network writes (issue 13) ──

  // ── users writes (issue 13) ──

  // ── activity writes (issue 13) ──
}
