/**
 * Loading the daemon's config with its secrets: keys from the environment or a file only its
 * owner can read (others refused with the chmod to run), paths relative to the config file, and
 * without a config file the app's saved accounts with their keys from the keychain.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretStore } from '../../core/secrets';
import { DaemonConfigError } from './config-schema';
import { loadDaemonConfig, type LoadOptions } from './config-load';

const KEY = 'ptlc_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'daemon-config-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeConfig(config: unknown, name = 'daemon.json'): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(config));
  return path;
}

function keyFile(name: string, mode: number, content = `${KEY}\n`): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

function options(extra: Partial<LoadOptions> = {}): LoadOptions {
  return { cwd: dir, env: { PTEROTRAY_CONFIG_DIR: join(dir, 'app') }, platform: 'linux', ...extra };
}

async function problemsOf(load: Promise<unknown>): Promise<readonly string[]> {
  try {
    await load;
  } catch (error) {
    if (error instanceof DaemonConfigError) return error.problems;
    throw error;
  }
  throw new Error('the config loaded');
}

const account = { name: 'main', url: 'https://panel.example.com' };

describe('a config file', () => {
  it('reads a key from a 0600 file (relative to the config) and one from the environment; the store defaults to the app folder', async () => {
    keyFile('main.key', 0o600);
    const path = writeConfig({
      accounts: [
        { ...account, keyFile: 'main.key' },
        { name: 'eu', id: 'eu-1', url: 'eu.example.com/', keyEnv: 'EU_KEY' },
      ],
    });
    const config = await loadDaemonConfig(options({ configPath: 'daemon.json', env: { PTEROTRAY_CONFIG_DIR: join(dir, 'app'), EU_KEY: ` ${KEY}x ` } }));
    expect(config.source).toBe(`config file ${path}`);
    expect(config.accounts).toEqual([
      { id: 'main', name: 'main', url: 'https://panel.example.com', apiKey: KEY, allowPlainHttp: false },
      { id: 'eu-1', name: 'eu', url: 'https://eu.example.com', apiKey: `${KEY}x`, allowPlainHttp: false },
    ]);
    expect(config.storePath).toBe(join(dir, 'app', 'history.sqlite'));
    expect(config.channels).toEqual([]);
  });

  it.each([
    [0o644, '0644'],
    [0o640, '0640'],
    [0o604, '0604'],
  ])('refuses a key file others can read (mode %o), saying the chmod to run', async (mode, shown) => {
    const file = keyFile('main.key', mode);
    writeConfig({ accounts: [{ ...account, keyFile: file }] });
    const problems = await problemsOf(loadDaemonConfig(options({ configPath: 'daemon.json' })));
    expect(problems).toEqual([`accounts[0].keyFile: ${file} can be read by other users (mode ${shown}): run 'chmod 600 ${file}' so only its owner can`]);
  });

  it('does not look at mode bits on Windows', async () => {
    keyFile('main.key', 0o644);
    writeConfig({ accounts: [{ ...account, keyFile: 'main.key' }] });
    const config = await loadDaemonConfig(options({ configPath: 'daemon.json', platform: 'win32' }));
    expect(config.accounts[0]?.apiKey).toBe(KEY);
  });

  it('collects every secret problem, naming the field, and never the secret', async () => {
    keyFile('empty.key', 0o600, '\n');
    mkdirSync(join(dir, 'a-folder'));
    writeConfig({
      accounts: [
        { ...account, keyEnv: 'UNSET_KEY' },
        { name: 'b', url: 'https://b.example.com', keyFile: 'missing.key' },
        { name: 'c', url: 'https://c.example.com', keyFile: 'empty.key' },
        { name: 'd', url: 'https://d.example.com', keyFile: 'a-folder' },
        { name: 'e', url: 'http://panel.example.com', keyEnv: 'E_KEY' },
      ],
      channels: [{ type: 'discord', name: 'ops', urlEnv: 'NO_URL' }],
    });
    const problems = await problemsOf(loadDaemonConfig(options({ configPath: 'daemon.json', env: { E_KEY: KEY } })));
    expect(problems).toEqual([
      'accounts[0].keyEnv: the environment variable UNSET_KEY is not set or empty: set it where the daemon starts (systemd: Environment= or EnvironmentFile=)',
      `accounts[1].keyFile: ${join(dir, 'missing.key')} does not exist: check the path (relative paths start at the config file's folder)`,
      `accounts[2].keyFile: ${join(dir, 'empty.key')} is empty: put the secret in it, on one line`,
      `accounts[3].keyFile: ${join(dir, 'a-folder')} is not a file: give the path of a file holding only the secret`,
      'accounts[4].url: panel.example.com is plain http off this machine, anyone on the network could read the API key: use https, or set "allowPlainHttp": true on this account',
      'channels[0].urlEnv: the environment variable NO_URL is not set or empty: set it where the daemon starts (systemd: Environment= or EnvironmentFile=)',
    ]);
    expect(problems.join('\n')).not.toContain(KEY);
  });

  it('allows plain http when the account says so; a loopback panel needs nothing', async () => {
    writeConfig({
      accounts: [
        { ...account, url: 'http://panel.example.com', keyEnv: 'K', allowPlainHttp: true },
        { name: 'local', url: 'http://127.0.0.1:8080', keyEnv: 'K' },
      ],
    });
    const config = await loadDaemonConfig(options({ configPath: 'daemon.json', env: { K: KEY } }));
    expect(config.accounts.map((a) => a.allowPlainHttp)).toEqual([true, false]);
  });

  it('reads channel secrets and resolves the store against the config folder', async () => {
    keyFile('hook.url', 0o600, 'https://hooks.example.com/secret-path\n');
    writeConfig({
      accounts: [{ ...account, keyEnv: 'K' }],
      store: 'data/history.sqlite',
      channels: [
        { type: 'webhook', name: 'hook', urlFile: 'hook.url', secretEnv: 'HOOK_SECRET', rules: { kinds: ['crash'] } },
        { type: 'ntfy', name: 'phone', topic: 'servers', user: 'me', passwordEnv: 'NTFY_PASSWORD' },
      ],
    });
    const config = await loadDaemonConfig(options({ configPath: 'daemon.json', env: { K: KEY, HOOK_SECRET: 'hmac-secret-1', NTFY_PASSWORD: 'pw-123456' } }));
    expect(config.storePath).toBe(join(dir, 'data', 'history.sqlite'));
    expect(config.channels).toEqual([
      { type: 'webhook', name: 'hook', rules: { kinds: ['crash'] }, url: 'https://hooks.example.com/secret-path', secret: 'hmac-secret-1' },
      { type: 'ntfy', name: 'phone', server: 'https://ntfy.sh', topic: 'servers', user: 'me', password: 'pw-123456' },
    ]);
  });

  it('says when --config names no file', async () => {
    const problems = await problemsOf(loadDaemonConfig(options({ configPath: 'nope.json' })));
    expect(problems).toEqual(['does not exist: check the path given to --config']);
  });

  it("uses daemon.json in the app's folder when --config is not given", async () => {
    mkdirSync(join(dir, 'app'));
    writeConfig({ accounts: [{ ...account, keyEnv: 'K' }] }, join('app', 'daemon.json'));
    const config = await loadDaemonConfig(options({ env: { PTEROTRAY_CONFIG_DIR: join(dir, 'app'), K: KEY } }));
    expect(config.source).toBe(`config file ${join(dir, 'app', 'daemon.json')}`);
  });
});

describe("the app's saved accounts", () => {
  const records = [
    { id: 'acc-1', name: 'Home', url: 'https://home.example.com', username: null, keyStorage: 'keychain', isDemo: false, allowsPlainHttp: false },
    { id: 'acc-2', name: 'Work', url: 'https://w.example.com', username: null, keyStorage: 'keychain', isDemo: false, allowsPlainHttp: false },
  ];
  const keychain = (keys: Record<string, string>): SecretStore => ({
    kind: 'keychain',
    probe: async () => {},
    get: async (id) => keys[id] ?? null,
    set: async () => {},
    delete: async () => false,
    list: async () => Object.keys(keys),
  });

  beforeEach(() => {
    mkdirSync(join(dir, 'app'));
    writeFileSync(join(dir, 'app', 'settings.json'), JSON.stringify({ version: 1, accounts: records }));
  });

  it('takes each account with a key in the keychain, under its own id; the others are warned about', async () => {
    const config = await loadDaemonConfig(options({ secrets: keychain({ 'acc-1': KEY }) }));
    expect(config.source).toBe("the app's saved accounts");
    expect(config.accounts).toEqual([{ id: 'acc-1', name: 'Home', url: 'https://home.example.com', apiKey: KEY, allowPlainHttp: false }]);
    expect(config.channels).toBeNull();
    expect(config.storePath).toBe(join(dir, 'app', 'history.sqlite'));
    expect(config.warnings).toEqual([expect.stringMatching(/^'Work' left out: the keychain has no key for it/)]);
  });

  it('--account keeps one; an unknown one lists the saved names', async () => {
    const config = await loadDaemonConfig(options({ account: 'home', secrets: keychain({ 'acc-1': KEY }) }));
    expect(config.accounts.map((a) => a.id)).toEqual(['acc-1']);
    const problems = await problemsOf(loadDaemonConfig(options({ account: 'play', secrets: keychain({}) })));
    expect(problems).toEqual(["--account: no saved account named 'play' (saved: 'Home', 'Work')"]);
  });

  it('fails with what to do when no account has a key', async () => {
    const problems = await problemsOf(loadDaemonConfig(options({ secrets: keychain({}) })));
    expect(problems.at(-1)).toMatch(/^no account has a usable key: add a panel in the Pterotray app, or write .*daemon\.json \(or pass --config\)/);
  });
});
