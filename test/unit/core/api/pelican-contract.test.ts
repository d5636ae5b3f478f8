/**
 * The client against the shapes Pelican freezes for its client API: pelican-dev/panel
 * tests/Integration/Api/ContractFreeze/Client/**\/__snapshots__/*.json (PR #2520; read at commit
 * 89e73dc6). The fixtures below keep those snapshots' keys, nesting and types exactly, with our own
 * values: a server whose identifier is not 8 hex characters ("contract" there), `egg_features`
 * null, `oom_killer` beside `oom_disabled`, `sftp_details.alias`; an account that is a `user` with
 * no id and no names; a backup with `is_scheduled`; `stats` as the panel gives them.
 */
import { describe, expect, it } from 'vitest';
import { normalizeAccount, normalizeBackup, normalizeResources, normalizeServer, parsePage } from '../../../../src/core/api/normalize';

const SERVER_LIST = {
  object: 'list',
  data: [
    {
      object: 'server',
      attributes: {
        server_owner: true,
        identifier: 'lobbyone',
        internal_id: 7,
        uuid: '5f0c2a9e-1b7d-4c3e-9a21-7d4e0b6c8f13',
        name: 'Lobby',
        node: 'eu-1',
        is_node_under_maintenance: false,
        sftp_details: { ip: 'eu-1.example.test', alias: null, port: 2022 },
        description: 'The lobby.',
        limits: { memory: 2048, swap: 0, disk: 4096, io: 500, cpu: 200, threads: null, oom_disabled: true, oom_killer: false },
        invocation: 'java -jar lobby.jar',
        docker_image: 'ghcr.io/example/java:21',
        egg_features: null,
        feature_limits: { databases: null, allocations: null, backups: 0 },
        status: null,
        is_suspended: false,
        is_installing: false,
        is_transferring: false,
        relationships: {
          allocations: {
            object: 'list',
            data: [
              { object: 'allocation', attributes: { id: 70, ip: '198.51.100.4', ip_alias: null, port: 25565, notes: null, is_default: true } },
              { object: 'allocation', attributes: { id: 71, ip: '198.51.100.4', ip_alias: null, port: 25566, notes: 'Query', is_default: false } },
            ],
          },
          variables: {
            object: 'list',
            data: [
              { object: 'egg_variable', attributes: { name: 'Server Jar', description: 'The jar to run.', env_variable: 'SERVER_JARFILE', default_value: 'server.jar', server_value: 'lobby.jar', is_editable: true, rules: 'required|string' } },
            ],
          },
        },
      },
    },
  ],
  meta: { pagination: { total: 1, count: 1, per_page: 50, current_page: 1, total_pages: 1, links: {} } },
};

describe('Pelican’s frozen client API shapes', () => {
  it('the server list: any identifier, null egg features, oom_killer, the sftp alias, allocations', () => {
    const page = parsePage(SERVER_LIST, 'server list', 1, normalizeServer);
    expect(page.pagination).toMatchObject({ total: 1, totalPages: 1 });
    const [server] = page.items;
    expect(server).toMatchObject({ identifier: 'lobbyone', name: 'Lobby', node: 'eu-1', isSuspended: false });
    expect(server?.limits).toMatchObject({ memoryMib: 2048, oomDisabled: true });
    expect(server?.sftp).toEqual({ ip: 'eu-1.example.test', port: 2022, alias: null });
    expect(server?.allocations.map((a) => a.port)).toEqual([25565, 25566]);
  });

  it('the account: a user with a uuid, no id and no names', () => {
    const account = normalizeAccount({
      object: 'user',
      attributes: { uuid: '0d3e9f1a-2b4c-4d5e-8f60-718293a4b5c6', username: 'sam', email: 'sam@example.test', language: 'en', image: 'https://gravatar.com/avatar/0', admin: false, root_admin: false, '2fa_enabled': false, created_at: '2026-03-01T00:00:00+00:00', updated_at: '2026-03-01T00:00:00+00:00' },
    });
    expect(account).toMatchObject({ id: null, uuid: '0d3e9f1a-2b4c-4d5e-8f60-718293a4b5c6', username: 'sam', isAdmin: false, firstName: null, lastName: null, language: 'en' });
  });

  it('a backup with is_scheduled, and a null checksum', () => {
    const backup = normalizeBackup({ uuid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', is_successful: true, is_locked: false, is_scheduled: true, name: 'Nightly', ignored_files: [], checksum: null, bytes: 4096, created_at: '2026-03-01T02:00:00+00:00', completed_at: '2026-03-01T02:01:00+00:00' });
    expect(backup).toMatchObject({ isSuccessful: true, isLocked: false, isScheduled: true, checksum: null, bytes: 4096 });
  });

  it('stats', () => {
    const stats = normalizeResources({ object: 'stats', attributes: { current_state: 'starting', is_suspended: false, resources: { memory_bytes: 1048576, cpu_absolute: 3.5, disk_bytes: 2097152, network_rx_bytes: 10, network_tx_bytes: 20, uptime: 1500 } } });
    expect(stats).toMatchObject({ state: 'starting', isSuspended: false, memoryBytes: 1048576, cpuAbsolute: 3.5, uptimeMs: 1500 });
  });
});
