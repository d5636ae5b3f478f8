/**
 * The dashboard's list as data: which servers a search and a state filter keep, how they group by
 * account, and how full their CPU and memory are. Pure, so the 100-server case is cheap to test.
 */
import { formatBytes, formatPercent, mibLimitBytes } from '../../lib/format';
import { t } from '../../lib/strings';
import type { AccountView, ServerView } from '../../../../shared/types';

export type StateFilter = 'all' | 'running' | 'offline' | 'other';

export interface ServerGroup {
  /** Unique among the groups shown (`panel:…`, `node:…`, `all`). */
  key: string;
  /** The section's heading: the panel's or the node's name. */
  title: string;
  accountId: string;
  /** The panel whose status the section shows; null for node sections and unknown accounts. */
  account: AccountView | null;
  servers: ServerView[];
}

export interface Usage {
  /** "45% / 200%", "512 MiB / Unlimited", or a dash without a sample. */
  text: string;
  /** Share of the limit, 0..1+, or null when unlimited or unknown. */
  fraction: number | null;
  /** At or above 90 % of the limit, where the panel turns red. */
  isHigh: boolean;
}

const HIGH_FRACTION = 0.9;

/** A stable key for a server across accounts. */
export { serverKey } from '../../../../shared/server-key';

/** The filter bucket a server falls in; an unavailable server counts as "other" whatever its state. */
export function stateBucket(server: ServerView): Exclude<StateFilter, 'all'> {
  if (server.availability !== 'ok') return 'other';
  if (server.state === 'running') return 'running';
  if (server.state === 'offline') return 'offline';
  return 'other';
}

/** True when the query is found in the name, identifier or address (case-insensitive). */
export function matchesQuery(server: ServerView, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return [server.name, server.identifier, server.address ?? ''].some((field) => field.toLowerCase().includes(q));
}

/** The servers a search and a state filter keep, in their order. */
export function filterServers(servers: readonly ServerView[], query: string, filter: StateFilter): ServerView[] {
  return servers.filter((s) => (filter === 'all' || stateBucket(s) === filter) && matchesQuery(s, query));
}

/**
 * Servers grouped by account in the accounts' order. Empty groups are kept only when nothing is
 * filtered, so an account without servers still shows its status.
 */
export function groupByAccount(accounts: readonly AccountView[], servers: readonly ServerView[], isFiltered: boolean): ServerGroup[] {
  const byAccount = new Map<string, ServerView[]>();
  for (const server of servers) {
    const list = byAccount.get(server.accountId) ?? [];
    list.push(server);
    byAccount.set(server.accountId, list);
  }
  const groups: ServerGroup[] = accounts.map((account) => ({
    key: `panel:${account.id}`,
    title: account.name,
    accountId: account.id,
    account,
    servers: byAccount.get(account.id) ?? [],
  }));
  for (const [accountId, list] of byAccount) {
    if (!accounts.some((a) => a.id === accountId)) groups.push({ key: `panel:${accountId}`, title: accountId, accountId, account: null, servers: list });
  }
  return isFiltered ? groups.filter((g) => g.servers.length > 0) : groups;
}

function usage(used: number, limit: number | null, format: (n: number) => string): Usage {
  const fraction = limit === null ? null : used / limit;
  return {
    text: t.dashboard.usageOf(format(used), limit === null ? t.unlimited : format(limit)),
    fraction,
    isHigh: fraction !== null && fraction >= HIGH_FRACTION,
  };
}

const NO_SAMPLE: Usage = { text: t.dashboard.noResources, fraction: null, isHigh: false };

/** CPU against the server's limit (100 % = one core; a limit of 0 means unlimited). */
export function cpuUsage(server: ServerView): Usage {
  if (!server.resources) return NO_SAMPLE;
  const limit = server.limits.cpuPercent > 0 ? server.limits.cpuPercent : null;
  return usage(server.resources.cpuPercent, limit, (n) => formatPercent(n));
}

/** Disk in use against the server's limit (0 MiB means unlimited). */
export function diskUsage(server: ServerView): Usage {
  if (!server.resources) return NO_SAMPLE;
  return usage(server.resources.diskBytes, mibLimitBytes(server.limits.diskMib), formatBytes);
}

/** Memory in use against the server's limit (0 MiB means unlimited). */
export function memoryUsage(server: ServerView): Usage {
  if (!server.resources) return NO_SAMPLE;
  return usage(server.resources.memoryBytes, mibLimitBytes(server.limits.memoryMib), formatBytes);
}
