/** Option defaults in one place, so the README and the code cannot drift apart. */
import { systemClock } from '../core/util/deps';
import type { Clock } from '../core/util/deps';
import type { SimFlavor, SimPanelOptions, SimPanelVersion, SimWingsVersion } from './types';
import { generateApiKey } from './util/random';

/** Every option resolved to a value. */
export interface ResolvedOptions {
  servers: number;
  seed: number;
  apiKey: string;
  flavor: SimFlavor;
  rateLimitPerMinute: number;
  resourcesCacheMs: number;
  tokenTtlMs: number;
  tokenCheckMs: number;
  tickMs: number;
  statsIntervalMs: number;
  bigFolderEntries: number;
  uploadLimitBytes: number;
  uploadSpillBytes: number;
  host: string;
  port: number;
  transferPort: number;
  clock: Clock;
  wings: SimWingsVersion;
  crashTimeoutMs: number;
  crashDetection: boolean;
  serverIdentifiers: 'short' | 'prefixed';
  /** The `version` asked for; null keeps the pre-version sim (no route limits, no throttling). */
  version: SimPanelVersion | null;
  /** Wings' websocket limiters and `throttled` frames (pelican-dev/wings `router/websocket/limiter.go`). */
  websocketThrottling: boolean;
  /** Wings sends `feature match` for egg feature lines (pelican-dev/wings `server/listeners.go`). */
  featureMatch: boolean;
  /** Client auto-allocation: the port range it picks from, or false when the panel has it off. */
  autoAllocation: false | { rangeStart: number; rangeEnd: number };
  editableDescriptions: boolean;
  rootAdmin: boolean;
}

const MIB = 1024 * 1024;
const VERSIONS: readonly SimPanelVersion[] = ['pterodactyl-1.11', 'pterodactyl-1.12', 'pelican'];

/**
 * The client API limit a minute: 1.11's 720 (pterodactyl `config/http.php`), Pelican's 256
 * (`APP_API_CLIENT_RATELIMIT`, pelican `config/http.php`), which 1.12 is planned as
 * (panel-versions.md). Without a version the flavor decides, as before versions.
 */
function defaultRateLimit(version: SimPanelVersion | null, flavor: SimFlavor): number {
  if (version === 'pterodactyl-1.11') return 720;
  if (version !== null) return 256;
  return flavor === 'pelican' ? 256 : 720;
}

/** Fills the defaults of pterodactyl-api.md (720/min, 10 min tokens, 100 MiB uploads). */
export function resolveOptions(options: SimPanelOptions = {}): ResolvedOptions {
  const version = options.version ?? null;
  if (version !== null && !VERSIONS.includes(version)) throw new RangeError(`version must be one of ${VERSIONS.join(', ')}`);
  const flavor = options.flavor ?? (version === 'pelican' ? 'pelican' : 'pterodactyl');
  const wings = options.wings ?? version ?? (flavor === 'pelican' ? 'pelican' : 'pterodactyl-1.12');
  const servers = options.servers ?? 6;
  if (!Number.isInteger(servers) || servers < 0) throw new RangeError('servers must be a whole number >= 0');
  return {
    servers,
    seed: options.seed ?? 1337,
    apiKey: options.apiKey ?? generateApiKey(flavor === 'pelican' ? 'pacc_' : 'ptlc_'),
    flavor,
    rateLimitPerMinute: options.rateLimitPerMinute ?? defaultRateLimit(version, flavor),
    resourcesCacheMs: options.resourcesCacheMs ?? 0,
    tokenTtlMs: options.tokenTtlMs ?? 600_000,
    tokenCheckMs: options.tokenCheckMs ?? 30_000,
    tickMs: options.tickMs ?? 1000,
    statsIntervalMs: options.statsIntervalMs ?? 1000,
    bigFolderEntries: options.bigFolderEntries ?? 10_000,
    uploadLimitBytes: options.uploadLimitBytes ?? 100 * MIB,
    uploadSpillBytes: options.uploadSpillBytes ?? 8 * MIB,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    transferPort: options.transferPort ?? 0,
    clock: options.clock ?? systemClock,
    wings,
    crashTimeoutMs: options.crashTimeoutMs ?? 60_000,
    crashDetection: options.crashDetection ?? true,
    // Prefixed identifiers are opt-in on 1.12 too (PTERODACTYL_USE_SERVER_IDENTIFIERS, panel PR #5548).
    serverIdentifiers: options.serverIdentifiers ?? 'short',
    version,
    // Pterodactyl Wings 2024 (1.11) has no websocket limiter at all (router/router_server_ws.go).
    websocketThrottling: version !== null && wings !== 'pterodactyl-1.11',
    // Only Pelican's Wings matches egg features; Pterodactyl's panel matches lines in the browser.
    featureMatch: version !== null && wings === 'pelican',
    autoAllocation: options.autoAllocation ?? { rangeStart: 30_000, rangeEnd: 30_099 },
    editableDescriptions: options.editableDescriptions ?? true,
    rootAdmin: options.rootAdmin ?? false,
  };
}
