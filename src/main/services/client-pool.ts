/**
 * One PanelClient per account, shared by the monitor, the file manager and the console, so the
 * per-panel scheduler sees every request to that panel (the rate limit is per user, not per caller).
 */
import { PanelClient, type PanelClientOptions } from '../../core/api/client';
import type { AccountService } from '../../core/accounts/account-service';

export class ClientPool {
  readonly #accounts: AccountService;
  readonly #options: PanelClientOptions;
  readonly #clients = new Map<string, Promise<PanelClient>>();

  constructor(accounts: AccountService, options: PanelClientOptions = {}) {
    this.#accounts = accounts;
    this.#options = options;
  }

  /** The account's client, created on first use with the key read from its store. */
  get(accountId: string): Promise<PanelClient> {
    let client = this.#clients.get(accountId);
    if (!client) {
      client = this.#accounts.connection(accountId).then((conn) => new PanelClient(conn, this.#options));
      // A failed creation (no key) must not stick: the next call tries again.
      client.catch(() => this.#clients.delete(accountId));
      this.#clients.set(accountId, client);
    }
    return client;
  }

  /** Drops an account's client (removed account, new key). */
  forget(accountId: string): void {
    const client = this.#clients.get(accountId);
    this.#clients.delete(accountId);
    void client?.then((c) => c.dispose()).catch(() => {});
  }

  dispose(): void {
    for (const id of [...this.#clients.keys()]) this.forget(id);
  }
}
