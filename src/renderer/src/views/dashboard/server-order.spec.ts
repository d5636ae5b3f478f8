import { describe, expect, it } from 'vitest';
import { arrangeServers, groupByNode, nextSort, sortServers, stateRank } from './server-order';
import { makeAccount, makeServer, manyServers } from '../../../test/view-models';
import type { DashboardLayout, ServerView } from '../../../../shared/types';

const withUsage = (cpuPercent: number, memoryBytes: number, diskBytes: number): ServerView['resources'] => ({
  cpuPercent,
  memoryBytes,
  diskBytes,
  networkRxBytes: 0,
  networkTxBytes: 0,
  uptimeMs: 1000,
  at: 0,
});

const names = (list: readonly ServerView[]): string[] => list.map((s) => s.name);

describe('dashboard order (issue 15)', () => {
  const servers = [
    makeServer({ name: 'Survival 10', identifier: 'aaaa0001', state: 'running', node: 'eu-2', resources: withUsage(40, 900, 5) }),
    makeServer({ name: 'survival 2', identifier: 'aaaa0002', state: 'offline', node: 'eu-1', resources: withUsage(0, 100, 50) }),
    makeServer({ name: 'Crashy', identifier: 'aaaa0003', state: 'offline', node: 'eu-1', attention: 'crashed', resources: withUsage(0, 0, 10) }),
    makeServer({ name: 'Far away', identifier: 'aaaa0004', state: 'running', node: 'us-1', availability: 'node-unreachable', resources: null }),
    makeServer({ name: 'Downed', identifier: 'aaaa0005', state: 'offline', node: 'us-1', attention: 'should-run', resources: withUsage(0, 200, 1) }),
    makeServer({ name: 'Booting', identifier: 'aaaa0006', state: 'starting', node: 'eu-2', resources: withUsage(95, 400, 20) }),
    makeServer({ name: 'Held', identifier: 'aaaa0007', state: 'offline', node: 'eu-2', availability: 'suspended', resources: null }),
  ];

  it.each<[DashboardLayout['sort'], string[]]>([
    // Numbers in names sort as numbers, and case does not split the list.
    [{ key: 'name', direction: 'asc' }, ['Booting', 'Crashy', 'Downed', 'Far away', 'Held', 'survival 2', 'Survival 10']],
    [{ key: 'name', direction: 'desc' }, ['Survival 10', 'survival 2', 'Held', 'Far away', 'Downed', 'Crashy', 'Booting']],
    // Problems first: crashed, node unreachable, should be running, held by the panel; then changing, running, offline.
    [{ key: 'state', direction: 'asc' }, ['Crashy', 'Far away', 'Downed', 'Held', 'Booting', 'Survival 10', 'survival 2']],
    [{ key: 'state', direction: 'desc' }, ['survival 2', 'Survival 10', 'Booting', 'Held', 'Downed', 'Far away', 'Crashy']],
    // No sample yet: last in both directions.
    [{ key: 'cpu', direction: 'desc' }, ['Booting', 'Survival 10', 'Crashy', 'Downed', 'survival 2', 'Far away', 'Held']],
    [{ key: 'cpu', direction: 'asc' }, ['Crashy', 'Downed', 'survival 2', 'Survival 10', 'Booting', 'Far away', 'Held']],
    [{ key: 'memory', direction: 'desc' }, ['Survival 10', 'Booting', 'Downed', 'survival 2', 'Crashy', 'Far away', 'Held']],
    [{ key: 'disk', direction: 'desc' }, ['survival 2', 'Booting', 'Crashy', 'Survival 10', 'Downed', 'Far away', 'Held']],
    // Ties by name.
    [{ key: 'node', direction: 'asc' }, ['Crashy', 'survival 2', 'Booting', 'Held', 'Survival 10', 'Downed', 'Far away']],
  ])('sorts by %j', (sort, expected) => {
    expect(names(sortServers(servers, sort))).toEqual(expected);
  });

  it('ranks every state and availability, problems lowest', () => {
    expect(stateRank(makeServer({ attention: 'crashed', availability: 'node-unreachable' }))).toBe(0);
    expect(stateRank(makeServer({ state: 'unknown' }))).toBeGreaterThan(stateRank(makeServer({ state: 'offline' })));
  });

  it('leaves the input alone and keeps one order across pushes of the same servers', () => {
    const before = names(servers);
    const once = sortServers(servers, { key: 'cpu', direction: 'desc' });
    expect(names(servers)).toEqual(before);
    expect(names(sortServers([...servers].reverse(), { key: 'cpu', direction: 'desc' }))).toEqual(names(once));
  });

  it.each<[DashboardLayout['sort'], DashboardLayout['sort']['key'], DashboardLayout['sort']]>([
    [{ key: 'name', direction: 'asc' }, 'name', { key: 'name', direction: 'desc' }],
    [{ key: 'name', direction: 'desc' }, 'name', { key: 'name', direction: 'asc' }],
    [{ key: 'name', direction: 'asc' }, 'cpu', { key: 'cpu', direction: 'desc' }],
    [{ key: 'cpu', direction: 'desc' }, 'state', { key: 'state', direction: 'asc' }],
    [{ key: 'state', direction: 'asc' }, 'memory', { key: 'memory', direction: 'desc' }],
  ])('from %j a click on %s sorts %j', (current, key, expected) => {
    expect(nextSort(current, key)).toEqual(expected);
  });

  it('groups by node, named by the panel only when there are several', () => {
    const accounts = [makeAccount({ id: 'acc1', name: 'Home' }), makeAccount({ id: 'acc2', name: 'Work' })];
    expect(groupByNode(accounts, servers).map((g) => [g.title, names(g.servers)])).toEqual([
      ['eu-1', ['survival 2', 'Crashy']],
      ['eu-2', ['Survival 10', 'Booting', 'Held']],
      ['us-1', ['Far away', 'Downed']],
    ]);
    const twoPanels = [makeServer({ name: 'A', node: 'node1' }), makeServer({ accountId: 'acc2', identifier: 'bbbb0001', name: 'B', node: 'node1' })];
    const groups = groupByNode(accounts, twoPanels);
    expect(groups.map((g) => g.title)).toEqual(['node1 · Home', 'node1 · Work']);
    expect(new Set(groups.map((g) => g.key)).size).toBe(2);
  });

  it('arranges 120 servers of two panels by panel, by node and in one list, sorted inside each', () => {
    const accounts = [makeAccount({ id: 'acc1', name: 'Home' }), makeAccount({ id: 'acc2', name: 'Work' })];
    const all = [...manyServers(60, 'acc1'), ...manyServers(60, 'acc2')].map((s, i) => ({ ...s, node: `node-${i % 3}`, resources: withUsage(i, 0, 0) }));
    const sort = { key: 'cpu', direction: 'desc' } as const;
    const byPanel = arrangeServers(accounts, all, { sort, groupBy: 'panel' }, false);
    expect(byPanel.map((g) => [g.title, g.servers.length])).toEqual([
      ['Home', 60],
      ['Work', 60],
    ]);
    expect(byPanel[0]!.servers[0]!.resources!.cpuPercent).toBe(59);
    const byNode = arrangeServers(accounts, all, { sort, groupBy: 'node' }, false);
    expect(byNode).toHaveLength(6);
    expect(byNode.reduce((n, g) => n + g.servers.length, 0)).toBe(120);
    const one = arrangeServers(accounts, all, { sort, groupBy: 'none' }, false);
    expect(one).toHaveLength(1);
    expect(one[0]!.servers.map((s) => s.resources!.cpuPercent)).toEqual([...Array(120).keys()].reverse());
  });
});
