/**
 * The last known state of every server, as kept on disk between runs, pure. At start-up every
 * row shows at once what was last seen, with its age and never as live, while the live states
 * come in (500 servers on a 256-a-minute panel take minutes: budget.ts). Only what a view shows
 * before the list arrives is kept: no startup command (`invocation` can carry variable values),
 * nothing secret. The file is input like any other: what does not parse is dropped, not trusted.
 */
import type { PowerState, Server } from '../api/models';
import { isServerIdentifier } from '../../shared/server-identifier';

export const STATE_CACHE_VERSION = 1;
/** Older than this, a last state says too little to be worth showing. */
export const STATE_CACHE_MAX_AGE_MS = 30 * 24 * 3600_000;
/** Servers kept per account: more than any panel gives one user in practice. */
const MAX_SERVERS = 5_000;

/** One server as kept. */
export interface CachedServer {
  server: Server;
  state: PowerState;
  seenAtMs: number;
}

/** One account as kept; `url` must match, else its servers are another panel's. */
export interface CachedAccount {
  url: string;
  servers: CachedServer[];
}

export interface StateCacheFile {
  version: typeof STATE_CACHE_VERSION;
  savedAtMs: number;
  accounts: Record<string, CachedAccount>;
}

const POWER_STATES: ReadonlySet<string> = new Set(['offline', 'starting', 'running', 'stopping']);

/** What is kept of a server record: all of it but the startup command. */
export function cacheableServer(server: Server): Server {
  return { ...server, invocation: null };
}

/** The file's text for these accounts. */
export function serializeStateCache(accounts: Record<string, CachedAccount>, savedAtMs: number): string {
  const file: StateCacheFile = { version: STATE_CACHE_VERSION, savedAtMs, accounts };
  return JSON.stringify(file);
}

/** The accounts of a file's text; a file that is not ours, or broken, gives none. */
export function parseStateCache(text: string, nowMs: number): Record<string, CachedAccount> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (!isRecord(raw) || raw['version'] !== STATE_CACHE_VERSION || !isRecord(raw['accounts'])) return {};
  const out: Record<string, CachedAccount> = {};
  for (const [id, value] of Object.entries(raw['accounts'])) {
    if (!isRecord(value) || typeof value['url'] !== 'string' || !Array.isArray(value['servers'])) continue;
    const servers = value['servers'].slice(0, MAX_SERVERS).filter((s): s is CachedServer => isCachedServer(s, nowMs));
    out[id] = { url: value['url'], servers };
  }
  return out;
}

function isCachedServer(value: unknown, nowMs: number): boolean {
  if (!isRecord(value) || !isRecord(value['server'])) return false;
  const { server, state, seenAtMs } = value as Record<string, unknown> & { server: Record<string, unknown> };
  if (typeof state !== 'string' || !POWER_STATES.has(state)) return false;
  if (typeof seenAtMs !== 'number' || !Number.isFinite(seenAtMs) || seenAtMs > nowMs || nowMs - seenAtMs > STATE_CACHE_MAX_AGE_MS) return false;
  return (
    isServerIdentifier(server['identifier']) &&
    typeof server['name'] === 'string' &&
    typeof server['node'] === 'string' &&
    isRecord(server['limits']) &&
    Array.isArray(server['allocations']) &&
    Array.isArray(server['eggFeatures']) &&
    isRecord(server['featureLimits'])
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
