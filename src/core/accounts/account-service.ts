/**
 * The panels a person has added. Records (no keys) persist through an injected repository; keys go
 * to the keychain, or to memory for this session when no keychain exists and the person agreed.
 */
import { randomUUID } from 'node:crypto';
import type { ClientApi, PanelConnection } from '../api/client-types';
import { SecretStoreUnavailableError, type SecretStore } from '../secrets/secret-store';
import { checkAccount, type AccountCheckResult } from './check-key';
import { isPlainNetworkAddress } from '../../shared/transport';
import { CoreError } from '../util/core-error';
import type { CoreErrorKind } from '../../shared/error-kinds';

/** What is kept of an account outside the keychain. Never holds the key. */
export interface AccountRecord {
  id: string;
  name: string;
  url: string;
  username: string | null;
  keyStorage: 'keychain' | 'session';
  isDemo: boolean;
  /**
   * The person chose to use this panel over plain http off this machine (src/shared/transport.ts):
   * the lasting mark the window shows on the account. False for https and loopback panels.
   */
  allowsPlainHttp: boolean;
}

/** Where account records persist (electron-store in the app, a JSON file for the CLI). */
export interface AccountRepository {
  load(): AccountRecord[];
  save(records: AccountRecord[]): void;
}

export type AccountServiceProblem = 'keychain-unavailable' | 'unknown-account' | 'key-missing' | 'invalid-name';

/** A failure of the account service itself (the panel's own problems are AccountCheckErrors). */
/** The kind each problem has for the rest of the app. */
const SERVICE_KINDS: Record<AccountServiceProblem, CoreErrorKind> = {
  'keychain-unavailable': 'keychain-unavailable',
  'unknown-account': 'unknown-account',
  'key-missing': 'auth',
  'invalid-name': 'invalid-argument',
};

export class AccountServiceError extends CoreError {
  readonly kind: CoreErrorKind;
  readonly problem: AccountServiceProblem;
  constructor(problem: AccountServiceProblem, message: string) {
    super(message, { reason: problem });
    this.name = 'AccountServiceError';
    this.kind = SERVICE_KINDS[problem];
    this.problem = problem;
  }
}

export interface AccountServiceOptions {
  repository: AccountRepository;
  keychain: SecretStore;
  /** Keys kept for this session only: never written anywhere. */
  session: SecretStore;
  createClient: (conn: PanelConnection) => ClientApi & { dispose?(): void };
  newId?: () => string;
}

export interface AddAccountOptions {
  url: string;
  name: string;
  apiKey: string;
  sessionOnly?: boolean;
  isDemo?: boolean;
  /** The person chose to send the key over plain http to a panel not on this machine. */
  allowPlainHttp?: boolean;
}

function cleanName(name: string, fallback: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length > 80) throw new AccountServiceError('invalid-name', 'Keep the name under 80 characters.');
  return trimmed || fallback;
}

/** Adds, renames and removes accounts, and hands out connections with their keys. */
export class AccountService {
  readonly #options: AccountServiceOptions;
  /** Session-only and demo accounts live here and are never persisted. */
  #ephemeral: AccountRecord[] = [];
  readonly #listeners = new Set<(records: AccountRecord[]) => void>();

  constructor(options: AccountServiceOptions) {
    this.#options = options;
  }

  /** Every account: saved ones first, then this session's. */
  list(): AccountRecord[] {
    return [...this.#options.repository.load(), ...this.#ephemeral];
  }

  get(accountId: string): AccountRecord {
    const record = this.list().find((r) => r.id === accountId);
    if (!record) throw new AccountServiceError('unknown-account', 'That panel is no longer configured. Refresh the list.');
    return record;
  }

  /** Calls `listener` after every change; returns the unsubscribe. */
  onChange(listener: (records: AccountRecord[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Checks the key with the panel, then stores it; throws AccountCheckError or AccountServiceError. */
  async add(options: AddAccountOptions): Promise<AccountRecord> {
    const allowPlainHttp = options.allowPlainHttp === true;
    const checked = await checkAccount({ url: options.url, apiKey: options.apiKey, allowPlainHttp }, this.#options.createClient);
    const id = (this.#options.newId ?? randomUUID)();
    const sessionOnly = options.sessionOnly === true || options.isDemo === true;
    const record: AccountRecord = {
      id,
      name: cleanName(options.name, new URL(checked.url).host),
      url: checked.url,
      username: checked.username,
      keyStorage: sessionOnly ? 'session' : 'keychain',
      isDemo: options.isDemo === true,
      // Only a plain panel off this machine carries the mark; choosing it for https means nothing.
      allowsPlainHttp: allowPlainHttp && isPlainNetworkAddress(checked.url),
    };
    await this.#storeKey(record, options.apiKey.trim());
    if (sessionOnly) this.#ephemeral = [...this.#ephemeral, record];
    else this.#options.repository.save([...this.#options.repository.load(), record]);
    this.#emit();
    return record;
  }

  /** Checks a URL and key without saving anything. */
  check(url: string, apiKey: string, allowPlainHttp = false): Promise<AccountCheckResult> {
    return checkAccount({ url, apiKey, allowPlainHttp }, this.#options.createClient);
  }

  rename(accountId: string, name: string): AccountRecord {
    const current = this.get(accountId);
    const renamed = { ...current, name: cleanName(name, current.name) };
    this.#replace(renamed);
    this.#emit();
    return renamed;
  }

  async remove(accountId: string): Promise<void> {
    const record = this.get(accountId);
    await this.#store(record)
      .delete(accountId)
      .catch(() => false);
    this.#ephemeral = this.#ephemeral.filter((r) => r.id !== accountId);
    this.#options.repository.save(this.#options.repository.load().filter((r) => r.id !== accountId));
    this.#emit();
  }

  /** The account's URL and key, for a client. The key stays in main. */
  async connection(accountId: string): Promise<PanelConnection> {
    const record = this.get(accountId);
    const apiKey = await this.#store(record).get(accountId);
    if (apiKey === null) {
      throw new AccountServiceError('key-missing', `The key for ${record.name} is not in the keychain any more. Add the panel again with a new key.`);
    }
    return { url: record.url, apiKey, allowPlainHttp: record.allowsPlainHttp };
  }

  #store(record: AccountRecord): SecretStore {
    return record.keyStorage === 'session' ? this.#options.session : this.#options.keychain;
  }

  async #storeKey(record: AccountRecord, apiKey: string): Promise<void> {
    try {
      await this.#store(record).set(record.id, apiKey);
    } catch (error) {
      if (!(error instanceof SecretStoreUnavailableError)) throw error;
      throw new AccountServiceError(
        'keychain-unavailable',
        `${error.message} Pterotray never writes keys to disk in plain text: you can keep this key for this session only.`,
      );
    }
  }

  #replace(record: AccountRecord): void {
    if (this.#ephemeral.some((r) => r.id === record.id)) {
      this.#ephemeral = this.#ephemeral.map((r) => (r.id === record.id ? record : r));
    } else {
      this.#options.repository.save(this.#options.repository.load().map((r) => (r.id === record.id ? record : r)));
    }
  }

  #emit(): void {
    const records = this.list();
    for (const listener of this.#listeners) listener(records);
  }
}
