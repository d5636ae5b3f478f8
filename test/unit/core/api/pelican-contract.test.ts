/**
 * The client's normalisers against Pelican's own frozen client API answers
 * (test/fixtures/pelican-contract, copied from pelican-dev/panel tests/Integration/Api/Fixtures;
 * see its README). Each test feeds a snapshot, unchanged or with one field changed the way an
 * older or differently configured panel sends it, and checks what the app will show.
 */
import { describe, expect, it } from 'vitest';
import {
  normalizeAccount,
  normalizeActivity,
  normalizeAllocation,
  normalizeBackup,
  normalizeDatabase,
  normalizeFileList,
  normalizeResources,
  normalizeSchedule,
  normalizeServer,
  normalizeServerDetails,
  normalizeStartup,
  normalizeSubuser,
  normalizeSystemPermissions,
  parseList,
  parsePage,
  unwrapItem,
} from '../../../../src/core/api/normalize';
import { pelicanFixture } from '../../../fixtures/pelican-contract/load';

type Json = Record<string, unknown>;

/** A deep copy of a fixture, to change one field without touching the others. */
function copy(name: string): Json {
  return structuredClone(pelicanFixture(name)) as Json;
}

function attributesOf(body: Json): Json {
  return body.attributes as Json;
}

describe('Pelican’s frozen server answers', () => {
  it('the server list: identifier, owner, sftp alias, oom_killer, null egg features, allocations, pagination', () => {
    const page = parsePage(pelicanFixture('ClientFixtureTest__test_index'), 'server', 1, normalizeServer);
    expect(page.pagination).toEqual({ total: 1, count: 1, perPage: 50, currentPage: 1, totalPages: 1 });
    expect(page.items).toHaveLength(1);
    const server = page.items[0];
    expect(server).toMatchObject({
      identifier: 'fixture',
      uuid: '00000000-0000-4000-8000-000000000400',
      internalId: 100,
      name: 'Fixture Server',
      node: 'fixture-node',
      description: 'A pinned server for the API test fixture suite.',
      isOwner: true,
      status: null,
      isSuspended: false,
      isInstalling: false,
      isTransferring: false,
      invocation: 'java -jar custom.jar',
      dockerImage: 'ghcr.io/fixture/java:21',
      eggFeatures: [],
      featureLimits: { databases: null, allocations: null, backups: 0 },
    });
    expect(server?.sftp).toEqual({ ip: 'node.fixture.test', port: 2022, alias: null });
    expect(server?.limits).toEqual({ memoryMib: 512, swapMib: 0, diskMib: 512, io: 500, cpuPercent: 0, threads: null, oomDisabled: true });
    expect(server?.allocations.map((a) => [a.port, a.isDefault, a.notes])).toEqual([
      [25565, true, null],
      [25566, false, 'Secondary allocation'],
    ]);
  });

  it('a second page of the list keeps its pagination', () => {
    const page = parsePage(pelicanFixture('ClientFixtureTest__test_index_paginated'), 'server', 1, normalizeServer);
    const raw = (pelicanFixture('ClientFixtureTest__test_index_paginated') as { meta: { pagination: Json } }).meta.pagination;
    expect(page.pagination).toMatchObject({ total: raw.total, perPage: raw.per_page, totalPages: raw.total_pages });
    expect(page.items.map((s) => s.identifier)).toEqual(['fixture']);
  });

  it('a server’s details for its owner and for a subuser', () => {
    const owner = normalizeServerDetails(pelicanFixture('ServerFixtureTest__test_view'));
    expect(owner).toMatchObject({ identifier: 'fixture', isServerOwner: true, userPermissions: ['*'] });
    const sub = normalizeServerDetails(pelicanFixture('ServerFixtureTest__test_view_as_subuser'));
    expect(sub).toMatchObject({ isServerOwner: false, userPermissions: ['control.console', 'control.start', 'websocket.connect'] });
    const all = normalizeServerDetails(pelicanFixture('ServerFixtureTest__test_view_with_all_includes'));
    expect(all.allocations).toHaveLength(2);
  });

  it('a panel with editable descriptions off sends no description: null, not a failure', () => {
    const server = normalizeServer(pelicanFixture('ServerFixtureTest__test_view_without_editable_descriptions'));
    expect(server.description).toBeNull();
    expect(server.name).toBe('Fixture Server');
  });

  it('a server without allocations, or with a null_resource for them, has none', () => {
    const none = copy('ServerFixtureTest__test_view');
    delete (attributesOf(none).relationships as Json).allocations;
    expect(normalizeServer(none).allocations).toEqual([]);
    const nullResource = copy('ServerFixtureTest__test_view');
    (attributesOf(nullResource).relationships as Json).allocations = { object: 'null_resource', attributes: null };
    expect(normalizeServer(nullResource).allocations).toEqual([]);
    const noRelationships = copy('ServerFixtureTest__test_view');
    delete attributesOf(noRelationships).relationships;
    expect(normalizeServer(noRelationships)).toMatchObject({ identifier: 'fixture', allocations: [] });
  });

  it('oom_killer alone (oom_disabled dropped, as its deprecation note plans) reads as its inverse', () => {
    for (const killer of [true, false]) {
      const body = copy('ServerFixtureTest__test_view');
      const limits = attributesOf(body).limits as Json;
      delete limits.oom_disabled;
      limits.oom_killer = killer;
      expect(normalizeServer(body).limits.oomDisabled).toBe(!killer);
    }
  });

  it('an sftp alias is kept', () => {
    const body = copy('ServerFixtureTest__test_view');
    (attributesOf(body).sftp_details as Json).alias = 'sftp.example.test';
    expect(normalizeServer(body).sftp).toEqual({ ip: 'node.fixture.test', port: 2022, alias: 'sftp.example.test' });
  });

  it('resources', () => {
    expect(normalizeResources(pelicanFixture('ResourceUtilizationFixtureTest__test_resources'))).toEqual({
      state: 'running',
      isSuspended: false,
      memoryBytes: 536870912,
      cpuAbsolute: 12,
      diskBytes: 1073741824,
      networkRxBytes: 1024,
      networkTxBytes: 2048,
      uptimeMs: 60000,
    });
  });
});

describe('Pelican’s frozen account answers', () => {
  it('the account: a user with a uuid, no id and no names', () => {
    expect(normalizeAccount(pelicanFixture('AccountFixtureTest__test_view'))).toEqual({
      id: null,
      uuid: '00000000-0000-4000-8000-000000000101',
      username: 'fixture.owner',
      email: 'owner@fixture.test',
      isAdmin: false,
      firstName: null,
      lastName: null,
      language: 'en',
    });
  });

  it('root_admin decides, whatever the deprecated admin says', () => {
    const body = copy('AccountFixtureTest__test_view');
    attributesOf(body).root_admin = true;
    expect(normalizeAccount(body).isAdmin).toBe(true);
  });

  it('the permission list is flat, with Pelican’s spellings', () => {
    const permissions = normalizeSystemPermissions(pelicanFixture('ClientFixtureTest__test_permissions'));
    expect(permissions).toHaveLength(44);
    expect(permissions).toEqual(
      expect.arrayContaining(['websocket.connect', 'database.view-password', 'mount.read', 'settings.description', 'settings.change-icon']),
    );
  });

  it('Pterodactyl’s nested permissions read as the same group.key strings', () => {
    const nested = {
      object: 'system_permissions',
      attributes: {
        permissions: {
          websocket: { description: 'ws', keys: { connect: 'Connect.' } },
          database: { description: 'db', keys: { read: 'r', view_password: 'v' } },
        },
      },
    };
    expect(normalizeSystemPermissions(nested)).toEqual(['websocket.connect', 'database.read', 'database.view_password']);
  });

  it('account and server activity, with and without the actor', () => {
    for (const [name, event] of [
      ['AccountFixtureTest__test_activity', 'user:account.email-changed'],
      ['ActivityLogFixtureTest__test_index', 'server:power.start'],
    ] as const) {
      const page = parsePage(pelicanFixture(name), 'activity', 1, normalizeActivity);
      expect(page.pagination).toMatchObject({ total: 1, perPage: 25 });
      // `properties: []` is PHP's empty map; it reads as no properties.
      expect(page.items).toEqual([
        {
          id: expect.stringMatching(/^[0-9a-f]{40}$/),
          event,
          isApi: false,
          ip: '192.0.2.1',
          description: null,
          properties: {},
          timestamp: '2026-01-01T00:00:00+00:00',
          actorUsername: null,
        },
      ]);
      const withActor = parsePage(pelicanFixture(`${name}_with_actor`), 'activity', 1, normalizeActivity);
      expect(withActor.items[0]).toMatchObject({ event, actorUsername: 'fixture.owner' });
    }
  });
});

describe('Pelican’s frozen answers for a server’s other pages', () => {
  it('files: names, octal bits, sizes, kinds, mimetypes, times', () => {
    expect(normalizeFileList(pelicanFixture('FileFixtureTest__test_directory_listing'))).toEqual([
      {
        name: 'server.jar',
        mode: '-rw-r--r--',
        modeBits: '644',
        sizeBytes: 1024,
        isFile: true,
        isSymlink: false,
        mimetype: 'application/jar',
        createdAt: '2026-01-01T00:00:00+00:00',
        modifiedAt: '2026-01-01T00:00:00+00:00',
      },
      {
        name: 'plugins',
        mode: 'drwxr-xr-x',
        modeBits: '755',
        sizeBytes: 4096,
        isFile: false,
        isSymlink: false,
        mimetype: 'inode/directory',
        createdAt: '2026-01-01T00:00:00+00:00',
        modifiedAt: '2026-01-01T00:00:00+00:00',
      },
    ]);
  });

  it.each([
    ['44', '044'],
    ['0644', '644'],
    ['0', '000'],
    ['rw-r--r--', '644'],
    ['', '644'],
    ['9999', '644'],
  ])('mode_bits %j reads as %s (three octal digits, else from mode)', (bits, expected) => {
    const body = copy('FileFixtureTest__test_directory_listing');
    attributesOf((body.data as Json[])[0] as Json).mode_bits = bits;
    expect(normalizeFileList(body)[0]?.modeBits).toBe(expected);
  });

  it('backups: is_scheduled, a null checksum, the list’s pagination', () => {
    const page = parsePage(pelicanFixture('BackupFixtureTest__test_index'), 'backup', 1, normalizeBackup);
    expect(page.pagination).toMatchObject({ total: 1, perPage: 20 });
    const expected = {
      uuid: '00000000-0000-4000-8000-000000000600',
      name: 'Fixture Backup',
      isSuccessful: true,
      isLocked: false,
      isScheduled: false,
      ignoredFiles: [],
      checksum: null,
      bytes: 1024,
      createdAt: '2026-01-01T00:00:00+00:00',
      completedAt: '2026-01-01T00:00:00+00:00',
    };
    expect(page.items).toEqual([expected]);
    expect(normalizeBackup(unwrapItem(pelicanFixture('BackupFixtureTest__test_view'), 'backup'))).toEqual(expected);
    const scheduled = copy('BackupFixtureTest__test_view');
    attributesOf(scheduled).is_scheduled = true;
    expect(normalizeBackup(attributesOf(scheduled)).isScheduled).toBe(true);
  });

  it('an old panel’s backup: sha256_hash and no is_successful', () => {
    const old = attributesOf(copy('BackupFixtureTest__test_view'));
    delete old.is_successful;
    delete old.is_scheduled;
    delete old.checksum;
    old.sha256_hash = 'ab'.repeat(32);
    expect(normalizeBackup(old)).toMatchObject({ isSuccessful: true, isScheduled: null, checksum: `sha256:${'ab'.repeat(32)}` });
    old.completed_at = null;
    expect(normalizeBackup(old).isSuccessful).toBe(false);
  });

  it('databases: an integer id, the host, the password only when included', () => {
    const [plain] = parseList(pelicanFixture('DatabaseFixtureTest__test_index'), 'database', normalizeDatabase);
    expect(plain).toEqual({
      id: '100',
      name: 's100_fixture',
      username: 'u100_fixture',
      host: { address: '192.0.2.20', port: 3306 },
      connectionsFrom: '%',
      maxConnections: 0,
      password: null,
    });
    const [withPassword] = parseList(pelicanFixture('DatabaseFixtureTest__test_index_with_password'), 'database', normalizeDatabase);
    expect(withPassword?.password).toBe('fixture-database-password');
  });

  it('allocations', () => {
    expect(parseList(pelicanFixture('NetworkAllocationFixtureTest__test_index'), 'allocation', normalizeAllocation)).toEqual([
      { id: 100, ip: '192.0.2.10', ipAlias: null, port: 25565, notes: null, isDefault: true },
      { id: 101, ip: '192.0.2.10', ipAlias: null, port: 25566, notes: 'Secondary allocation', isDefault: false },
    ]);
  });

  it('schedules with their tasks, listed and viewed', () => {
    const expected = {
      id: 100,
      name: 'Fixture Schedule',
      cron: { minute: '0', hour: '0', dayOfMonth: '*', month: '*', dayOfWeek: '*' },
      isActive: true,
      isProcessing: false,
      onlyWhenOnline: false,
      lastRunAt: null,
      nextRunAt: '2026-01-02T00:00:00+00:00',
      tasks: [{ id: 100, sequenceId: 1, action: 'command', payload: 'say restarting soon', timeOffsetS: 0, isQueued: false, continueOnFailure: false }],
    };
    expect(parseList(pelicanFixture('ScheduleFixtureTest__test_index'), 'schedule', normalizeSchedule)).toEqual([expected]);
    for (const view of ['ScheduleFixtureTest__test_view', 'ScheduleFixtureTest__test_view_with_tasks']) {
      expect(normalizeSchedule(unwrapItem(pelicanFixture(view), 'schedule'))).toEqual(expected);
    }
  });

  it('subusers: Pelican’s full user plus permissions', () => {
    const expected = {
      uuid: '00000000-0000-4000-8000-000000000102',
      username: 'fixture.subuser',
      email: 'subuser@fixture.test',
      twoFactorEnabled: false,
      permissions: ['control.console', 'control.start', 'websocket.connect'],
      createdAt: '2026-01-01T00:00:00+00:00',
    };
    expect(parseList(pelicanFixture('SubuserFixtureTest__test_index'), 'subuser', normalizeSubuser)).toEqual([expected]);
    expect(normalizeSubuser(unwrapItem(pelicanFixture('SubuserFixtureTest__test_view'), 'subuser'))).toEqual(expected);
  });

  it('startup: variables, the command with and without values, the image map', () => {
    expect(normalizeStartup(pelicanFixture('StartupFixtureTest__test_index'))).toEqual({
      variables: [
        {
          name: 'Server Jar',
          description: 'The jar file to run.',
          envVariable: 'SERVER_JARFILE',
          defaultValue: 'server.jar',
          serverValue: 'custom.jar',
          isEditable: true,
          rules: 'required|string',
        },
      ],
      startupCommand: 'java -jar custom.jar',
      rawStartupCommand: 'java -jar {{SERVER_JARFILE}}',
      dockerImages: { 'Java 21': 'ghcr.io/fixture/java:21' },
    });
  });
});
