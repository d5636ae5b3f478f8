import { describe, expect, it } from 'vitest';
import {
  buildTrayModel,
  powerActions,
  powerBlockedReason,
  sameTrayModel,
  serversInMenuView,
  trayModelFrom,
  type TrayServerFlags,
} from '../../../../src/core/tray/tray-model';
import type { ServerView } from '../../../../src/shared/types';
import { account, server } from './tray-fixtures';

const noFlags: TrayServerFlags = { crashed: new Set(), shouldRun: new Set() };

describe('powerActions', () => {
  it.each([
    ['offline', { start: true, stop: false, restart: true, kill: false }],
    ['starting', { start: false, stop: true, restart: true, kill: false }],
    ['running', { start: false, stop: true, restart: true, kill: false }],
    ['stopping', { start: false, stop: false, restart: false, kill: true }],
    ['unknown', { start: false, stop: false, restart: false, kill: false }],
  ] as const)('%s', (state, expected) => {
    expect(powerActions(server({ state }), true)).toEqual(expected);
  });

  it('offers nothing on a suspended server or an account in trouble', () => {
    const none = { start: false, stop: false, restart: false, kill: false };
    expect(powerActions(server({ state: 'offline', availability: 'suspended' }), true)).toEqual(none);
    expect(powerActions(server({ state: 'offline' }), false)).toEqual(none);
  });
});

describe('buildTrayModel', () => {
  it('groups servers by account with marks and SFTP addresses', () => {
    const model = buildTrayModel({
      accounts: [account(), account({ id: 'a2', name: 'Friends' })],
      servers: [
        server(),
        server({ identifier: 'ffff0000', name: 'Lobby', state: 'offline' }),
        server({ accountId: 'a2', identifier: '11112222', name: 'Modded', state: 'starting' }),
      ],
      flags: noFlags,
      isPaused: false,
    });
    expect(model.status).toBe('ok');
    expect(model.sections.map((s) => [s.title, s.servers.map((i) => i.label)])).toEqual([
      ['Home panel', ['● Survival', '○ Lobby']],
      ['Friends', ['◐ Modded']],
    ]);
    expect(model.sections[0]?.servers[0]?.sftpAddress).toBe('sftp://alex.abcd1234@node1.example.com:2022');
    expect(model.tooltip).toBe('Pterotray: 1 of 3 servers running');
  });

  it.each([
    {
      name: 'a crash is a problem',
      flags: { crashed: new Set(['a1/abcd1234']), shouldRun: new Set<string>() },
      servers: [server({ state: 'offline' })],
      accounts: [account()],
      status: 'problem',
    },
    {
      name: 'an unreachable node is a problem',
      flags: noFlags,
      servers: [server({ availability: 'node-unreachable' })],
      accounts: [account()],
      status: 'problem',
    },
    { name: 'a revoked key is a problem', flags: noFlags, servers: [server()], accounts: [account({ status: 'key-revoked' })], status: 'problem' },
    {
      name: 'offline that should run needs attention',
      flags: { crashed: new Set<string>(), shouldRun: new Set(['a1/abcd1234']) },
      servers: [server({ state: 'offline' })],
      accounts: [account()],
      status: 'attention',
    },
    { name: 'plain offline is fine', flags: noFlags, servers: [server({ state: 'offline' })], accounts: [account()], status: 'ok' },
  ])('$name', ({ flags, servers, accounts, status }) => {
    expect(buildTrayModel({ accounts, servers, flags, isPaused: false }).status).toBe(status);
  });

  it('says in the tooltip when the system blocks notifications, next to the summary', () => {
    const base = { accounts: [account()], servers: [server()], flags: noFlags, isPaused: false };
    expect(buildTrayModel(base).tooltip).not.toContain('blocked');
    expect(buildTrayModel({ ...base, hasNotificationsBlocked: true }).tooltip).toBe(
      'Pterotray: 1 of 1 server running · Notifications are blocked by the system',
    );
  });

  it('shows paused only when nothing is wrong, and says so in the tooltip', () => {
    const quiet = buildTrayModel({ accounts: [account()], servers: [server()], flags: noFlags, isPaused: true });
    expect(quiet.status).toBe('paused');
    expect(quiet.tooltip).toContain('notifications paused');
    const loud = buildTrayModel({ accounts: [account({ status: 'unreachable' })], servers: [server()], flags: noFlags, isPaused: true });
    expect(loud.status).toBe('problem');
    expect(loud.sections[0]?.problem).toBe('Panel unreachable: retrying');
  });

  it('marks crashed and unavailable servers', () => {
    const model = buildTrayModel({
      accounts: [account()],
      servers: [server({ state: 'offline' }), server({ identifier: 'susp0001', name: 'Old', state: 'offline', availability: 'suspended' })],
      flags: { crashed: new Set(['a1/abcd1234']), shouldRun: new Set() },
      isPaused: false,
    });
    expect(model.sections[0]?.servers.map((s) => [s.label, s.stateText])).toEqual([
      ['⚠ Survival', 'crashed'],
      ['⊘ Old', 'suspended by the panel: power actions are unavailable until it is unsuspended'],
    ]);
    expect(model.sections[0]?.servers[1]?.actions).toEqual({ start: false, stop: false, restart: false, kill: false });
  });

  it('shows a state that is not current with its age, and keeps the name apart', () => {
    const seen = new Date(2026, 11, 2, 14, 3).getTime();
    const model = buildTrayModel({
      accounts: [account()],
      servers: [server({ isLive: false, isStateCurrent: false, stateSeenAt: seen }), server({ identifier: 'live0001', name: 'Live' })],
      flags: noFlags,
      isPaused: false,
      formatTime: (ms) => (ms === seen ? '14:03' : 'other'),
    });
    expect(model.sections[0]?.servers.map((s) => [s.name, s.label, s.stateText])).toEqual([
      ['Survival', '● Survival (as of 14:03)', 'running as of 14:03: not watched live now'],
      ['Live', '● Live', 'running'],
    ]);
  });

  it('says why power is unavailable', () => {
    expect(powerBlockedReason(server(), 'ok')).toBeNull();
    expect(powerBlockedReason(server({ availability: 'suspended' }), 'ok')).toMatch(/^Suspended by the panel/);
    expect(powerBlockedReason(server(), 'unreachable')).toBe('The panel cannot be reached: power actions wait until it answers.');
    expect(powerBlockedReason(server({ state: 'unknown' }), 'ok')).toBe('Its state is not known yet.');
  });

  it('compares models by what they draw', () => {
    const input = { accounts: [account()], servers: [server()], flags: noFlags, isPaused: false };
    const a = buildTrayModel(input);
    expect(sameTrayModel(a, buildTrayModel(input))).toBe(true);
    expect(sameTrayModel(a, buildTrayModel({ ...input, servers: [server({ state: 'stopping' })] }))).toBe(false);
    expect(sameTrayModel(null, a)).toBe(false);
  });
});

describe('serversInMenuView', () => {
  it('names the servers seen without scrolling, in the menu’s order across panels', () => {
    const model = buildTrayModel({
      accounts: [account(), account({ id: 'a2', name: 'Friends' })],
      servers: [server({ identifier: 'one' }), server({ identifier: 'two' }), server({ accountId: 'a2', identifier: 'serv_three' })],
      flags: noFlags,
      isPaused: false,
    });
    expect(serversInMenuView(model)).toEqual(['a1/one', 'a1/two', 'a2/serv_three']);
    expect(serversInMenuView(model, 2)).toEqual(['a1/one', 'a1/two']);
    expect(serversInMenuView(null)).toEqual([]);
  });

  it('names only the top level’s servers (attention, then favourites) once the panels are submenus', () => {
    const many = Array.from({ length: 30 }, (_, i) => server({ identifier: `id${String(i).padStart(6, '0')}`, name: `S ${i}` }));
    const model = buildTrayModel({
      accounts: [account()],
      servers: many,
      flags: { crashed: new Set(['a1/id000004']), shouldRun: new Set() },
      isPaused: false,
      favourites: ['a1/id000009', 'a1/id000004', 'a1/gone0000'],
    });
    expect(model.isInline).toBe(false);
    expect(model.favourites.map((i) => i.identifier)).toEqual(['id000009', 'id000004']);
    expect(model.sections[0]?.servers.filter((i) => i.isFavourite).map((i) => i.identifier)).toEqual(['id000004', 'id000009']);
    expect(serversInMenuView(model)).toEqual(['a1/id000004', 'a1/id000009']);
  });
});

describe('trayModelFrom', () => {
  it('builds the whole model from its sources: pause and a blocked system included', () => {
    const sources = {
      accounts: () => [account()],
      monitor: { servers: () => [] as ServerView[], flags: () => ({ crashed: new Set<string>(), shouldRun: new Set<string>() }) },
      notices: { isPaused: () => true },
      notificationsBlocked: () => true,
    };
    const model = trayModelFrom(sources);
    expect(model.status).toBe('paused');
    expect(model.tooltip).toMatch(/notifications paused · Notifications are blocked by the system$/);
    expect(model.sections.map((s) => s.title)).toEqual(['Home panel']);
  });
});
