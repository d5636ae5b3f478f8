/**
 * PanelClient's paginated and typed reads, answered through an axios adapter.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PanelClient, type PanelClientOptions } from '../../../../src/core/api/client';
import { fakeAdapter, type AdapterAnswer, type AdapterCall } from './helpers/fake-adapter';

const clients: PanelClient[] = [];

function clientWith(answer: (call: AdapterCall) => AdapterAnswer, options: PanelClientOptions = {}): { c: PanelClient; calls: AdapterCall[] } {
  const { adapter, calls } = fakeAdapter(answer);
  const c = new PanelClient({ url: 'https://panel.example.com', apiKey: 'ptlc_testtesttest' }, { adapter, ...options });
  clients.push(c);
  return { c, calls };
}

afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

function serverPage(ids: string[], current: number, totalPages: number): unknown {
  return {
    object: 'list',
    data: ids.map((id) => ({ object: 'server', attributes: { identifier: id, uuid: `${id}-uuid`, name: `Server ${id}` } })),
    meta: { pagination: { total: 99, count: ids.length, per_page: 100, current_page: current, total_pages: totalPages, links: {} } },
  };
}

describe('listServers pagination', () => {
  it('walks 3 pages in order with per_page 100', async () => {
    const pages: Record<number, string[]> = { 1: ['a', 'b'], 2: ['c', 'd'], 3: ['e'] };
    const { c, calls } = clientWith(({ params }) => ({ body: serverPage(pages[Number(params.page)] ?? [], Number(params.page), 3) }));
    const servers = await c.listServers({ type: 'owner' });
    expect(servers.map((s) => s.identifier)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(calls.map((x) => [x.path, x.params.page, x.params.per_page, x.params.type])).toEqual([
      ['/', 1, 100, 'owner'],
      ['/', 2, 100, 'owner'],
      ['/', 3, 100, 'owner'],
    ]);
  });

  it('stops when a lying panel ignores page and repeats page 1', async () => {
    const { c, calls } = clientWith(() => ({ body: serverPage(['a', 'b'], 1, 50) }));
    expect((await c.listServers()).map((s) => s.identifier)).toEqual(['a', 'b']);
    expect(calls).toHaveLength(2);
  });

  it('stops when a lying panel repeats the same entries under new page numbers', async () => {
    const { c, calls } = clientWith(({ params }) => ({ body: serverPage(['a'], Number(params.page), 1e9) }));
    expect(await c.listServers()).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('stops at an empty page even if total_pages says more', async () => {
    const { c, calls } = clientWith(({ params }) => ({ body: serverPage(params.page === 1 ? ['a'] : [], Number(params.page), 10) }));
    expect(await c.listServers()).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('stops at the page cap when a panel invents new entries forever', async () => {
    const { c, calls } = clientWith(({ params }) => ({ body: serverPage([`s${String(params.page)}`], Number(params.page), 1e9) }), { maxPages: 5 });
    expect(await c.listServers()).toHaveLength(5);
    expect(calls).toHaveLength(5);
  });

  it('reads a seed-style list without meta as a single page', async () => {
    const { c, calls } = clientWith(() => ({ body: { object: 'list', data: [{ identifier: 'abcd1234', name: 'x', is_suspended: true }] } }));
    const servers = await c.listServers();
    expect(servers).toMatchObject([{ identifier: 'abcd1234', isSuspended: true }]);
    expect(calls).toHaveLength(1);
  });

  it('rejects a page whose data is not a list', async () => {
    const { c } = clientWith(() => ({ body: { object: 'list', data: 'nope' } }));
    await expect(c.listServers()).rejects.toMatchObject({ kind: 'bad-response' });
  });
});

describe('typed reads', () => {
  const bodies: Record<string, unknown> = {
    '/servers/s1/backups': {
      object: 'list',
      data: [
        {
          object: 'backup',
          attributes: {
            uuid: 'b1',
            name: 'nightly',
            is_successful: true,
            is_locked: false,
            ignored_files: [],
            checksum: 'sha1:x',
            bytes: 10,
            created_at: 't',
            completed_at: null,
          },
        },
      ],
      meta: { pagination: { total: 1, count: 1, per_page: 50, current_page: 1, total_pages: 1 }, backup_count: 1 },
    },
    '/servers/s1/databases': {
      object: 'list',
      data: [
        {
          object: 'server_database',
          attributes: {
            id: 'h4sh',
            host: { address: '10.0.0.1', port: 3306 },
            name: 's1_db',
            username: 'u',
            connections_from: '%',
            max_connections: 0,
            relationships: { password: { object: 'database_password', attributes: { password: 'pw' } } },
          },
        },
        {
          object: 'server_database',
          attributes: {
            id: 7,
            host: { address: 'h', port: 3306 },
            name: 'pelican',
            relationships: { password: { object: 'null_resource', attributes: null } },
          },
        },
      ],
    },
    '/servers/s1/schedules': {
      object: 'list',
      data: [
        {
          object: 'server_schedule',
          attributes: {
            id: 1,
            name: 'restart',
            cron: { day_of_week: '*', day_of_month: '*', month: '*', hour: '4', minute: '0' },
            is_active: true,
            is_processing: false,
            only_when_online: true,
            last_run_at: null,
            next_run_at: 'n',
            relationships: {
              tasks: {
                object: 'list',
                data: [
                  {
                    object: 'schedule_task',
                    attributes: { id: 3, sequence_id: 1, action: 'power', payload: 'restart', time_offset: 0, is_queued: false, continue_on_failure: false },
                  },
                ],
              },
            },
          },
        },
      ],
    },
    '/servers/s1/network/allocations': {
      object: 'list',
      data: [{ object: 'allocation', attributes: { id: 1, ip: '10.0.0.5', ip_alias: 'mc.example.com', port: 25565, notes: null, is_default: true } }],
    },
    '/servers/s1/users': {
      object: 'list',
      data: [
        {
          object: 'server_subuser',
          attributes: { uuid: 'u1', username: 'bob', email: 'b@x', image: 'i', '2fa_enabled': true, created_at: 't', permissions: ['control.console'] },
        },
      ],
    },
    '/servers/s1/startup': {
      object: 'list',
      data: [
        {
          object: 'egg_variable',
          attributes: {
            name: 'Jar',
            description: 'd',
            env_variable: 'SERVER_JARFILE',
            default_value: 'server.jar',
            server_value: null,
            is_editable: true,
            rules: 'required|string',
          },
        },
      ],
      meta: {
        startup_command: 'java -jar server.jar',
        raw_startup_command: 'java -jar {{SERVER_JARFILE}}',
        docker_images: { 'Java 17': 'ghcr.io/java:17', ['__proto__']: { polluted: 'yes' } },
      },
    },
    '/servers/s1/activity': {
      object: 'list',
      data: [
        {
          object: 'activity_log',
          attributes: {
            id: 'a1',
            batch: null,
            event: 'server:power.start',
            is_api: true,
            ip: '1.2.3.4',
            description: null,
            properties: { a: 1 },
            has_additional_metadata: false,
            timestamp: 't',
            relationships: { actor: { object: 'user', attributes: { username: 'alice' } } },
          },
        },
      ],
      meta: { pagination: { total: 30, count: 1, per_page: 25, current_page: 2, total_pages: 2 } },
    },
    '/servers/s1/websocket': { data: { token: 'jwt', socket: 'wss://node.example.com:8080/api/servers/uuid/ws' } },
    '/servers/s1/files/download': { object: 'signed_url', attributes: { url: 'https://node.example.com:8080/download/file?token=t' } },
    '/servers/s1/files/upload': { object: 'signed_url', attributes: { url: 'https://node.example.com:8080/upload/file?token=u' } },
  };
  const setup = (): { c: PanelClient; calls: AdapterCall[] } => clientWith(({ path }) => (path in bodies ? { body: bodies[path] } : { status: 404, body: {} }));

  it('reads backups, databases (hashid and Pelican integer ids) and schedules', async () => {
    const { c, calls } = setup();
    await expect(c.listBackups('s1')).resolves.toEqual([
      {
        uuid: 'b1',
        name: 'nightly',
        isSuccessful: true,
        isLocked: false,
        isScheduled: null,
        ignoredFiles: [],
        checksum: 'sha1:x',
        bytes: 10,
        createdAt: 't',
        completedAt: null,
      },
    ]);
    // A list asks for no password; only an explicit request does.
    await c.listDatabases('s1');
    expect(calls.at(-1)?.params).toEqual({});
    const dbs = await c.listDatabases('s1', { includePasswords: true });
    expect(calls.at(-1)?.params).toEqual({ include: 'password' });
    expect(dbs.map((d) => [d.id, d.password])).toEqual([
      ['h4sh', 'pw'],
      ['7', null],
    ]);
    const [schedule] = await c.listSchedules('s1');
    expect(schedule).toMatchObject({ id: 1, cron: { hour: '4', minute: '0' }, onlyWhenOnline: true, tasks: [{ id: 3, action: 'power', payload: 'restart' }] });
  });

  it('reads allocations, subusers, startup and activity', async () => {
    const { c, calls } = setup();
    await expect(c.listAllocations('s1')).resolves.toMatchObject([{ ip: '10.0.0.5', ipAlias: 'mc.example.com', port: 25565, isDefault: true }]);
    await expect(c.listSubusers('s1')).resolves.toMatchObject([{ username: 'bob', twoFactorEnabled: true, permissions: ['control.console'] }]);
    const startup = await c.getStartup('s1');
    expect(startup).toMatchObject({ startupCommand: 'java -jar server.jar', variables: [{ envVariable: 'SERVER_JARFILE', serverValue: null }] });
    expect(startup.dockerImages).toEqual({ 'Java 17': 'ghcr.io/java:17' });
    const activity = await c.listActivity('s1', 2);
    expect(calls.at(-1)?.params).toEqual({ page: 2, include: 'actor', sort: '-timestamp' });
    expect(activity).toMatchObject({
      items: [{ event: 'server:power.start', actorUsername: 'alice', properties: { a: 1 } }],
      pagination: { currentPage: 2, totalPages: 2 },
    });
  });

  it('reads websocket credentials and signed URLs', async () => {
    const { c, calls } = setup();
    await expect(c.getWebsocketCredentials('s1')).resolves.toEqual({ token: 'jwt', socket: 'wss://node.example.com:8080/api/servers/uuid/ws' });
    await expect(c.getDownloadUrl('s1', '/world.zip')).resolves.toContain('/download/file?token=t');
    // Encoded once more: the panel rawurldecode()s the query value again.
    expect(calls.at(-1)?.params).toEqual({ file: '%2Fworld.zip' });
    await expect(c.getUploadUrl('s1')).resolves.toContain('/upload/file?token=u');
  });

  it('rejects typed reads with wrong-typed required fields as bad-response', async () => {
    const { c } = clientWith(() => ({ body: { object: 'list', data: [{ object: 'backup', attributes: { uuid: 42 } }] } }));
    await expect(c.listBackups('s1')).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
