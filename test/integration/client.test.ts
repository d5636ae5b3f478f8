/**
 * The core client against the simulated panel, once per panel release the sim imitates
 * (SIM_VERSION narrows it to one): every ClientApi method, the error kinds that matter (409
 * suspended, 401 revoked, 429 with Retry-After) and the simplified response shapes of hosting
 * guides (served through the sim's fault injection).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PanelClient } from '../../src/core/api/client';
import { POWER_SIGNALS } from '../../src/core/api/models';
import type { SimPanel } from '../../src/sim/types';
import { clientFor, serverId, startTestSim } from '../helpers/sim';
import { VERSION_FACTS, simVersions } from '../helpers/sim-versions';

describe.each(simVersions())('the client on %s', (version) => {
  const facts = VERSION_FACTS[version];
  let sim: SimPanel;
  let client: PanelClient;
  let id: string;

  beforeAll(async () => {
    sim = await startTestSim({ version, servers: 6, seed: 42 });
    client = clientFor(sim);
    id = serverId(sim, 0);
  });

  afterAll(async () => {
    client?.dispose();
    await sim?.close();
  });

  describe('account and servers', () => {
    it("getAccount: Pterodactyl's id and names, or Pelican's uuid without them", async () => {
      const account = await client.getAccount();
      expect(account.username).toEqual(expect.any(String));
      expect(account.email).toContain('@');
      expect(typeof account.isAdmin).toBe('boolean');
      if (facts.isPelican) expect(account).toMatchObject({ id: null, uuid: expect.stringMatching(/^[0-9a-f-]{36}$/), firstName: null });
      else expect(account).toMatchObject({ id: expect.any(Number), firstName: expect.any(String) });
      expect(sim.apiKey.startsWith(facts.clientKeyPrefix)).toBe(true);
    });

    it("listPermissions: group.key strings in the release's spelling", async () => {
      const permissions = await client.listPermissions();
      expect(permissions).toContain('websocket.connect');
      expect(permissions).toContain(facts.isPelican ? 'database.view-password' : 'database.view_password');
      expect(permissions.every((p) => /^[a-z]+\.[a-z_-]+$/.test(p))).toBe(true);
    });

    it('listServersPage and listServers match the panel', async () => {
      const page = await client.listServersPage(1);
      expect(page.pagination).toMatchObject({ total: 6, currentPage: 1, totalPages: 1 });
      const servers = await client.listServers();
      expect(servers.map((s) => s.identifier)).toEqual(sim.control.servers().map((s) => s.identifier));
      const first = sim.control.servers()[0];
      expect(servers[0]).toMatchObject({ name: first?.name, uuid: first?.uuid, node: first?.node });
      expect(servers[0]?.limits).toMatchObject({ memoryMib: first?.limits.memoryMib, diskMib: first?.limits.diskMib, cpuPercent: first?.limits.cpuPercent });
    });

    it('getServer by identifier and by uuid', async () => {
      const uuid = sim.control.servers()[0]?.uuid ?? '';
      const [byId, byUuid] = await Promise.all([client.getServer(id), client.getServer(uuid)]);
      expect(byId.identifier).toBe(id);
      expect(byUuid.identifier).toBe(id);
      expect(byId.userPermissions).toEqual(['*']);
    });

    it('getResources follows the panel state', async () => {
      sim.control.setState(id, 'running');
      const resources = await client.getResources(id);
      expect(resources.state).toBe('running');
      expect(resources.diskBytes).toBeGreaterThan(0);
      sim.control.setState(id, 'offline');
      expect((await client.getResources(id)).state).toBe('offline');
    });

    it('power start reaches running; every signal is accepted', async () => {
      await client.power(id, 'start');
      await vi.waitFor(() => expect(sim.control.servers()[0]?.state).toBe('running'), { timeout: 5000, interval: 20 });
      for (const signal of POWER_SIGNALS.filter((s) => s !== 'start')) await expect(client.power(id, signal)).resolves.toBeUndefined();
    });

    it('sendCommand works while running and is refused (502) while offline', async () => {
      sim.control.setState(id, 'running');
      await expect(client.sendCommand(id, 'say hi')).resolves.toBeUndefined();
      sim.control.setState(id, 'offline');
      await expect(client.sendCommand(id, 'say hi')).rejects.toMatchObject({ name: 'PanelError', status: 502 });
    });

    it("rateLimit reports what the panel's headers said", async () => {
      await client.getAccount();
      const info = client.rateLimit();
      expect(info.limitPerMinute).toBe(facts.rateLimitPerMinute);
      expect(info.remaining).toBeGreaterThan(0);
      expect(info.remaining).toBeLessThan(facts.rateLimitPerMinute);
      expect(info.blockedUntilMs).toBeNull();
    });

    it('getWebsocketCredentials', async () => {
      const credentials = await client.getWebsocketCredentials(id);
      expect(credentials.token.split('.')).toHaveLength(3);
      expect(credentials.socket).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/api\/servers\/[0-9a-f-]{36}\/ws$/);
    });
  });

  describe('server extras', () => {
    it.each([
      ['listBackups', () => client.listBackups(id)],
      ['listDatabases', () => client.listDatabases(id)],
      ['listSchedules', () => client.listSchedules(id)],
      ['listAllocations', () => client.listAllocations(id)],
      ['listSubusers', () => client.listSubusers(id)],
    ] as const)('%s returns a normalised list', async (_name, call) => {
      const items: unknown[] = await call();
      expect(Array.isArray(items)).toBe(true);
      for (const entry of items) expect(entry).not.toHaveProperty('attributes');
    });

    it('listDatabases fetches no password unless asked, and the panel gives it to a key allowed to see it', async () => {
      const listed = await client.listDatabases(id);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((d) => d.password === null)).toBe(true);
      const asked = await client.listDatabases(id, { includePasswords: true });
      expect(asked.every((d) => typeof d.password === 'string' && d.password.length > 0)).toBe(true);
    });

    it('listAllocations has the primary allocation', async () => {
      const allocations = await client.listAllocations(id);
      expect(allocations.some((a) => a.isDefault && a.port === sim.control.servers()[0]?.primaryAllocation.port)).toBe(true);
    });

    it('getStartup', async () => {
      const startup = await client.getStartup(id);
      expect(startup.startupCommand).not.toBe('');
      expect(Object.keys(startup.dockerImages).length).toBeGreaterThan(0);
    });

    it('listActivity is paginated', async () => {
      const page = await client.listActivity(id, 1);
      expect(page.pagination.currentPage).toBe(1);
      expect(page.items.every((entry) => typeof entry.event === 'string')).toBe(true);
    });
  });

  describe('files', () => {
    it('write, read, list, copy, rename, chmod, mkdir, delete', async () => {
      const files = sim.control.files(id);
      await client.createFolder(id, '/', 'it-dir');
      await client.writeFile(id, '/it-dir/a.txt', 'hello {"json": false}\n');
      expect(await client.readFile(id, '/it-dir/a.txt')).toBe('hello {"json": false}\n');
      await client.copyFile(id, '/it-dir/a.txt');
      await client.renameFiles(id, '/it-dir', [{ from: 'a.txt', to: 'b.txt' }]);
      await client.chmodFiles(id, '/it-dir', [{ file: 'b.txt', mode: '755' }]);
      const names = (await client.listFiles(id, '/it-dir')).map((f) => f.name).sort();
      expect(names).toEqual(['a copy.txt', 'b.txt']);
      expect(files.stat('/it-dir/b.txt')?.modeBits).toBe('755');
      await client.deleteFiles(id, '/it-dir', ['a copy.txt', 'b.txt']);
      expect(files.list('/it-dir')).toEqual([]);
    });

    it('compress and decompress', async () => {
      const files = sim.control.files(id);
      files.write('/zip-src/one.txt', 'one');
      const archive = await client.compressFiles(id, '/', ['zip-src']);
      expect(archive.isFile).toBe(true);
      expect(files.exists(`/${archive.name}`)).toBe(true);
      await client.deleteFiles(id, '/', ['zip-src']);
      await client.decompressFile(id, '/', archive.name);
      expect(files.readText('/zip-src/one.txt')).toBe('one');
    });

    it('pullFile', async () => {
      await client.pullFile(id, { url: 'https://example.com/plugin.jar', directory: '/plugins' });
      expect(sim.control.files(id).exists('/plugins/plugin.jar')).toBe(true);
    });

    it('readFile refuses a file above 4 MiB with too-large', async () => {
      sim.control.files(id).createLarge('/huge.log', 5 * 1024 * 1024, { text: true });
      await expect(client.readFile(id, '/huge.log')).rejects.toMatchObject({ kind: 'too-large' });
    });

    it('signed URLs point at the node', async () => {
      const [download, upload] = await Promise.all([client.getDownloadUrl(id, '/eula.txt'), client.getUploadUrl(id)]);
      expect(download.startsWith(`${sim.wingsUrl}/download/file?token=`)).toBe(true);
      expect(upload.startsWith(`${sim.wingsUrl}/upload/file?token=`)).toBe(true);
    });
  });

  describe('errors', () => {
    it('a suspended server: 409 conflict (suspended) everywhere but GET /servers/{id}', async () => {
      const suspendedId = serverId(sim, 1);
      sim.control.suspend(suspendedId, true);
      try {
        await expect(client.getResources(suspendedId)).rejects.toMatchObject({ kind: 'conflict', conflictReason: 'suspended', status: 409 });
        await expect(client.power(suspendedId, 'start')).rejects.toMatchObject({ kind: 'conflict', conflictReason: 'suspended' });
        await expect(client.listFiles(suspendedId, '/')).rejects.toMatchObject({ kind: 'conflict' });
        expect((await client.getServer(suspendedId)).isSuspended).toBe(true);
      } finally {
        sim.control.suspend(suspendedId, false);
      }
    });

    it('an unknown server is not-found', async () => {
      await expect(client.getResources('ffffffff')).rejects.toMatchObject({ kind: 'not-found', status: 404 });
    });

    it("a 504 from an unreachable node is node-unreachable, after the client's retries", async () => {
      sim.control.resetCounts();
      sim.control.injectFault({ route: '/resources', count: 100, fault: { type: 'status', status: 504 } });
      const impatient = new PanelClient({ url: sim.url, apiKey: sim.apiKey }, { scheduler: { maxRetries: 1, baseBackoffMs: 10 } });
      try {
        await expect(impatient.getResources(id)).rejects.toMatchObject({ kind: 'node-unreachable', status: 504 });
        expect(sim.control.requestCount('/resources')).toBe(2);
      } finally {
        impatient.dispose();
        sim.control.clearFaults();
      }
    });

    it('a 429 is answered by waiting Retry-After, then the call succeeds', async () => {
      sim.control.resetCounts();
      sim.control.injectFault({ route: '/resources', fault: { type: 'status', status: 429, headers: { 'Retry-After': '1' } } });
      const startedMs = Date.now();
      const resources = await client.getResources(id);
      expect(resources.state).toEqual(expect.any(String));
      expect(Date.now() - startedMs).toBeGreaterThanOrEqual(950);
      expect(sim.control.requestCount('/resources')).toBe(2);
    });

    it('401 after the key is revoked, without the key in the error', async () => {
      const own = await startTestSim({ version, servers: 1 });
      const revoked = clientFor(own);
      try {
        await revoked.getAccount();
        own.control.revokeKey();
        const error = await revoked.getAccount().then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toMatchObject({ kind: 'auth', status: 401 });
        expect(JSON.stringify(error) + String((error as Error).message) + String((error as Error).stack)).not.toContain(own.apiKey);
      } finally {
        revoked.dispose();
        await own.close();
      }
    });
  });

  describe('simplified shapes (hosting guides)', () => {
    it('resources with `state` instead of `current_state`', async () => {
      sim.control.injectFault({
        route: '/resources',
        fault: {
          type: 'status',
          status: 200,
          body: {
            object: 'stats',
            attributes: { state: 'running', resources: { memory_bytes: 5, cpu_absolute: 50.5, disk_bytes: 7, network_rx_bytes: 1, network_tx_bytes: 2 } },
          },
        },
      });
      expect(await client.getResources(id)).toMatchObject({ state: 'running', memoryBytes: 5, cpuAbsolute: 50.5, diskBytes: 7 });
    });

    it('a file list with bare objects and `mime`', async () => {
      sim.control.injectFault({
        route: '/files/list',
        fault: {
          type: 'status',
          status: 200,
          body: {
            object: 'list',
            data: [{ name: 'server.jar', mode: 'rw-r--r--', size: 2048, is_file: true, is_symlink: false, mime: 'application/java-archive' }],
          },
        },
      });
      const [entry] = await client.listFiles(id, '/');
      expect(entry).toMatchObject({ name: 'server.jar', sizeBytes: 2048, isFile: true, mimetype: 'application/java-archive' });
    });

    it('a power answer with a task body', async () => {
      sim.control.injectFault({
        route: '/power',
        fault: { type: 'status', status: 200, body: { object: 'task', status: 'success', message: 'Power action sent successfully.' } },
      });
      await expect(client.power(id, 'start')).resolves.toBeUndefined();
    });

    it("a server list of the guide's shape", async () => {
      sim.control.injectFault({
        method: 'GET',
        route: 'GET /api/client',
        fault: {
          type: 'status',
          status: 200,
          body: {
            object: 'list',
            data: [
              {
                object: 'server',
                attributes: {
                  server_owner: true,
                  identifier: 'abcd1234',
                  name: 'My Minecraft Server',
                  node: 'Node 1',
                  sftp_details: { ip: '123.45.67.89', port: 2022 },
                  limits: { memory: 4096, disk: 10000, cpu: 200 },
                  is_suspended: false,
                },
              },
            ],
          },
        },
      });
      const page = await client.listServersPage(1);
      expect(page.items[0]).toMatchObject({ identifier: 'abcd1234', uuid: null, limits: { memoryMib: 4096, diskMib: 10_000, cpuPercent: 200 } });
    });
  });

  describe('pagination', () => {
    it('lists all 250 servers across pages', async () => {
      const big = await startTestSim({ version, servers: 250, seed: 3 });
      const bigClient = clientFor(big);
      try {
        big.control.resetCounts();
        const servers = await bigClient.listServers();
        expect(servers).toHaveLength(250);
        expect(new Set(servers.map((s) => s.identifier)).size).toBe(250);
        expect(servers.map((s) => s.identifier)).toEqual(big.control.servers().map((s) => s.identifier));
        expect(big.control.requestCount('GET /api/client')).toBeGreaterThanOrEqual(3);
      } finally {
        bigClient.dispose();
        await big.close();
      }
    });
  });
});
