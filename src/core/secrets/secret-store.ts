/**
 * Where API keys live. The app and the CLI only ever hold a SecretStore; the backend (the OS
 * keychain through keytar, or memory for this session) can change in one file (house style rule 5).
 */

import { CoreError } from '../util/core-error';

/** Why the keychain cannot be used, in words a person can act on. */
export class SecretStoreUnavailableError extends CoreError {
  readonly kind = 'keychain-unavailable';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'SecretStoreUnavailableError';
  }
}

/** A place for API keys, keyed by account id. Implementations never log what they hold. */
export interface SecretStore {
  /** `keychain` persists across runs; `session` forgets everything when the process ends. */
  readonly kind: 'keychain' | 'session';
  /** Resolves when the backend works; rejects with SecretStoreUnavailableError otherwise. */
  probe(): Promise<void>;
  get(accountId: string): Promise<string | null>;
  set(accountId: string, secret: string): Promise<void>;
  /** Resolves true when something was deleted. */
  delete(accountId: string): Promise<boolean>;
  /** The account ids that have a secret stored. */
  list(): Promise<string[]>;
}

/** Keeps keys in memory for this process only: the fallback when no keychain is available. */
export class SessionSecretStore implements SecretStore {
  readonly kind = 'session' as const;
  readonly #secrets = new Map<string, string>();

  async probe(): Promise<void> {}

  async get(accountId: string): Promise<string | null> {
    return this.#secrets.get(accountId) ?? null;
  }

  async set(accountId: string, secret: string): Promise<void> {
    this.#secrets.set(accountId, secret);
  }

  async delete(accountId: string): Promise<boolean> {
    return this.#secrets.delete(accountId);
  }

  async list(): Promise<string[]> {
    return [...this.#secrets.keys()];
  }
}
