/**
 * The built-in demo panel: the simulated Pterodactyl panel started in-process on 127.0.0.1, added
 * as a session-only account. Started on request (onboarding's "try the demo"), or at launch with
 * PTEROTRAY_DEMO=1 when no panel is configured (`npm run demo`).
 */
import type { AccountRecord, AccountService } from '../core/accounts/account-service';
import type { Logger } from '../core/util/deps';
import { startSimPanel, type SimPanel } from '../sim';

export class DemoPanel {
  #sim: Promise<SimPanel> | null = null;
  #account: AccountRecord | null = null;

  constructor(
    private readonly accounts: AccountService,
    private readonly logger: Logger,
  ) {}

  /** Starts the demo once; later calls return the same account. */
  async start(): Promise<AccountRecord> {
    if (this.#account && this.accounts.list().some((a) => a.id === this.#account?.id)) return this.#account;
    this.#sim ??= startSimPanel({ servers: 8, seed: 7 });
    const sim = await this.#sim;
    this.#account = await this.accounts.add({ url: sim.url, name: 'Demo panel', apiKey: sim.apiKey, isDemo: true });
    this.logger.info('demo: simulated panel started', { url: sim.url });
    return this.#account;
  }

  async dispose(): Promise<void> {
    const sim = this.#sim;
    this.#sim = null;
    if (sim) await (await sim).close();
  }
}
