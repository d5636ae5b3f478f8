import { describe, expect, it } from 'vitest';
import {
  modeBitsFromMode,
  normalizeFileEntry,
  normalizeFileList,
  normalizeResources,
  normalizeServer,
  normalizeServerDetails,
} from '../../../../src/core/api/normalize';
import { expectBadResponse } from './helpers/expect-bad-response';

const REAL_SERVER = {
  object: 'server',
  attributes: {
    server_owner: true,
    identifier: '1a7ce997',
    internal_id: 12,
    uuid: '1a7ce997-259b-452e-8b4e-cecc464142ca',
    name: 'Survival',
    node: 'Node 1',
    is_node_under_maintenance: false,
    sftp_details: { ip: 'node1.example.com', port: 2022 },
    description: '',
    limits: { memory: 2048, swap: 0, disk: 10240, io: 500, cpu: 200, threads: null, oom_disabled: true },
    invocation: 'java -jar server.jar',
    docker_image: 'ghcr.io/pterodactyl/yolks:java_17',
    egg_features: ['eula'],
    feature_limits: { databases: 2, allocations: 3, backups: 5 },
    status: null,
    is_suspended: false,
    is_installing: false,
    is_transferring: false,
    relationships: {
      allocations: {
        object: 'list',
        data: [
          { object: 'allocation', attributes: { id: 1, ip: '10.0.0.5', ip_alias: null, port: 25565, notes: null, is_default: true } },
          { object: 'allocation', attributes: { id: 'broken' } },
        ],
      },
      variables: { object: 'null_resource', attributes: null },
    },
  },
};

const SEED_SERVER = {
  server_owner: true,
  identifier: 'abcd1234',
  name: 'My Minecraft Server',
  node: 'Node 1',
  sftp_details: { ip: '123.45.67.89', port: 2022 },
  limits: { memory: 4096, disk: 10000, cpu: 200 },
  is_suspended: true,
};

describe('normalizeServer', () => {
  it.each([
    ['real, wrapped', REAL_SERVER, { identifier: '1a7ce997', name: 'Survival', isSuspended: false, memoryMib: 2048, allocations: 1 }],
    [
      'seed, wrapped',
      { object: 'server', attributes: SEED_SERVER },
      { identifier: 'abcd1234', name: 'My Minecraft Server', isSuspended: true, memoryMib: 4096, allocations: 0 },
    ],
    ['seed, bare', SEED_SERVER, { identifier: 'abcd1234', name: 'My Minecraft Server', isSuspended: true, memoryMib: 4096, allocations: 0 }],
  ])('reads the %s shape', (_name, raw, want) => {
    const s = normalizeServer(raw);
    expect(s.identifier).toBe(want.identifier);
    expect(s.name).toBe(want.name);
    expect(s.isSuspended).toBe(want.isSuspended);
    expect(s.limits.memoryMib).toBe(want.memoryMib);
    expect(s.allocations).toHaveLength(want.allocations);
  });

  it('fills defaults for the seed shape', () => {
    const s = normalizeServer(SEED_SERVER);
    expect(s).toMatchObject({ uuid: null, status: null, description: null, eggFeatures: [] });
    expect(s.limits).toEqual({ memoryMib: 4096, swapMib: 0, diskMib: 10000, io: null, cpuPercent: 200, threads: null, oomDisabled: null });
    expect(s.sftp).toEqual({ ip: '123.45.67.89', port: 2022, alias: null });
  });

  it.each([
    ['status suspended', { status: 'suspended', is_suspended: false }, true],
    ['is_suspended only', { status: null, is_suspended: true }, true],
    ['neither', { status: 'installing', is_suspended: false }, false],
  ])('suspended = status=="suspended" || is_suspended (%s)', (_n, extra, want) => {
    expect(normalizeServer({ identifier: 'a', name: 'b', ...extra }).isSuspended).toBe(want);
  });

  it('reads Pelican oom_killer as the inverse of oom_disabled and keeps sftp alias', () => {
    const s = normalizeServer({ identifier: 'a', name: 'b', limits: { oom_killer: true }, sftp_details: { ip: 'n', port: 1, alias: 'x' } });
    expect(s.limits.oomDisabled).toBe(false);
    expect(s.sftp?.alias).toBe('x');
  });

  it('derives the identifier from the uuid when it is missing', () => {
    expect(normalizeServer({ uuid: 'deadbeef-0000-0000-0000-000000000000', name: 'x' }).identifier).toBe('deadbeef');
  });

  it('takes any identifier shape the panel uses: 8 hex, Pterodactyl 1.12’s serv_ + base 32, a uuid', () => {
    for (const identifier of ['1a7ce997', 'serv_jbrwwmzlufct3ipg2fjrf2cbaq', '48636b33-2ba1-453d-a1e6-d15312e84104']) {
      expect(normalizeServer({ identifier, name: 'x' }).identifier).toBe(identifier);
    }
  });

  it.each([
    ['identifier could leave the URL path', { identifier: '../admin', name: 'x' }],
    ['identifier has a query', { identifier: 'serv_a?b=1', name: 'x' }],
    ['identifier is too long', { identifier: 'a'.repeat(65), name: 'x' }],
    ['identifier is a number', { identifier: 42, name: 'x' }],
    ['name missing', { identifier: 'abc' }],
    ['attributes is a string', { object: 'server', attributes: 'nope' }],
    ['body is null', null],
    ['body is HTML text', '<html>login</html>'],
  ])('rejects a server whose %s', (_n, raw) => {
    expectBadResponse(() => normalizeServer(raw));
  });

  it('maps the owner to ["*"] and reads user_permissions otherwise', () => {
    expect(normalizeServerDetails({ ...REAL_SERVER, meta: { is_server_owner: true, user_permissions: ['x'] } }).userPermissions).toEqual(['*']);
    const sub = normalizeServerDetails({ ...REAL_SERVER, meta: { is_server_owner: false, user_permissions: ['control.start', 7] } });
    expect(sub).toMatchObject({ isServerOwner: false, userPermissions: ['control.start'] });
  });
});

describe('normalizeResources', () => {
  const want = {
    state: 'running',
    isSuspended: false,
    memoryBytes: 1073741824,
    cpuAbsolute: 12.5,
    diskBytes: 524288000,
    networkRxBytes: 123456,
    networkTxBytes: 65432,
    uptimeMs: 3600000,
  };
  const flat = { memory_bytes: 1073741824, cpu_absolute: 12.5, disk_bytes: 524288000, network_rx_bytes: 123456, network_tx_bytes: 65432, uptime: 3600000 };
  const ws = {
    memory_bytes: 1073741824,
    memory_limit_bytes: 9,
    cpu_absolute: 12.5,
    network: { rx_bytes: 123456, tx_bytes: 65432 },
    uptime: 3600000,
    state: 'running',
    disk_bytes: 524288000,
  };

  it.each([
    ['REST real (current_state)', { object: 'stats', attributes: { current_state: 'running', is_suspended: false, resources: flat } }],
    ['REST seed (state)', { object: 'stats', attributes: { state: 'running', resources: flat } }],
    ['websocket object', ws],
    ['websocket JSON string', JSON.stringify(ws)],
  ])('reads the %s shape', (_n, raw) => {
    expect(normalizeResources(raw)).toEqual(want);
  });

  it('defaults missing numbers to 0 (the seed guide has no uptime)', () => {
    const r = normalizeResources({ attributes: { state: 'offline', resources: { memory_bytes: 5 } } });
    expect(r).toMatchObject({ memoryBytes: 5, uptimeMs: 0, networkRxBytes: 0, cpuAbsolute: 0 });
  });

  it.each([
    ['stopped', 'offline'],
    ['STARTING', 'starting'],
    [undefined, 'offline'],
    ['weird', 'offline'],
  ])('maps state %s to %s', (state, expected) => {
    expect(normalizeResources({ attributes: { current_state: state, resources: {} } }).state).toBe(expected);
  });

  it.each([
    ['state is a number', { state: 3 }],
    ['resources is a list', { attributes: { state: 'running', resources: [] } }],
    ['websocket string is not JSON', 'running'],
  ])('rejects stats whose %s', (_n, raw) => {
    expectBadResponse(() => normalizeResources(raw));
  });
});

describe('files', () => {
  const real = {
    object: 'file_object',
    attributes: {
      name: 'server.properties',
      mode: '-rw-r--r--',
      mode_bits: '644',
      size: 1342,
      is_file: true,
      is_symlink: false,
      mimetype: 'text/plain; charset=utf-8',
      created_at: '2024-05-01T10:00:00+00:00',
      modified_at: '2024-05-02T09:30:00+00:00',
    },
  };

  it('reads the real file_object', () => {
    expect(normalizeFileEntry(real)).toEqual({
      name: 'server.properties',
      mode: '-rw-r--r--',
      modeBits: '644',
      sizeBytes: 1342,
      isFile: true,
      isSymlink: false,
      mimetype: 'text/plain; charset=utf-8',
      createdAt: '2024-05-01T10:00:00+00:00',
      modifiedAt: '2024-05-02T09:30:00+00:00',
    });
  });

  it('reads the seed shape: mime instead of mimetype, mode bits derived', () => {
    const list = normalizeFileList({
      object: 'list',
      data: [
        { name: 'server.jar', mode: 'rw-r--r--', size: 2048, is_file: true, is_symlink: false, mime: 'application/java-archive' },
        { name: 'logs', mode: 'rwxr-xr-x', size: 4096, is_file: false, is_symlink: false, mime: 'inode/directory' },
      ],
    });
    expect(list.map((f) => [f.name, f.modeBits, f.mimetype, f.isFile, f.createdAt])).toEqual([
      ['server.jar', '644', 'application/java-archive', true, null],
      ['logs', '755', 'inode/directory', false, null],
    ]);
  });

  it.each([
    ['-rw-r--r--', '644'],
    ['drwxr-xr-x', '755'],
    ['rwxrwxrwx', '777'],
    ['-rwsr-x--T', '750'],
    ['Lrwxrwxrwx', '777'],
    ['0755', '755'],
    ['644', '644'],
    ['', ''],
    ['garbage', ''],
  ])('modeBitsFromMode(%j) is %j', (mode, bits) => {
    expect(modeBitsFromMode(mode)).toBe(bits);
  });

  it.each([
    ['44', '-rw-r--r--', '044'],
    ['0', '----------', '000'],
    ['0644', '-rw-r--r--', '644'],
    ['755', 'drwxr-xr-x', '755'],
    ['rw-r--r--', '-rw-r--r--', '644'],
    ['9z', '-rwx------', '700'],
  ])('reads mode_bits %j (mode %j) as %j: three octal digits, else from the mode', (modeBits, mode, want) => {
    const [entry] = normalizeFileList({ data: [{ object: 'file_object', attributes: { name: 'f', mode, mode_bits: modeBits, size: 1, is_file: true } }] });
    expect(entry?.modeBits).toBe(want);
  });

  it('drops entries a hostile panel names to escape the directory', () => {
    const list = normalizeFileList({ data: [{ name: '..' }, { name: 'a/b' }, { name: 'ok.txt', is_file: true }, { name: 'x\0y' }] });
    expect(list.map((f) => f.name)).toEqual(['ok.txt']);
  });

  it.each([
    ['data is not an array', { object: 'list', data: {} }],
    ['data is missing', { object: 'list' }],
    ['a name is a number', { data: [{ name: 5 }] }],
    ['the body is a string', 'oops'],
  ])('rejects a listing whose %s', (_n, raw) => {
    expectBadResponse(() => normalizeFileList(raw));
  });
});
