/**
 * Where the daemon's accounts and channels come from, with their secrets read: a config file
 * (`--config`, or `daemon.json` in the app's folder when it exists), keys from the environment or
 * from files only their owner can read; or, with no config file, the app's saved accounts and
 * their keys in the keychain, as `--account` uses them.
 *
 * Every problem is collected and thrown at once as a DaemonConfigError, each naming its field,
 * so one edit fixes them all. No secret is ever in a message: only the variable or file naming it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { normalizePanelUrl } from '../../core/api/base-url';
import type { KeeperChannel } from '../../core/keeper/keeper';
import { KeytarSecretStore, type SecretStore } from '../../core/secrets';
import { appConfigDir } from '../../core/settings/app-config-dir';
import { STORE_FILE } from '../../core/store/database';
import { isPlainNetworkAddress } from '../../shared/transport';
import { isPlainHttpAllowedByEnv, readSavedAccounts } from '../credentials';
import { DaemonConfigError, fieldPath, parseDaemonConfig, type DaemonAccountConfig, type DaemonChannelConfig } from './config-schema';

/** The config file looked for in the app's folder when `--config` is not given. */
export const DAEMON_CONFIG_FILE = 'daemon.json';

type Env = Readonly<Record<string, string | undefined>>;

/** A panel to watch, its key read. */
export interface DaemonAccount {
  id: string;
  name: string;
  url: string;
  apiKey: string;
  allowPlainHttp: boolean;
}

/** Everything the daemon runs with. */
export interface DaemonConfig {
  /** `config file <path>` or `the app's saved accounts`, for the log. */
  source: string;
  accounts: DaemonAccount[];
  /** From the config file; null: the app's own channels (settings and keychain). */
  channels: KeeperChannel[] | null;
  storePath: string;
  /** Accounts left out (a saved account without a key on disk), one sentence each. */
  warnings: string[];
}

export interface LoadOptions {
  /** `--config`, resolved against `cwd`. */
  configPath?: string;
  cwd: string;
  env: Env;
  /** `--account`: only this saved account (by name or id); with a config file it is refused. */
  account?: string;
  /** The keychain, for the app's saved accounts. */
  secrets?: SecretStore;
  platform?: NodeJS.Platform;
}

/** Reads the config (or the app's accounts) and every secret it names. */
export async function loadDaemonConfig(options: LoadOptions): Promise<DaemonConfig> {
  const appDir = appConfigDir(options.env);
  const given = options.configPath === undefined ? undefined : resolve(options.cwd, options.configPath);
  const path = given ?? join(appDir, DAEMON_CONFIG_FILE);
  if (given !== undefined || existsSync(path)) {
    if (options.account !== undefined)
      throw new DaemonConfigError(`config file ${path}`, ["--account picks one of the app's saved accounts: leave it out when a config file lists the panels"]);
    return fromFile(path, options);
  }
  return fromSavedAccounts(appDir, options);
}

function fromFile(path: string, options: LoadOptions): DaemonConfig {
  const source = `config file ${path}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist: check the path given to --config' : `cannot be read (${code ?? String(error)})`;
    throw new DaemonConfigError(source, [why]);
  }
  const file = parseDaemonConfig(text, source);
  const base = dirname(path);
  const secrets = new SecretReader(base, options.env, options.platform ?? process.platform);
  const accounts = file.accounts.map((account, i) => readAccount(account, `accounts[${i}]`, secrets, options.env));
  const channels = file.channels.map((channel, i) => readChannel(channel, `channels[${i}]`, secrets));
  if (secrets.problems.length > 0) throw new DaemonConfigError(source, secrets.problems);
  const storePath = file.store === undefined ? join(appConfigDir(options.env), STORE_FILE) : absolute(base, file.store);
  return { source, accounts: accounts.filter((a) => a !== null), channels, storePath, warnings: [] };
}

function readAccount(account: DaemonAccountConfig, at: string, secrets: SecretReader, env: Env): DaemonAccount | null {
  let url: string;
  try {
    url = normalizePanelUrl(account.url);
  } catch (error) {
    secrets.problems.push(
      `${at}.url: ${error instanceof Error ? error.message : 'is not a valid address'}: give the panel's address, e.g. "https://panel.example.com"`,
    );
    return null;
  }
  const allowPlainHttp = account.allowPlainHttp === true || isPlainHttpAllowedByEnv(env);
  if (!allowPlainHttp && isPlainNetworkAddress(url)) {
    secrets.problems.push(
      `${at}.url: ${new URL(url).host} is plain http off this machine, anyone on the network could read the API key: use https, or set "allowPlainHttp": true on this account`,
    );
  }
  const apiKey = secrets.read(at, 'key', account);
  if (apiKey === null) return null;
  return { id: account.id ?? account.name, name: account.name, url, apiKey, allowPlainHttp };
}

function readChannel(channel: DaemonChannelConfig, at: string, secrets: SecretReader): KeeperChannel {
  const out: KeeperChannel = { type: channel.type, name: channel.name };
  if (channel.rules !== undefined) out.rules = channel.rules;
  if (channel.quietHours !== undefined) out.quietHours = channel.quietHours;
  const url = secrets.read(at, 'url', channel);
  if (url !== null) out.url = url;
  if (channel.type === 'webhook') {
    const secret = secrets.read(at, 'secret', channel);
    if (secret !== null) out.secret = secret;
  }
  if (channel.type === 'ntfy') {
    out.server = channel.server;
    out.topic = channel.topic;
    const token = secrets.read(at, 'token', channel);
    if (token !== null) out.token = token;
    if (channel.user !== undefined) out.user = channel.user;
    const password = secrets.read(at, 'password', channel);
    if (password !== null) out.password = password;
  }
  return out;
}

/**
 * Reads `<name>Env` / `<name>File` of a config entry. A file must be a regular file readable by
 * its owner only (no group or other bits, as ssh asks of a private key): a key others can read is
 * a key others have. Problems are collected, not thrown.
 */
export class SecretReader {
  readonly problems: string[] = [];

  constructor(
    private readonly base: string,
    private readonly env: Env,
    private readonly platform: NodeJS.Platform,
  ) {}

  /** The secret, or null when none was named or it could not be read (a problem is noted). */
  read(at: string, name: string, entry: object): string | null {
    const fields = entry as Record<string, unknown>;
    const envName = fields[`${name}Env`];
    const file = fields[`${name}File`];
    if (typeof envName === 'string') return this.fromEnv(fieldPath([at, `${name}Env`]), envName);
    if (typeof file === 'string') return this.fromFile(fieldPath([at, `${name}File`]), absolute(this.base, file));
    return null;
  }

  private fromEnv(at: string, name: string): string | null {
    const value = this.env[name]?.trim() ?? '';
    if (value !== '') return value;
    this.problems.push(
      `${at}: the environment variable ${name} is not set or empty: set it where the daemon starts (systemd: Environment= or EnvironmentFile=)`,
    );
    return null;
  }

  private fromFile(at: string, path: string): string | null {
    let mode: number;
    try {
      const stat = statSync(path);
      if (!stat.isFile()) {
        this.problems.push(`${at}: ${path} is not a file: give the path of a file holding only the secret`);
        return null;
      }
      mode = stat.mode;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.problems.push(
        `${at}: ${path} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`}: check the path (relative paths start at the config file's folder)`,
      );
      return null;
    }
    // Windows has no mode bits to speak of; its ACLs are the folder's business.
    if (this.platform !== 'win32' && (mode & 0o077) !== 0) {
      const shown = (mode & 0o777).toString(8).padStart(4, '0');
      this.problems.push(`${at}: ${path} can be read by other users (mode ${shown}): run 'chmod 600 ${path}' so only its owner can`);
      return null;
    }
    let value: string;
    try {
      value = readFileSync(path, 'utf8').trim();
    } catch (error) {
      this.problems.push(`${at}: ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): let the daemon's user read it`);
      return null;
    }
    if (value === '') this.problems.push(`${at}: ${path} is empty: put the secret in it, on one line`);
    return value === '' ? null : value;
  }
}

function absolute(base: string, path: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}

/**
 * The app's saved accounts, keys from the keychain. An account whose key is not there (kept for
 * the session only, or removed) is left out with a warning; none left is an error.
 */
async function fromSavedAccounts(appDir: string, options: LoadOptions): Promise<DaemonConfig> {
  const source = "the app's saved accounts";
  const saved = readSavedAccounts(appDir).filter((r) => !r.isDemo);
  const wanted = options.account?.trim().toLowerCase();
  const records = wanted === undefined ? saved : saved.filter((r) => r.id === options.account || r.name.toLowerCase() === wanted);
  if (wanted !== undefined && records.length === 0) {
    const names = saved.map((r) => `'${r.name}'`).join(', ');
    throw new DaemonConfigError(source, [`--account: no saved account named '${options.account ?? ''}' (saved: ${names === '' ? 'none' : names})`]);
  }
  const hint = `add a panel in the Pterotray app, or write ${join(appDir, DAEMON_CONFIG_FILE)} (or pass --config): see 'pterotray daemon --help'`;
  if (records.length === 0) throw new DaemonConfigError(source, [`there are none (${join(appDir, 'settings.json')}): ${hint}`]);
  const keychain = options.secrets ?? new KeytarSecretStore();
  const accounts: DaemonAccount[] = [];
  const warnings: string[] = [];
  for (const record of records) {
    const allowPlainHttp = record.allowsPlainHttp || isPlainHttpAllowedByEnv(options.env);
    if (!allowPlainHttp && isPlainNetworkAddress(record.url)) {
      warnings.push(`'${record.name}' left out: plain http off this machine, not allowed in the app`);
      continue;
    }
    let apiKey: string | null;
    try {
      apiKey = record.keyStorage === 'session' ? null : await keychain.get(record.id);
    } catch (error) {
      throw new DaemonConfigError(source, [
        `the keychain cannot be read (${error instanceof Error ? error.message : String(error)}): unlock it, or use a config file`,
      ]);
    }
    if (apiKey === null) {
      warnings.push(`'${record.name}' left out: the keychain has no key for it (kept for one session only?): add it again in the app, or use a config file`);
      continue;
    }
    accounts.push({ id: record.id, name: record.name, url: record.url, apiKey, allowPlainHttp });
  }
  if (accounts.length === 0) throw new DaemonConfigError(source, [...warnings, `no account has a usable key: ${hint}`]);
  return { source, accounts, channels: null, storePath: join(appDir, STORE_FILE), warnings };
}
