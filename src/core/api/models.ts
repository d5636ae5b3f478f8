/**
 * The core's vocabulary: what the panel's answers mean once normalised. Both the real shapes
 * (pterodactyl-api.md) and the simplified ones of hosting guides normalise to these.
 * Units are in the names; the API's own words (identifier, uuid, state) are kept where they exist.
 */

export type { PowerSignal, PowerState } from '../../shared/power-states';
export { POWER_SIGNALS } from '../../shared/power-states';
import type { PowerState } from '../../shared/power-states';

/** `server.status`: null when normal. Unknown future values are kept as strings. */
export type ServerStatus = null | 'installing' | 'install_failed' | 'reinstall_failed' | 'suspended' | 'restoring_backup' | (string & {});

/** The owner of the API key (`GET /account`), Pterodactyl or Pelican. */
export interface Account {
  /** Pterodactyl's numeric id; Pelican has none. */
  id: number | null;
  /** Pelican's uuid; Pterodactyl has none. */
  uuid: string | null;
  username: string;
  email: string;
  isAdmin: boolean;
  firstName: string | null;
  lastName: string | null;
  language: string | null;
}

export interface ServerLimits {
  /** 0 means unlimited. */
  memoryMib: number;
  /** -1 means unlimited. */
  swapMib: number;
  /** 0 means unlimited. */
  diskMib: number;
  io: number | null;
  /** 100 is one core; 0 means unlimited. */
  cpuPercent: number;
  threads: string | null;
  oomDisabled: boolean | null;
}

export interface FeatureLimits {
  databases: number | null;
  allocations: number | null;
  backups: number | null;
}

export interface Allocation {
  id: number;
  ip: string;
  ipAlias: string | null;
  port: number;
  notes: string | null;
  isDefault: boolean;
}

export interface SftpDetails {
  /** The node's FQDN. */
  ip: string;
  port: number;
  /** Pelican only. */
  alias: string | null;
}

/** One server from `GET /api/client` or `GET /servers/{server}`. */
export interface Server {
  /** The 8-character short id. */
  identifier: string;
  /** The full uuid; null only when a simplified panel omits it. */
  uuid: string | null;
  internalId: number | null;
  name: string;
  node: string;
  description: string | null;
  isOwner: boolean;
  status: ServerStatus;
  /** `status == "suspended" || is_suspended`. */
  isSuspended: boolean;
  isInstalling: boolean;
  isTransferring: boolean;
  isNodeUnderMaintenance: boolean;
  sftp: SftpDetails | null;
  limits: ServerLimits;
  featureLimits: FeatureLimits;
  invocation: string | null;
  dockerImage: string | null;
  eggFeatures: string[];
  allocations: Allocation[];
}

/** `GET /servers/{server}` adds the caller's permissions. */
export interface ServerDetails extends Server {
  isServerOwner: boolean;
  /** `["*"]` for the owner. */
  userPermissions: string[];
}

/** `GET /resources`, or a websocket `stats` event, normalised. */
export interface ServerResources {
  state: PowerState;
  isSuspended: boolean;
  memoryBytes: number;
  /** Percent of one core; may exceed 100. */
  cpuAbsolute: number;
  diskBytes: number;
  /** Cumulative since the container started. */
  networkRxBytes: number;
  /** Cumulative since the container started. */
  networkTxBytes: number;
  uptimeMs: number;
}

export type { FileEntry } from '../../shared/files';

export interface Pagination {
  total: number;
  count: number;
  perPage: number;
  currentPage: number;
  totalPages: number;
}

export interface Page<T> {
  items: T[];
  pagination: Pagination;
}

/** `GET /websocket`. */
export interface WebsocketCredentials {
  token: string;
  socket: string;
}

export interface Backup {
  uuid: string;
  name: string;
  isSuccessful: boolean;
  isLocked: boolean;
  /** Pelican: made by a schedule (BackupTransformer `is_scheduled`); null where the panel does not say. */
  isScheduled: boolean | null;
  ignoredFiles: string[];
  checksum: string | null;
  bytes: number;
  createdAt: string | null;
  completedAt: string | null;
}

export interface Database {
  id: string;
  name: string;
  username: string;
  host: { address: string; port: number };
  connectionsFrom: string;
  maxConnections: number;
  /** Only with `include=password` and the permission to see it. */
  password: string | null;
}

export interface ScheduleTask {
  id: number;
  sequenceId: number;
  action: string;
  payload: string;
  timeOffsetS: number;
  isQueued: boolean;
  continueOnFailure: boolean;
}

export interface Schedule {
  id: number;
  name: string;
  cron: { minute: string; hour: string; dayOfMonth: string; month: string; dayOfWeek: string };
  isActive: boolean;
  isProcessing: boolean;
  onlyWhenOnline: boolean;
  lastRunAt: string | null;
  nextRunAt: string | null;
  tasks: ScheduleTask[];
}

export interface Subuser {
  uuid: string;
  username: string;
  email: string;
  twoFactorEnabled: boolean;
  permissions: string[];
  createdAt: string | null;
}

export interface EggVariable {
  name: string;
  description: string;
  envVariable: string;
  defaultValue: string;
  serverValue: string | null;
  isEditable: boolean;
  rules: string;
}

export interface Startup {
  variables: EggVariable[];
  startupCommand: string;
  rawStartupCommand: string | null;
  /** Label → image. */
  dockerImages: Record<string, string>;
}

/** What `PUT startup/variable` answers: the variable as saved and the command it now makes. */
export interface StartupVariableUpdate {
  variable: EggVariable;
  /** Null when the panel sent no command back. */
  startupCommand: string | null;
  rawStartupCommand: string | null;
}

/** How a rename went for the description (Pelican saves it through a route of its own). */
export type DescriptionOutcome = 'saved' | 'not-asked' | 'not-editable';

export interface ActivityEntry {
  id: string;
  event: string;
  isApi: boolean;
  ip: string | null;
  description: string | null;
  properties: Record<string, unknown>;
  timestamp: string;
  actorUsername: string | null;
}

/** Which servers `GET /api/client` lists (`type`). */
export type ServerListType = 'owner' | 'admin' | 'admin-all';

export interface ListServersOptions {
  type?: ServerListType;
  /** `filter[*]`, `filter[name]`, … keyed without the `filter[]` wrapper. */
  filter?: Partial<Record<'*' | 'uuid' | 'name' | 'description' | 'external_id', string>>;
  perPage?: number;
}
