/**
 * The public vocabulary of the simulated panel: options, the control surface and its snapshots.
 * Kept apart from the implementation so the CLI and remote test drivers can import types only.
 */
import type { Readable } from 'node:stream';
import type { Clock } from '../core/util/deps';

/** Pterodactyl's four power states (Wings `environment.ProcessState`). */
export type SimPowerState = 'offline' | 'starting' | 'running' | 'stopping';

/** `server.status`; null is a normal, installed server. */
export type SimServerStatus = null | 'installing' | 'install_failed' | 'reinstall_failed' | 'suspended' | 'restoring_backup';

/** Which panel the sim imitates (pterodactyl-api.md §9 for Pelican's differences). */
export type SimFlavor = 'pterodactyl' | 'pelican';

/**
 * Which Wings the node imitates where they differ on a suspension (panel-versions.md):
 * - `pterodactyl-1.11` stops the server and keeps its sockets open (wings `server/update.go`);
 * - `pterodactyl-1.12` closes them at once with 4409 (wings PR #287), and refuses new ones so;
 * - `pelican` drops them without a close frame (`Websockets().CancelAll()` in
 *   `server/server.go`, seen as 1006) and refuses new ones with 4409 (`router_server_ws.go`).
 */
export type SimWingsVersion = 'pterodactyl-1.11' | 'pterodactyl-1.12' | 'pelican';

/**
 * A whole panel + Wings release to imitate (the `version` option), see README "Versions":
 * - `pterodactyl-1.11`: 720/min, only `POST files/pull` throttled (`throttle:10,5`, per user),
 *   no websocket throttling;
 * - `pterodactyl-1.12`: 256/min, Pelican's per-server route limits, 4409 close codes, Wings'
 *   websocket throttling (`throttled`), JWT scopes;
 * - `pelican`: the Pelican flavor with 256/min, `ResourceLimit` per-server limits, websocket
 *   throttling and `feature match` frames.
 */
export type SimPanelVersion = 'pterodactyl-1.11' | 'pterodactyl-1.12' | 'pelican';

/** Options of `startSimPanel`; every field has a default. */
export interface SimPanelOptions {
  /**
   * The release to imitate; sets the defaults of `flavor`, `wings` and `rateLimitPerMinute`
   * (each still overrides) and turns on its per-server route limits, websocket throttling and
   * `feature match` frames. Default: none, which keeps the sim as it was before versions
   * (Pterodactyl shapes, 720/min, Wings 1.12 close codes, no route limits, no throttling).
   */
  version?: SimPanelVersion;
  /** Number of servers; default 6. Up to 1000 must work (the list paginates). */
  servers?: number;
  /** Seed for names, uuids, files and stats; default 1337. */
  seed?: number;
  /** Default: random `ptlc_` (or `pacc_`) + 11 + 32 characters, 48 in total. */
  apiKey?: string;
  /** Default `pterodactyl`; `pelican` with `version: 'pelican'`. */
  flavor?: SimFlavor;
  /** Default 720 (Pelican, `pterodactyl-1.12`: 256). Fixed 60 s window per API key. */
  rateLimitPerMinute?: number;
  /** Default 0; 20000 reproduces the panel's 20 s `/resources` cache. */
  resourcesCacheMs?: number;
  /** Websocket JWT lifetime; default 600000. `token expiring` is sent at <= 60 s left. */
  tokenTtlMs?: number;
  /** How often each socket checks its token's expiry (Wings' 30 s ticker); default 30000. */
  tokenCheckMs?: number;
  /** State-machine tick; default 1000. A start reaches `running` two ticks later. */
  tickMs?: number;
  /** Websocket `stats` push interval while the server runs; default 1000. */
  statsIntervalMs?: number;
  /** Entries in each server's `/big` folder; default 10000. Built on first access. */
  bigFolderEntries?: number;
  /** Per-file upload limit on the signed upload URL; default 100 MiB (Wings' `upload_limit`). */
  uploadLimitBytes?: number;
  /** Uploaded parts larger than this spill to a temp file instead of memory; default 8 MiB. */
  uploadSpillBytes?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Panel port; default 0 (random). */
  port?: number;
  /** Wings port (websocket + signed transfers); default 0 (random). */
  transferPort?: number;
  /** Time source; default the real clock (read at call time, so fake timers apply). */
  clock?: Clock;
  /** Default: `version` when given, else `pelican` for the Pelican flavor, else `pterodactyl-1.12`. */
  wings?: SimWingsVersion;
  /**
   * Wings' `crash_detection.timeout`: a crash this soon after the last one is not restarted
   * ("Aborting automatic restart…"); 0 always restarts. Default 60000.
   */
  crashTimeoutMs?: number;
  /** Wings' `crash_detection.enabled`; false never restarts a crashed server. Default true. */
  crashDetection?: boolean;
  /**
   * `short` (default): the uuid's first 8 hex characters, as Pterodactyl 1.11 and Pelican.
   * `prefixed`: Pterodactyl 1.12 with PTERODACTYL_USE_SERVER_IDENTIFIERS=true (panel PR #5548):
   * `serv_` + the uuid's 16 bytes in unpadded lower-case base 32; routes still take the uuid and
   * the 8-character form, and the server object carries `server_identifier` and
   * `__deprecated_uuid_short`.
   */
  serverIdentifiers?: 'short' | 'prefixed';
  /**
   * The panel's client auto-allocation (`client_features.allocations`: enabled, range_start,
   * range_end; PTERODACTYL_CLIENT_ALLOCATIONS_* / PANEL_CLIENT_ALLOCATIONS_*). Both panels ship
   * it off; the sim has it on over 30000–30099 by default so the demo can add ports. `false`:
   * `POST /network/allocations` answers "Server auto-allocation is not enabled for this instance."
   */
  autoAllocation?: false | { rangeStart: number; rangeEnd: number };
  /**
   * Pelican's `panel.editable_server_descriptions` (config/panel.php, default true): off, `POST
   * settings/description` answers 403 with an empty body.
   */
  editableDescriptions?: boolean;
  /**
   * The key's user is a root admin: its websocket tokens carry `admin.websocket.errors`,
   * `admin.websocket.install` and `admin.websocket.transfer` (pterodactyl/panel
   * app/Services/Servers/GetUserPermissionsService.php), so Wings sends it `install output`.
   * Default false.
   */
  rootAdmin?: boolean;
}

/** A fault to inject into the next matching requests. */
export type SimFault =
  | { type: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { type: 'delay'; ms: number }
  | { type: 'reset' }
  | { type: 'malformed' }
  | { type: 'html' }
  | { type: 'truncate' };

/** Which requests a fault (or a count) applies to. */
export interface SimFaultSpec {
  /** HTTP method; any when omitted. */
  method?: string;
  /**
   * A route key (`GET /api/client/servers/:server/resources`), a route path without the method,
   * a substring of the request path, or a RegExp tested against the path. Any when omitted.
   */
  route?: string | RegExp;
  /** How many matching requests get the fault; default 1. */
  count?: number;
  fault: SimFault;
}

/** One line of the request log. */
export interface SimRequestLogEntry {
  method: string;
  /** `METHOD /path/:param`, or `METHOD /raw/path` when no route matched. */
  route: string;
  path: string;
  /** Which listener took the request. */
  port: 'panel' | 'wings';
  timeMs: number;
  /** 0 while pending, or when the socket was destroyed before a status was sent. */
  status: number;
}

/**
 * One power signal the sim received (`POST /power` or the websocket's `set state`), so a test
 * asserts on what an app really sent, not only on the state it led to.
 */
export interface SimPowerSignal {
  /** The server's identifier. */
  identifier: string;
  signal: 'start' | 'stop' | 'restart' | 'kill';
  via: 'rest' | 'websocket';
  /** What Wings made of it: 'ignored' (a stop while offline), 'busy' (another action running). */
  result: 'accepted' | 'ignored' | 'busy';
  timeMs: number;
}

/** A snapshot of one server, for assertions. */
export interface SimServerSnapshot {
  identifier: string;
  uuid: string;
  internalId: number;
  name: string;
  node: string;
  state: SimPowerState;
  status: SimServerStatus;
  isSuspended: boolean;
  isTransferring: boolean;
  isServerOwner: boolean;
  permissions: string[];
  primaryAllocation: { ip: string; port: number };
  limits: { memoryMib: number; diskMib: number; cpuPercent: number };
  description: string;
  dockerImage: string;
  /** Env variable → the server's value (the Startup page's `server_value`). */
  variables: Record<string, string>;
}

/** What `stat` tells about a path of a server's file tree. */
export interface SimFileStat {
  name: string;
  isFile: boolean;
  sizeBytes: number;
  /** Octal permission bits, e.g. `644`. */
  modeBits: string;
  mimetype: string;
  modifiedAtMs: number;
}

/** Read/write access to one server's in-memory file tree. Paths are absolute from the root. */
export interface SimFiles {
  exists(path: string): boolean;
  stat(path: string): SimFileStat | null;
  /** Names in a directory, in Wings' order (directories first, then by name). */
  list(directory: string): string[];
  /** The whole content; throws for files over 64 MiB (use `createReadStream` or `sha256`). */
  read(path: string): Buffer;
  readText(path: string): string;
  /** Creates or replaces a file, creating parent directories. */
  write(path: string, data: string | Buffer): void;
  mkdir(path: string): void;
  /** Removes a file or a directory tree; false when nothing was there. */
  remove(path: string): boolean;
  /**
   * A file of `bytes` deterministic bytes generated on the fly, never held in memory (for
   * 200 MiB / 1 GiB download tests). `text` makes printable ASCII lines instead of binary.
   */
  createLarge(path: string, bytes: number, options?: { seed?: number; text?: boolean }): void;
  /** sha256 (hex) of a file's content, streamed. */
  sha256(path: string): Promise<string>;
  createReadStream(path: string): Readable;
}

/** The control surface for tests and demos. `server` is an identifier or a uuid. */
export interface SimControl {
  servers(): SimServerSnapshot[];
  setState(server: string, state: SimPowerState): void;
  suspend(server: string, on?: boolean): void;
  setStatus(server: string, status: SimServerStatus): void;
  setTransferring(server: string, on: boolean): void;
  setNodeMaintenance(on: boolean): void;
  /** Resolves once the Wings port is really closed (refused) or listening again. */
  setNodeReachable(on: boolean): Promise<void>;
  /** Null gives the key owner's `*`; a list makes the user a subuser with those permissions. */
  setPermissions(server: string, permissions: string[] | null): void;
  /** An admin sets the server's image (one not among the egg's makes the Startup page's choice a 400). */
  setDockerImage(server: string, image: string): void;
  /**
   * The game process dies (a running or starting server; otherwise nothing happens). Wings then
   * reports it offline, prints its crash lines, and restarts it, unless the last crash was less
   * than `crashTimeoutMs` ago (wings `server/crash.go`). `how` sets the exit code and the OOM
   * flag its lines carry.
   */
  crash(server: string, how?: SimCrash): void;
  emitConsole(server: string, line: string): void;
  /** The server's console backlog as Wings keeps it (what `send logs` replays), oldest first. */
  consoleLines(server: string): string[];
  /**
   * Writes `eula=false` to a Minecraft server's eula.txt (throws for other eggs): its next start
   * prints "You need to agree to the EULA in order to run the server" and stops (exit code 0,
   * which Wings treats as a crash), until eula.txt says `eula=true` (what the panel's
   * EulaModalFeature writes before it restarts the server).
   */
  requireEula(server: string): void;
  /** Wings fails this server's next backups (`backup completed` with is_successful false) until turned off. */
  failBackups(server: string, on: boolean): void;
  revokeKey(): void;
  setApiKey(key: string): void;
  setTwoFactorRequired(on: boolean): void;
  setAllowedIp(allowed: boolean): void;
  injectFault(spec: SimFaultSpec): void;
  clearFaults(): void;
  requestCount(route?: string | RegExp): number;
  requestLog(): SimRequestLogEntry[];
  /** The power signals received so far, oldest first; of one server (identifier or uuid) when given. */
  powerSignals(server?: string): SimPowerSignal[];
  resetCounts(): void;
  files(server: string): SimFiles;
  /**
   * Denylists the tokens issued up to now, for one server or (without `server`) every server, as
   * Wings does when the panel revokes them (wings PR #289, `isDenylisted`): a token whose `iat`
   * (whole seconds) is not after the denial is refused, so one issued later in the same second
   * is refused too. `auth` with one fails, and a socket authenticated with one gets `jwt error` in
   * place of every event until it re-authenticates with a newer token.
   */
  expireTokens(server?: string): void;
  /** The server's feature limits (databases, allocations, backups) as an admin would set them. */
  setFeatureLimits(server: string, limits: Partial<{ databases: number; allocations: number; backups: number }>): void;
}

/** A running simulated panel + Wings. */
export interface SimPanel {
  /** Panel base URL, e.g. `http://127.0.0.1:40123` (the API is under `/api/client`). */
  readonly url: string;
  /** The node: websocket and signed download/upload URLs, on a separate port. */
  readonly wingsUrl: string;
  /** The client API key: the current one after `control.setApiKey`, the old (dead) one after `revokeKey`. */
  readonly apiKey: string;
  readonly control: SimControl;
  /** Closes every server, socket and timer, and removes the upload spill directory. */
  close(): Promise<void>;
}

/**
 * How a process dies (incidents, issue 14): its exit code, and whether the kernel's OOM killer
 * took it. Wings reads both from Docker's `State` (`ExitCode`, `OOMKilled`, wings
 * `environment/docker/container.go`) and prints them in its crash lines; an OOM kill is SIGKILL,
 * so Docker reports 137 (128 + 9). Default: exit code 1, not OOM.
 */
export interface SimCrash {
  exitCode?: number;
  isOutOfMemory?: boolean;
}
