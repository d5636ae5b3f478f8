/**
 * One PanelClient per account, shared by the monitor, the file manager and the console, so the
 * per-panel scheduler sees every request to that panel (the rate limit is per user, not per caller).
 */
import { PanelClient, type PanelClientOptions } from '../../core/api/client';
import type { AccountService } from '../../core/accounts/account-service';
import type { ServerMonitorOptions } from '../../core/monitor';

export class ClientPool {
  readonly #accounts: AccountService;
  readonly #options: PanelClientOptions;
  readonly #clients = new Map<string, Promise<PanelClient>>();
  /** The settled client of each entry in #clients, to tell the current one from a replaced one. */
  readonly #settled = new Map<string, PanelClient>();

  constructor(accounts: AccountService, options: PanelClientOptions = {}) {
    this.#accounts = accounts;
    this.#options = options;
  }

  /** The account's client, created on first use with the key read from its store. */
  get(accountId: string): Promise<PanelClient> {
    const existing = this.#clients.get(accountId);
    if (existing) return existing;
    const created = this.#accounts.connection(accountId).then((conn) => new PanelClient(conn, this.#options));
    this.#clients.set(accountId, created);
    created.then(
      (settled) => {
        if (this.#clients.get(accountId) === created) this.#settled.set(accountId, settled);
      },
      // A failed creation (no key) must not stick: the next call tries again.
      () => {
        if (this.#clients.get(accountId) === created) this.#clients.delete(accountId);
      },
    );
    return created;
  }

  /** Drops an account's client (removed account, new key). */
  forget(accountId: string): void {
    const client = this.#clients.get(accountId);
    this.#clients.delete(accountId);
    this.#settled.delete(accountId);
    void client?.then((c) => c.dispose()).catch(() => {});
  }

  /**
   * A caller is done with `client` because the panel refused its key: drop it, so the next `get`
   * reads the key from the store again. Only that client: if the pool already holds a newer one
   * (another caller released first), it stays.
   */
  release(accountId: string, client: object): void {
    if (this.#settled.get(accountId) === client) this.forget(accountId);
  }

  /**
   * How the monitor borrows the pool's clients: it shares them with the window's calls, and gives
   * one back (never disposes it under the others) when the panel refuses its key.
   */
  forMonitor(): Pick<ServerMonitorOptions, 'createClient' | 'releaseClient'> {
    return {
      createClient: (account) => this.get(account.id),
      releaseClient: (account, client) => this.release(account.id, client),
    };
  }

  dispose(): void {
    for (const id of [...this.#clients.keys()]) this.forget(id);
  }
}
