import { describe, expect, it } from 'vitest';
import { cpuUsage, filterServers, groupByAccount, memoryUsage, stateBucket } from './server-list';
import { makeAccount, makeServer } from '../../../test/view-models';
import type { ServerView } from '../../../../shared/types';

const resources = (cpuPercent: number, memoryBytes: number): ServerView['resources'] => ({
  cpuPercent,
  memoryBytes,
  diskBytes: 0,
  networkRxBytes: 0,
  networkTxBytes: 0,
  uptimeMs: 1000,
  at: 0,
});

describe('server list', () => {
  const servers = [
    makeServer({ name: 'Survival', identifier: 'aaaa1111', address: '10.0.0.1:25565', state: 'running' }),
    makeServer({ name: 'Creative', identifier: 'bbbb2222', address: '10.0.0.2:25566', state: 'offline' }),
    makeServer({ name: 'Modded', identifier: 'cccc3333', address: null, state: 'starting' }),
    makeServer({ name: 'Old', identifier: 'dddd4444', address: '10.0.0.4:1', state: 'offline', availability: 'suspended' }),
  ];
  const names = (list: ServerView[]): string[] => list.map((s) => s.name);

  it.each([
    ['surv', 'all', ['Survival']],
    ['BBBB', 'all', ['Creative']],
    [':25566', 'all', ['Creative']],
    ['  ', 'all', ['Survival', 'Creative', 'Modded', 'Old']],
    ['', 'running', ['Survival']],
    ['', 'offline', ['Creative']],
    ['', 'other', ['Modded', 'Old']],
    ['10.0.0', 'offline', ['Creative']],
    ['nothing', 'all', []],
  ] as const)('query %j with filter %s keeps %j', (query, filter, expected) => {
    expect(names(filterServers(servers, query, filter))).toEqual(expected);
  });

  it('counts an unavailable server as "other" whatever its state', () => {
    expect(stateBucket(makeServer({ state: 'running', availability: 'node-unreachable' }))).toBe('other');
  });

  it('groups by account in the accounts’ order and keeps empty groups only when unfiltered', () => {
    const accounts = [makeAccount({ id: 'b', name: 'B' }), makeAccount({ id: 'a', name: 'A' }), makeAccount({ id: 'c', name: 'C' })];
    const list = [makeServer({ accountId: 'a', name: 'a1' }), makeServer({ accountId: 'b', name: 'b1' }), makeServer({ accountId: 'x', name: 'x1' })];
    expect(groupByAccount(accounts, list, false).map((g) => [g.accountId, g.servers.length])).toEqual([
      ['b', 1],
      ['a', 1],
      ['c', 0],
      ['x', 1],
    ]);
    expect(groupByAccount(accounts, list, true).map((g) => g.accountId)).toEqual(['b', 'a', 'x']);
  });

  it('measures CPU and memory against their limits, red at 90 %', () => {
    const server = makeServer({ resources: resources(180, 900 * 1024 * 1024), limits: { cpuPercent: 200, memoryMib: 1000, diskMib: 0 } });
    expect(cpuUsage(server)).toEqual({ text: '180% / 200%', fraction: 0.9, isHigh: true });
    expect(memoryUsage(server)).toMatchObject({ fraction: 0.9, isHigh: true });
    const low = makeServer({ resources: resources(50, 100 * 1024 * 1024), limits: { cpuPercent: 200, memoryMib: 1000, diskMib: 0 } });
    expect(cpuUsage(low).isHigh).toBe(false);
  });

  it('shows Unlimited for a limit of 0 and a dash without a sample', () => {
    const server = makeServer({ resources: resources(350, 2 * 1024 ** 3), limits: { cpuPercent: 0, memoryMib: 0, diskMib: 0 } });
    expect(cpuUsage(server)).toEqual({ text: '350% / Unlimited', fraction: null, isHigh: false });
    expect(memoryUsage(server).text).toBe('2.0 GiB / Unlimited');
    expect(cpuUsage(makeServer({ resources: null })).text).toBe('—');
  });
});
