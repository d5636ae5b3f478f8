/** Option defaults in one place, so the README and the code cannot drift apart. */
import { systemClock } from '../core/util/deps';
import type { Clock } from '../core/util/deps';
import type { SimFlavor, SimPanelOptions, SimWingsVersion } from './types';
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
}

const MIB = 1024 * 1024;

/** Fills the defaults of pterodactyl-api.md (720/min, 10 min tokens, 100 MiB uploads). */
export function resolveOptions(options: SimPanelOptions = {}): ResolvedOptions {
  const flavor = options.flavor ?? 'pterodactyl';
  const servers = options.servers ?? 6;
  if (!Number.isInteger(servers) || servers < 0) throw new RangeError('servers must be a whole number >= 0');
  return {
    servers,
    seed: options.seed ?? 1337,
    apiKey: options.apiKey ?? generateApiKey(flavor === 'pelican' ? 'pacc_' : 'ptlc_'),
    flavor,
    rateLimitPerMinute: options.rateLimitPerMinute ?? (flavor === 'pelican' ? 256 : 720),
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
    wings: options.wings ?? (flavor === 'pelican' ? 'pelican' : 'pterodactyl-1.12'),
    crashTimeoutMs: options.crashTimeoutMs ?? 60_000,
    crashDetection: options.crashDetection ?? true,
    serverIdentifiers: options.serverIdentifiers ?? 'short',
  };
}
