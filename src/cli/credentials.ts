/**
 * Where the CLI finds a panel and its key: the environment, or the app's saved accounts
 * (`--account <name>`: the record from the app's settings file, the key from the keychain).
 * Either way a panel on plain http off this machine is refused before the key is read, unless
 * the person allowed it: PTEROTRAY_ALLOW_PLAIN_HTTP=1, or the app's lasting mark on the account.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccountRecord } from '../core/accounts/account-service';
import type { PanelConnection } from '../core/api/client-types';
import { appConfigDir, SETTINGS_FILE } from '../core/settings/app-config-dir';
import { sanitizeDocument } from '../core/settings/schema';
import { KeytarSecretStore, type SecretStore } from '../core/secrets';
import { normalizePanelUrl } from '../core/api/base-url';
import { PanelError } from '../core/api/errors';
import { ALLOW_PLAIN_HTTP_ENV, isPlainNetworkAddress } from '../shared/transport';
import { UsageError } from './args';

export const PANEL_URL_ENV = 'PTEROTRAY_PANEL_URL';
export const API_KEY_ENV = 'PTEROTRAY_API_KEY';
export { ALLOW_PLAIN_HTTP_ENV };

type Env = Readonly<Record<string, string | undefined>>;

/** True when the environment allows plain http off this machine: the variable is exactly `1`. */
export function isPlainHttpAllowedByEnv(env: Env): boolean {
  return env[ALLOW_PLAIN_HTTP_ENV]?.trim() === '1';
}

/**
 * Throws the CLI's refusal when `url` would carry the key in clear text over a network and
 * nothing allowed it. `what` names where the address came from, for the message.
 */
export function requireTransport(url: string, allowPlainHttp: boolean, what: string, env: Env): void {
  // Not a URL at all is the client's to refuse (bad-response / usage), not a transport question.
  if (allowPlainHttp || !isPlainNetworkAddress(url)) return;
  const { protocol, host } = new URL(url);
  const given = env[ALLOW_PLAIN_HTTP_ENV]?.trim() ?? '';
  const note = given === '' ? '' : ` (${ALLOW_PLAIN_HTTP_ENV} is '${given}'; only 1 allows it)`;
  throw new PanelError({
    kind: 'insecure-transport',
    message: `${what} points at ${protocol}//${host}, plain http off this machine: anyone on the network could read your API key${note}`,
  });
}

/**
 * A place credentials come from. `resolve` throws UsageError when they are missing or malformed,
 * and PanelError `insecure-transport` for a plain-http panel off this machine nobody allowed.
 */
export interface CredentialSource {
  /** Where the credentials came from, for messages (never the key). */
  readonly description: string;
  resolve(): Promise<PanelConnection>;
}

/** `PTEROTRAY_PANEL_URL` and `PTEROTRAY_API_KEY`. */
export class EnvCredentialSource implements CredentialSource {
  readonly description = `${PANEL_URL_ENV} and ${API_KEY_ENV}`;

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  async resolve(): Promise<PanelConnection> {
    const rawUrl = this.env[PANEL_URL_ENV]?.trim() ?? '';
    const apiKey = this.env[API_KEY_ENV]?.trim() ?? '';
    if (rawUrl === '' || apiKey === '') {
      throw new UsageError(`no panel configured: set ${PANEL_URL_ENV} and ${API_KEY_ENV}`);
    }
    const url = normalisePanelUrl(rawUrl);
    const allowPlainHttp = isPlainHttpAllowedByEnv(this.env);
    requireTransport(url, allowPlainHttp, PANEL_URL_ENV, this.env);
    return { url, apiKey, allowPlainHttp };
  }
}

export interface SavedAccountOptions {
  /** The app's settings folder (default: where the app keeps it, or PTEROTRAY_CONFIG_DIR). */
  configDir?: string;
  secrets?: SecretStore;
}

/** The app's saved accounts: the record from its settings file, the key from the keychain. */
export class SavedAccountCredentialSource implements CredentialSource {
  readonly description: string;

  constructor(
    readonly accountName: string,
    private readonly env: Readonly<Record<string, string | undefined>>,
    private readonly options: SavedAccountOptions = {},
  ) {
    this.description = `saved account '${accountName}'`;
  }

  async resolve(): Promise<PanelConnection> {
    const accounts = this.#accounts();
    const wanted = this.accountName.trim().toLowerCase();
    const match = accounts.find((a) => a.id === this.accountName) ?? accounts.find((a) => a.name.toLowerCase() === wanted);
    if (!match) {
      const names = accounts.map((a) => `'${a.name}'`).join(', ');
      throw new UsageError(
        names
          ? `no saved account named '${this.accountName}' (saved: ${names})`
          : `no saved accounts: add a panel in the Pterotray app, or set ${PANEL_URL_ENV} and ${API_KEY_ENV}`,
      );
    }
    // The app's lasting mark, or this run's variable; checked before the keychain is asked.
    const allowPlainHttp = match.allowsPlainHttp || isPlainHttpAllowedByEnv(this.env);
    requireTransport(match.url, allowPlainHttp, `the saved account '${match.name}' (not allowed plain http in the app)`, this.env);
    const secrets = this.options.secrets ?? new KeytarSecretStore();
    let apiKey: string | null;
    try {
      apiKey = await secrets.get(match.id);
    } catch (error) {
      throw new Error(`cannot read the key of '${match.name}' from the keychain: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (apiKey === null) throw new Error(`the keychain has no key for '${match.name}': add the panel again in the Pterotray app`);
    return { url: match.url, apiKey, allowPlainHttp };
  }

  #accounts(): AccountRecord[] {
    return readSavedAccounts(this.options.configDir ?? appConfigDir(this.env));
  }
}

/** The accounts saved in the app's settings file in `configDir`; none when there is no file. */
export function readSavedAccounts(configDir: string): AccountRecord[] {
  const path = join(configDir, SETTINGS_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`cannot read the app's settings (${path}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return sanitizeDocument(raw).document.accounts;
}

/** `--account` wins over the environment when given. */
export function chooseCredentialSource(
  account: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  options: SavedAccountOptions = {},
): CredentialSource {
  return account === undefined ? new EnvCredentialSource(env) : new SavedAccountCredentialSource(account, env, options);
}

/**
 * The core's URL rules (scheme added, `/api/client` and trailing slashes dropped); a URL it
 * refuses is the caller's mistake, so a usage error here rather than a panel error.
 */
export function normalisePanelUrl(raw: string): string {
  try {
    return normalizePanelUrl(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'it is not a valid address';
    throw new UsageError(`${PANEL_URL_ENV} is not usable: ${reason}`);
  }
}
