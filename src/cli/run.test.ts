import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PanelError } from '../core/api/errors';
import type { ServerResources } from '../core/api/models';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInProcess, TEST_KEY } from '../../test/helpers/cli-harness';
import { createFakeClient, fakeServer, suspendedError } from '../../test/helpers/fake-client';

const SERVERS = [
  fakeServer({ identifier: 'aaaa1111', name: 'Lobby' }),
  fakeServer({ identifier: 'bbbb2222', name: 'Lobby 2', isSuspended: true, status: 'suspended' }),
  fakeServer({ identifier: 'cccc3333', name: 'Survival', node: 'Far node' }),
];

function resources(state: ServerResources['state']): ServerResources {
  return { state, isSuspended: false, memoryBytes: 1024, cpuAbsolute: 1.5, diskBytes: 2048, networkRxBytes: 1, networkTxBytes: 2, uptimeMs: 61_000 };
}

function panelClient() {
  return createFakeClient({
    listServers: async () => SERVERS,
    getResources: async (server) => {
      if (server === 'bbbb2222') throw suspendedError();
      if (server === 'cccc3333') throw new PanelError({ kind: 'node-unreachable', status: 504 });
      return resources('running');
    },
  });
}

describe('usage', () => {
  it('prints the version', async () => {
    const result = await runInProcess(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it('prints help for the top level and for a command, exit 0', async () => {
    const top = await runInProcess(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain('files get <server> <path>');
    const cmd = await runInProcess(['watch', '--help']);
    expect(cmd.stdout).toContain('Wings websocket');
    const group = await runInProcess(['files', '--help']);
    expect(group.stdout).toContain('files mkdir <server> <path>');
  });

  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['servers', '--bogus'], "Unknown option '--bogus'"],
    [['account', '--json', '--seed', '5'], "'account' does not take --seed"],
    [['files'], "'files' needs a subcommand"],
    [['files', 'zap'], "unknown command 'files zap'"],
    [['status'], 'missing arguments'],
    [['power', 'lobby', 'explode'], "unknown power signal 'explode'"],
    [['watch', '--interval', '2'], "Unknown option '--interval'"],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const result = await runInProcess(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });

  it('explains --account when the app has saved no account, and names the saved ones otherwise', async () => {
    const none = await runInProcess(['--account', 'work', 'servers'], { env: { PTEROTRAY_CONFIG_DIR: '/nonexistent/pterotray-test' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no saved accounts: add a panel in the Pterotray app');
    const dir = mkdtempSync(join(tmpdir(), 'pterotray-cli-'));
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ version: 2, accounts: [{ id: 'a1', name: 'Home', url: 'https://panel.example.com', keyStorage: 'keychain' }] }),
    );
    const other = await runInProcess(['--account', 'work', 'servers'], { env: { PTEROTRAY_CONFIG_DIR: dir } });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("no saved account named 'work' (saved: 'Home')");
  });

  it('asks for credentials when the environment has none', async () => {
    const result = await runInProcess(['servers'], { env: {} });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('set PTEROTRAY_PANEL_URL and PTEROTRAY_API_KEY');
  });

  it('prints help on stderr and exits 2 without a command', async () => {
    const result = await runInProcess([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: pterotray <command>');
  });
});

describe('servers', () => {
  it('shows 409 and 504 as states in JSON, with the API field names', async () => {
    const result = await runInProcess(['servers', '--json'], { client: panelClient() });
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.identifier, r.state, r.is_suspended])).toEqual([
      ['aaaa1111', 'running', false],
      ['bbbb2222', 'suspended', true],
      ['cccc3333', 'unreachable', false],
    ]);
    expect(rows[0]).toMatchObject({ uuid: SERVERS[0]?.uuid, node: 'Node 1', limits: { memory: 1024, disk: 2048, cpu: 100 } });
  });

  it('prints an aligned table', async () => {
    const result = await runInProcess(['servers'], { client: panelClient() });
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^IDENTIFIER\s+NAME\s+NODE\s+STATE\s+MEMORY\s+DISK\s+CPU$/);
    const stateColumn = lines[0]?.indexOf('STATE');
    expect(lines.slice(1).map((l) => l.slice(stateColumn).split(/\s+/)[0])).toEqual(['running', 'suspended', 'unreachable']);
  });

  it('fails the whole command on an auth error, one line, exit 1, no key anywhere', async () => {
    const client = createFakeClient({
      listServers: async () => {
        throw new PanelError({ kind: 'auth', status: 401, message: `Unauthenticated (${TEST_KEY}).` });
      },
    });
    const result = await runInProcess(['servers', '--debug'], { client });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('(HTTP 401)');
    expect(result.stderr).toContain('Check that it is a client key');
    expect(result.stdout + result.stderr).not.toContain(TEST_KEY);
  });

  it('ends quietly with exit 0 when the reader of stdout went away', async () => {
    const client = panelClient();
    const result = await runInProcess(['servers'], {
      client,
      onStart: ({ stdout }) => stdout.destroy(),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('server resolution', () => {
  const client = () => createFakeClient({ listServers: async () => SERVERS, getResources: async () => resources('offline') });

  it.each([
    ['aaaa1111', 'aaaa1111'],
    ['AAAA1111', 'aaaa1111'],
    [SERVERS[2]?.uuid ?? '', 'cccc3333'],
    ['lobby', 'aaaa1111'],
    ['lobby 2', 'bbbb2222'],
    ['surv', 'cccc3333'],
  ])('%s resolves to %s', async (query, identifier) => {
    const result = await runInProcess(['status', query, '--json'], { client: client() });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ identifier });
  });

  it('lists the candidates of an ambiguous prefix, exit 2', async () => {
    const result = await runInProcess(['status', 'lob'], { client: client() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'lob' matches 2 servers: aaaa1111 (Lobby), bbbb2222 (Lobby 2)");
  });

  it('says when nothing matches, exit 2', async () => {
    const result = await runInProcess(['status', 'nope'], { client: client() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no server matches 'nope'");
  });
});

describe('status', () => {
  it('prints resources with their API names', async () => {
    const result = await runInProcess(['status', 'lobby', '--json'], {
      client: createFakeClient({ listServers: async () => SERVERS, getResources: async () => resources('running') }),
    });
    expect(JSON.parse(result.stdout)).toMatchObject({
      state: 'running',
      is_suspended: false,
      resources: { memory_bytes: 1024, cpu_absolute: 1.5, disk_bytes: 2048, network_rx_bytes: 1, network_tx_bytes: 2, uptime: 61_000 },
    });
  });

  it('reports a suspended server as its state rather than failing', async () => {
    const result = await runInProcess(['status', 'bbbb2222'], { client: panelClient() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/state:\s+suspended/);
    expect(result.stdout).toMatch(/suspended:\s+yes/);
  });
});

describe('files', () => {
  it('deletes paths grouped by directory, a leading dash after --', async () => {
    const deletes: Array<[string, string[]]> = [];
    const client = createFakeClient({
      listServers: async () => SERVERS,
      deleteFiles: async (_server, root, files) => {
        deletes.push([root, files]);
      },
    });
    const result = await runInProcess(['files', 'rm', 'lobby', '--', '-dash.txt', 'a b.txt', 'logs/x#1.log'], { client });
    expect(result.code).toBe(0);
    expect(deletes).toEqual([
      ['/', ['-dash.txt', 'a b.txt']],
      ['/logs', ['x#1.log']],
    ]);
  });

  it('writes stdin to the file as text', async () => {
    const writes: Array<[string, string]> = [];
    const stdin = new PassThrough();
    stdin.end('eula=true\nünïcode\n');
    const client = createFakeClient({
      listServers: async () => SERVERS,
      writeFile: async (_server, path, content) => {
        writes.push([path, content]);
      },
    });
    const result = await runInProcess(['files', 'write', 'lobby', 'eula.txt'], { client, stdin });
    expect(result.code).toBe(0);
    expect(writes).toEqual([['/eula.txt', 'eula=true\nünïcode\n']]);
  });

  it('moves into a directory when <to> ends with a slash', async () => {
    const renames: unknown[] = [];
    const client = createFakeClient({
      listServers: async () => SERVERS,
      renameFiles: async (_server, root, files) => {
        renames.push({ root, files });
      },
    });
    await runInProcess(['files', 'mv', 'lobby', '/a & b.txt', 'old/'], { client });
    expect(renames).toEqual([{ root: '/', files: [{ from: 'a & b.txt', to: 'old/a & b.txt' }] }]);
  });
});

describe('redaction', () => {
  it('never prints the key or its secret half, even when a panel message echoes them', async () => {
    const secretHalf = TEST_KEY.slice(16);
    const client = createFakeClient({
      getAccount: async () => ({
        id: 1,
        uuid: null,
        username: `echo ${TEST_KEY}`,
        email: `x${secretHalf}@example.com`,
        isAdmin: false,
        firstName: null,
        lastName: null,
        language: null,
      }),
    });
    const result = await runInProcess(['account', '--json', '--debug'], { client });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('[redacted]');
    expect(result.stdout + result.stderr).not.toContain(secretHalf);
  });
});
