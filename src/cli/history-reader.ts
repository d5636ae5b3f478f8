/**
 * The history file as `pterotray history` reads it (issue 14): opened read-only beside a running
 * app or daemon (SQLite's WAL lets a reader in while they write), never created, never set aside,
 * and the server named on the command line found among the servers it holds, by identifier or by
 * the name the app last saw (its last-states file), without asking any panel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStoreForReading, STORE_FILE } from '../core/store/database';
import { HISTORY_SCHEMA } from '../core/history/schema';
import { HistoryStore } from '../core/history/history-store';
import { appConfigDir, SETTINGS_FILE } from '../core/settings/app-config-dir';
import { sanitizeDocument } from '../core/settings/schema';
import type { Clock } from '../core/util/deps';
import type { ServerRef } from '../shared/types';
import { UsageError } from './args';

/** A server the history holds, with what the app last knew of it. */
export interface KnownServer extends ServerRef {
  /** The server's name as the app last saw it, or null when the app's files do not say. */
  name: string | null;
  /** The panel's name in the app, or null. */
  accountName: string | null;
}

export interface OpenedHistory {
  store: HistoryStore;
  servers: KnownServer[];
  close(): void;
}

/** The app's last known states (src/main/services/last-states.ts LAST_STATES_FILE): where server names are kept. */
const LAST_STATES_FILE = 'last-states.json';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** Opens the app's history read-only; a clear error when there is none or it is not ours. */
export function openHistory(env: Readonly<Record<string, string | undefined>>, clock: Clock): OpenedHistory {
  const dir = appConfigDir(env);
  const path = join(dir, STORE_FILE);
  const opened = openStoreForReading(path, HISTORY_SCHEMA);
  if (!('db' in opened)) {
    switch (opened.reason) {
      case 'absent':
      case 'no-module':
        throw new Error(`no history yet (looked for ${path}): the Pterotray app or 'pterotray daemon' records it while it runs`);
      case 'not-ours':
        throw new Error(`${path} is not a Pterotray history file: start the app once and it sets the file aside`);
      case 'newer':
        throw new Error(`${path} was written by a newer Pterotray: update this one to read it`);
      case 'unreadable':
        throw new Error(`cannot read the history (${path}): ${opened.detail}`);
    }
  }
  const { db } = opened;
  const store = new HistoryStore(db, { clock, logger: silent, isReadOnly: true });
  const servers = namedServers(store.servers(), dir);
  return { store, servers, close: () => db.close() };
}

/** The history's servers with the names the app's last-states and settings files give them. */
function namedServers(refs: readonly ServerRef[], dir: string): KnownServer[] {
  const names = new Map<string, string>();
  for (const [key, name] of keptNames(readText(join(dir, LAST_STATES_FILE)))) names.set(key, name);
  const accountNames = new Map<string, string>();
  const settings = readText(join(dir, SETTINGS_FILE));
  if (settings !== null) {
    try {
      for (const a of sanitizeDocument(JSON.parse(settings)).document.accounts) accountNames.set(a.id, a.name);
    } catch {
      // Names are a help, not a need: identifiers still work.
    }
  }
  return refs.map((r) => ({ ...r, name: names.get(`${r.accountId}/${r.identifier}`) ?? null, accountName: accountNames.get(r.accountId) ?? null }));
}

/**
 * `accountId/identifier` → name from the last-states file, read loosely: a name stays useful long
 * after the state beside it is too old to show (state-cache.ts drops those).
 */
function keptNames(text: string | null): Array<[string, string]> {
  if (text === null) return [];
  const names: Array<[string, string]> = [];
  try {
    const accounts = (JSON.parse(text) as { accounts?: Record<string, { servers?: Array<{ server?: { identifier?: unknown; name?: unknown } }> }> }).accounts;
    for (const [accountId, account] of Object.entries(accounts ?? {})) {
      for (const kept of Array.isArray(account?.servers) ? account.servers : []) {
        const { identifier, name } = kept?.server ?? {};
        if (typeof identifier === 'string' && typeof name === 'string') names.push([`${accountId}/${identifier}`, name]);
      }
    }
  } catch {
    // Not the app's file, or broken: identifiers still work.
  }
  return names;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The one server `query` means: identifier (or `account/identifier`), then exact name, then a
 * unique identifier or name prefix, all case-insensitive; `account` (a saved panel's name or id)
 * narrows the search. Throws UsageError naming the choices when none or several match.
 */
export function findServer(servers: readonly KnownServer[], query: string, account: string | undefined, command: string): KnownServer {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') throw new UsageError('the server argument is empty', command);
  const a = account?.trim().toLowerCase();
  const pool = a ? servers.filter((s) => s.accountId.toLowerCase() === a || s.accountName?.toLowerCase() === a) : servers;
  const tiers = [
    pool.filter((s) => s.identifier.toLowerCase() === wanted || `${s.accountId}/${s.identifier}`.toLowerCase() === wanted),
    pool.filter((s) => s.name?.toLowerCase() === wanted),
    pool.filter((s) => s.identifier.toLowerCase().startsWith(wanted) || s.name?.toLowerCase().startsWith(wanted) === true),
  ];
  for (const matches of tiers) {
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      const listed = matches.slice(0, 10).map((s) => `${s.accountId}/${s.identifier}${s.name ? ` (${s.name})` : ''}`);
      throw new UsageError(`'${query}' matches ${matches.length} servers in the history: ${listed.join(', ')}; use account/identifier`, command);
    }
  }
  throw new UsageError(`no server in the history matches '${query}' (run 'pterotray history' to list them)`, command);
}
