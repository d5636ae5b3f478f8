import { SecretStoreUnavailableError, type SecretStore } from './secret-store';

/** The slice of keytar this store uses, so a build without the native module can still type-check. */
export interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** The keychain service name every Pterotray key is stored under. */
export const KEYCHAIN_SERVICE = 'pterotray';

/** Options of KeytarSecretStore. */
export interface KeytarSecretStoreOptions {
  /** Defaults to `pterotray`; tests use their own so they never touch a user's keys. */
  service?: string;
  /** Loads keytar; injectable because it is a native module that may be missing or unbuildable. */
  loadKeytar?: () => Promise<KeytarModule>;
}

/**
 * keytar 7.9 is an N-API module (its package.json: binary.napi_versions [3], prebuilds with
 * `-r napi`), so the build npm made for Node loads in Electron's main process unchanged: no
 * rebuild for Electron's ABI, no Electron headers, no C++ toolchain at `npm start`.
 */
async function importKeytar(): Promise<KeytarModule> {
  const mod = (await import('keytar')) as KeytarModule & { default?: KeytarModule };
  return mod.default ?? mod;
}

/** Explains a keytar failure without echoing anything it was given. */
function unavailable(error: unknown): SecretStoreUnavailableError {
  const raw = error instanceof Error ? error.message : String(error);
  const hint = /D-Bus|dbus|org\.freedesktop\.secrets|Could not connect|autolaunch/i.test(raw)
    ? 'No Secret Service is running (install and unlock GNOME Keyring or KWallet).'
    : 'The system keychain could not be used.';
  return new SecretStoreUnavailableError(`${hint} (${raw})`, { cause: error });
}

/** API keys in the OS keychain (macOS Keychain, Windows Credential Vault, Secret Service). */
export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  readonly #service: string;
  readonly #load: () => Promise<KeytarModule>;
  #keytar: Promise<KeytarModule> | undefined;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.#service = options.service ?? KEYCHAIN_SERVICE;
    this.#load = options.loadKeytar ?? importKeytar;
  }

  async probe(): Promise<void> {
    // A read of an entry that never exists exercises the whole path to the Secret Service.
    await this.#call((k) => k.getPassword(this.#service, '__pterotray_probe__'));
  }

  get(accountId: string): Promise<string | null> {
    return this.#call((k) => k.getPassword(this.#service, accountId));
  }

  set(accountId: string, secret: string): Promise<void> {
    return this.#call((k) => k.setPassword(this.#service, accountId, secret));
  }

  delete(accountId: string): Promise<boolean> {
    return this.#call((k) => k.deletePassword(this.#service, accountId));
  }

  async list(): Promise<string[]> {
    const found = await this.#call((k) => k.findCredentials(this.#service));
    return found.map((c) => c.account);
  }

  async #call<T>(fn: (k: KeytarModule) => Promise<T>): Promise<T> {
    let keytar: KeytarModule;
    try {
      this.#keytar ??= this.#load();
      keytar = await this.#keytar;
    } catch (error) {
      this.#keytar = undefined;
      throw new SecretStoreUnavailableError('The keychain module (keytar) could not be loaded.', { cause: error });
    }
    try {
      return await fn(keytar);
    } catch (error) {
      throw unavailable(error);
    }
  }
}
