/**
 * The dashboard's 24-hour line per server (issue 14): uptime and an hourly CPU sparkline from the
 * history on disk, read for every listed server when the list changes and again every minute.
 * Best effort: a failed read keeps what was shown and tries again at the next turn.
 */
import type { Api } from '../../../../shared/ipc-contract';
import type { ServerHistorySummary } from '../../../../shared/ipc/history';
import type { ServerRef } from '../../../../shared/types';
import { serverKey } from './server-list';

/** New rollups land in the history every minute at most. */
export const SUMMARY_REFRESH_MS = 60_000;

export class HistorySummaries {
  /** By `accountId/identifier`. Replaced, never mutated. */
  byKey = $state.raw<Readonly<Record<string, ServerHistorySummary>>>({});
  #request = 0;

  constructor(private readonly api: Pick<Api, 'historySummaries'>) {}

  async load(refs: readonly ServerRef[]): Promise<void> {
    const request = ++this.#request;
    try {
      const answer = await this.api.historySummaries({ servers: refs.map((r) => ({ accountId: r.accountId, identifier: r.identifier })) });
      if (request !== this.#request) return;
      this.byKey = Object.fromEntries(answer.map((s) => [serverKey(s.server), s]));
    } catch {
      // The rows still show their live numbers; the next turn tries again.
    }
  }
}
