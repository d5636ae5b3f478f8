/**
 * The dashboard's order and grouping (issue 15): sort by a column, state putting problems first,
 * and sections by panel, by node or none. Pure, so the 120-server cases are cheap to test.
 */
import { groupByAccount, serverKey, type ServerGroup } from './server-list';
import { t } from '../../lib/strings';
import type { AccountView, DashboardLayout, DashboardSortKey, ServerView } from '../../../../shared/types';

/** The layout a fresh install shows: by name, one section per panel (as before issue 15). */
export const DEFAULT_LAYOUT: DashboardLayout = { sort: { key: 'name', direction: 'asc' }, groupBy: 'panel' };

/** Numbers read highest first when a person first sorts by them (as Docker Desktop and Task Manager do). */
export const FIRST_DIRECTION: Record<DashboardSortKey, 'asc' | 'desc'> = {
  name: 'asc',
  state: 'asc',
  cpu: 'desc',
  memory: 'desc',
  disk: 'desc',
  node: 'asc',
};

/**
 * A server's place when sorted by state, lowest first: what needs a look (the tray's ⚠ marks, then
 * offline although it should run, then held by the panel), then changing, running, offline, unknown.
 */
export function stateRank(server: ServerView): number {
  if (server.attention === 'crashed') return 0;
  if (server.availability === 'node-unreachable') return 1;
  if (server.attention === 'should-run') return 2;
  if (server.availability !== 'ok') return 3;
  const ranks: Record<ServerView['state'], number> = { starting: 4, stopping: 4, running: 5, offline: 6, unknown: 7 };
  return ranks[server.state];
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The column's value; null (no sample yet) sorts last whichever the direction. */
function metric(server: ServerView, key: 'cpu' | 'memory' | 'disk'): number | null {
  const r = server.resources;
  if (!r) return null;
  return key === 'cpu' ? r.cpuPercent : key === 'memory' ? r.memoryBytes : r.diskBytes;
}

function compareBy(key: DashboardSortKey): (a: ServerView, b: ServerView) => number {
  switch (key) {
    case 'name':
      return (a, b) => collator.compare(a.name, b.name);
    case 'node':
      return (a, b) => collator.compare(a.node, b.node);
    case 'state':
      return (a, b) => stateRank(a) - stateRank(b);
    default:
      return (a, b) => (metric(a, key) ?? 0) - (metric(b, key) ?? 0);
  }
}

/** The servers in the layout's order; ties by name, then key, so the order never jumps between pushes. */
export function sortServers(servers: readonly ServerView[], sort: DashboardLayout['sort']): ServerView[] {
  const primary = compareBy(sort.key);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const isMetric = sort.key === 'cpu' || sort.key === 'memory' || sort.key === 'disk';
  return [...servers].sort((a, b) => {
    if (isMetric) {
      const missing = Number(metric(a, sort.key as 'cpu') === null) - Number(metric(b, sort.key as 'cpu') === null);
      if (missing !== 0) return missing;
    }
    return sign * primary(a, b) || collator.compare(a.name, b.name) || serverKey(a).localeCompare(serverKey(b));
  });
}

/** The sort after a click on a column's header: the other direction on the same column, else its first. */
export function nextSort(current: DashboardLayout['sort'], key: DashboardSortKey): DashboardLayout['sort'] {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: FIRST_DIRECTION[key] };
}

/**
 * One section per Wings node, in name order. A node name is the panel's own, so two panels may
 * both have "node1": with more than one panel the section says whose.
 */
export function groupByNode(accounts: readonly AccountView[], servers: readonly ServerView[]): ServerGroup[] {
  const groups = new Map<string, ServerGroup>();
  const isOnePanel = new Set(servers.map((s) => s.accountId)).size <= 1;
  for (const server of servers) {
    const key = `node:${server.accountId}/${server.node}`;
    let group = groups.get(key);
    if (!group) {
      const panel = accounts.find((a) => a.id === server.accountId)?.name ?? server.accountId;
      group = { key, title: isOnePanel ? server.node : `${server.node} · ${panel}`, accountId: server.accountId, account: null, servers: [] };
      groups.set(key, group);
    }
    group.servers.push(server);
  }
  return [...groups.values()].sort((a, b) => collator.compare(a.title, b.title));
}

/** The sections the dashboard shows: the servers sorted, then grouped as the layout says. */
export function arrangeServers(accounts: readonly AccountView[], servers: readonly ServerView[], layout: DashboardLayout, isFiltered: boolean): ServerGroup[] {
  const sorted = sortServers(servers, layout.sort);
  if (layout.groupBy === 'node') return groupByNode(accounts, sorted);
  if (layout.groupBy === 'none')
    return sorted.length === 0 ? [] : [{ key: 'all', title: t.dashboard.allServers, accountId: '', account: null, servers: sorted }];
  return groupByAccount(accounts, sorted, isFiltered);
}
