/**
 * The panel dashboard's HTTP as a browser tab does it: `fetch` with the session's credentials, six
 * requests at once per host (HTTP/1.1), no retries and no notion of a rate limit, so past the
 * limit a row's request simply gets 429 (the panel's React dashboard, ServerRow.tsx, shows the
 * row as unavailable and polls again 30 s later). Only what the dashboard poller calls.
 */
import { normalizeResources } from '../../src/core/api/normalize/resources';
import type { ServerResources } from '../../src/core/api/models';

const PER_HOST = 6;

export class BrowserTab {
  private running = 0;
  private readonly queue: Array<() => void> = [];
  /** Answers by status, for the notes. */
  readonly statuses = new Map<number, number>();

  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {}

  async getResources(identifier: string): Promise<ServerResources> {
    await this.slot();
    try {
      const response = await fetch(`${this.url}/api/client/servers/${encodeURIComponent(identifier)}/resources`, {
        headers: { Accept: 'application/json', Authorization: `Bearer ${this.apiKey}` },
      });
      this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return normalizeResources(await response.json());
    } finally {
      this.running -= 1;
      this.queue.shift()?.();
    }
  }

  private slot(): Promise<void> {
    if (this.running < PER_HOST) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.queue.push(() => {
        this.running += 1;
        resolve();
      }),
    );
  }
}
