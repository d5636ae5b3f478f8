/**
 * Plain http in the CLI (issue 11, item 4): refused off this machine unless
 * PTEROTRAY_ALLOW_PLAIN_HTTP=1 or the app's lasting mark on a saved account allows it, before
 * the key is read or any client exists; loopback always works; an allowed one is said on stderr.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PanelConnection } from '../core/api/client-types';
import { PanelError } from '../core/api/errors';
import type { SecretStore } from '../core/secrets';
import { runInProcess, TEST_KEY } from '../../test/helpers/cli-harness';
import { createFakeClient, fakeServer } from '../../test/helpers/fake-client';
import { SavedAccountCredentialSource } from './credentials';

const ALLOW = 'PTEROTRAY_ALLOW_PLAIN_HTTP';

/** Runs `account` with the environment given, recording the connection the client was made with. */
async function runWith(env: Record<string, string>, argv = ['account']) {
  const connections: PanelConnection[] = [];
  const client = createFakeClient({
    getAccount: async () => ({ id: 1, uuid: null, username: 'u', email: 'u@example.com', isAdmin: false, firstName: null, lastName: null, language: null }),
  });
  const result = await runInProcess(argv, {
    env: { PTEROTRAY_API_KEY: TEST_KEY, ...env },
    deps: {
      createClient: (connection) => {
        connections.push(connection);
        return client;
      },
    },
  });
  return { ...result, connections };
}

describe('PTEROTRAY_PANEL_URL on plain http', () => {
  it('refuses a panel off this machine before any client exists: exit 2, the variable and https named', async () => {
    const result = await runWith({ PTEROTRAY_PANEL_URL: 'http://panel.example.com:8080' });
    expect(result.code).toBe(2);
    expect(result.connections).toEqual([]);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('PTEROTRAY_PANEL_URL points at http://panel.example.com:8080, plain http off this machine');
    expect(lines[0]).toContain('anyone on the network could read your API key');
    expect(lines[0]).toContain("Use https (the panel's https:// address");
    expect(lines[0]).toContain(`${ALLOW}=1`);
    expect(result.stderr).not.toContain(TEST_KEY);
  });

  it.each(['0', 'true', 'yes', ' '])('takes only 1 as the opt-in, not %j', async (value) => {
    const result = await runWith({ PTEROTRAY_PANEL_URL: 'http://10.0.0.5', [ALLOW]: value });
    expect(result.code).toBe(2);
    expect(result.connections).toEqual([]);
    if (value.trim() !== '') expect(result.stderr).toContain(`(${ALLOW} is '${value}'; only 1 allows it)`);
  });

  it('with the variable at 1, connects with allowPlainHttp and warns on stderr', async () => {
    const result = await runWith({ PTEROTRAY_PANEL_URL: 'http://10.0.0.5:8080', [ALLOW]: '1' });
    expect(result.code).toBe(0);
    expect(result.connections).toEqual([{ url: 'http://10.0.0.5:8080', apiKey: TEST_KEY, allowPlainHttp: true }]);
    expect(result.stderr).toBe(
      'pterotray: warning: This panel is not encrypted: anyone on the network can read your key. (10.0.0.5:8080: plain http allowed)\n',
    );
  });

  it.each(['http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:8080', 'https://panel.example.com'])(
    'uses %s without the variable and without a warning',
    async (url) => {
      const result = await runWith({ PTEROTRAY_PANEL_URL: url });
      expect(result.code).toBe(0);
      expect(result.connections).toMatchObject([{ allowPlainHttp: false }]);
      expect(result.stderr).toBe('');
    },
  );

  it('says the same of a ws:// console or http:// link the panel hands out (exit 2)', async () => {
    const client = createFakeClient({
      listServers: async () => [fakeServer({ identifier: 'aaaa1111', name: 'Lobby' })],
      getDownloadUrl: async () => {
        throw new PanelError({
          kind: 'insecure-transport',
          message: 'The panel gave a download or upload link without encryption (http://) on another machine.',
        });
      },
    });
    const result = await runInProcess(['files', 'get', 'lobby', '/a.txt', '-o', join(tmpdir(), 'pterotray-never-written.txt')], { client });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('without encryption (http://) on another machine. Use https');
    expect(result.stderr).toContain(`${ALLOW}=1`);
  });
});

it('documents the variable in --help', async () => {
  const help = await runInProcess(['--help']);
  expect(help.stdout).toContain(`${ALLOW}=1 to allow plain http anyway`);
  expect(help.stdout).toContain('2 usage error or a plain-http address refused');
});

describe('a saved account on plain http', () => {
  let dir: string;
  const asked: string[] = [];
  const secrets: SecretStore = {
    kind: 'keychain',
    probe: async () => {},
    get: async (id) => {
      asked.push(id);
      return TEST_KEY;
    },
    set: async () => {},
    delete: async () => false,
    list: async () => [],
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pterotray-cli-plain-'));
    asked.length = 0;
    const account = (id: string, name: string, url: string, allowsPlainHttp: boolean) => ({ id, name, url, keyStorage: 'keychain', allowsPlainHttp });
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        version: 2,
        accounts: [account('marked', 'Marked', 'http://10.0.0.5', true), account('unmarked', 'Unmarked', 'http://10.0.0.6', false)],
      }),
    );
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const source = (name: string, env: Record<string, string> = {}) => new SavedAccountCredentialSource(name, env, { configDir: dir, secrets });

  it("carries the app's lasting mark into the connection", async () => {
    await expect(source('Marked').resolve()).resolves.toEqual({ url: 'http://10.0.0.5', apiKey: TEST_KEY, allowPlainHttp: true });
  });

  it('refuses an account without the mark before asking the keychain', async () => {
    await expect(source('Unmarked').resolve()).rejects.toMatchObject({
      kind: 'insecure-transport',
      message: expect.stringContaining("the saved account 'Unmarked' (not allowed plain http in the app) points at http://10.0.0.6"),
    });
    expect(asked).toEqual([]);
  });

  it('lets the variable allow an account without the mark', async () => {
    await expect(source('Unmarked', { [ALLOW]: '1' }).resolve()).resolves.toMatchObject({ allowPlainHttp: true });
    expect(asked).toEqual(['unmarked']);
  });
});
