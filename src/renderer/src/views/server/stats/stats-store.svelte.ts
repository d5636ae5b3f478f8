/**
 * One server's stats as the Stats tab shows them: the history main keeps (loaded once) followed
 * by the samples main pushes, bounded to STATS_POINTS. While the server is offline the charts are
 * cleared, as the panel does, and pushed samples (Wings' zeroed snapshot) are ignored.
 */
import { appendSample, mergeSamples, STATS_POINTS } from './samples';
import type { StatsSample } from '../../../../../shared/types';

export type HistoryStatus = 'loading' | 'ready' | 'failed';

export class StatsStore {
  /** Replaced, never mutated: the charts take a new array per change. */
  samples = $state.raw<StatsSample[]>([]);
  status = $state<HistoryStatus>('loading');
  error = $state<string | null>(null);
  isOffline = $state(false);
  readonly latest = $derived(this.samples.at(-1) ?? null);

  // Samples pushed while the history loads; merged after it so nothing arrives out of order.
  #early: StatsSample[] = [];

  constructor(private readonly capacity = STATS_POINTS) {}

  /** A sample main pushed for this server. */
  push(sample: StatsSample): void {
    if (this.isOffline) return;
    if (this.status === 'loading') this.#early = appendSample(this.#early, sample, this.capacity);
    else this.samples = appendSample(this.samples, sample, this.capacity);
  }

  /** Starts (or restarts) a history load. */
  beginLoad(): void {
    this.status = 'loading';
    this.error = null;
    this.#early = this.samples;
  }

  /** The history main answered with. */
  loaded(history: readonly StatsSample[]): void {
    const merged = mergeSamples(history, this.#early, this.capacity);
    this.#early = [];
    this.status = 'ready';
    this.samples = this.isOffline ? [] : merged;
  }

  /** The history could not be loaded; pushed samples still show. */
  failed(message: string): void {
    this.status = 'failed';
    this.error = message;
    this.samples = this.isOffline ? [] : this.#early;
    this.#early = [];
  }

  /** The server went offline (clears the charts) or came back (accepts samples again). */
  setOffline(isOffline: boolean): void {
    if (isOffline === this.isOffline) return;
    this.isOffline = isOffline;
    if (isOffline) {
      this.samples = [];
      this.#early = [];
    }
  }
}
