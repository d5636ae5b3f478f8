/**
 * The Stats tab's ranges and uptime (issue 14): which range is shown (live is the window's own
 * samples, the others come from the history on disk), the series of that range, the uptime per
 * day or week, and the CSV export. Answers to an older request than the newest are dropped, so
 * clicking through ranges never shows one range under another's name.
 */
import type { Api } from '../../../../../shared/ipc-contract';
import { STORED_RANGES, type HistorySeriesView, type StoredRange, type UptimeBucketView, type UptimePer } from '../../../../../shared/ipc/history';
import type { ServerRef } from '../../../../../shared/types';
import { errorMessage } from '../../../lib/api';

export type StatsRange = 'live' | StoredRange;
export const STATS_RANGES: readonly StatsRange[] = ['live', ...STORED_RANGES];

type Status = 'idle' | 'loading' | 'ready' | 'failed';
export type HistoryApi = Pick<Api, 'historySeries' | 'historyUptime' | 'historyExportCsv'>;

/** What the last export did, for the line beside its button. */
export type ExportResult = { kind: 'saved'; fileName: string } | { kind: 'failed'; message: string } | null;

export class HistoryView {
  range = $state<StatsRange>('live');
  series = $state.raw<HistorySeriesView | null>(null);
  status = $state<Status>('idle');
  error = $state<string | null>(null);

  uptimePer = $state<UptimePer>('day');
  uptime = $state.raw<UptimeBucketView[]>([]);
  uptimeStatus = $state<Status>('idle');
  uptimeError = $state<string | null>(null);

  isExporting = $state(false);
  exportResult = $state<ExportResult>(null);

  #seriesRequest = 0;
  #seriesRange: StoredRange | null = null;
  #uptimeRequest = 0;

  constructor(
    private readonly api: HistoryApi,
    private readonly ref: ServerRef,
  ) {}

  /** The range a CSV export saves: live has no file of its own, so its hour. */
  get exportRange(): StoredRange {
    return this.range === 'live' ? '1h' : this.range;
  }

  /** Shows a range; a stored one is read (again) from disk. */
  async choose(range: StatsRange): Promise<void> {
    this.range = range;
    this.exportResult = null;
    if (range === 'live') {
      this.#seriesRequest++;
      this.series = null;
      this.status = 'idle';
      return;
    }
    await this.reload();
  }

  /** Reads the shown stored range again (a retry, or to take in what was written since). */
  async reload(): Promise<void> {
    const range = this.range;
    if (range === 'live') return;
    const request = ++this.#seriesRequest;
    // The chart of the range already shown stays while it refreshes; another range's never does.
    if (this.series === null || this.status !== 'ready' || this.#seriesRange !== range) {
      this.series = null;
      this.status = 'loading';
    }
    this.error = null;
    try {
      const series = await this.api.historySeries({ server: { ...this.ref }, range });
      if (request !== this.#seriesRequest) return;
      this.series = series;
      this.#seriesRange = range;
      this.status = 'ready';
    } catch (error) {
      if (request !== this.#seriesRequest) return;
      this.status = 'failed';
      this.error = errorMessage(error);
    }
  }

  /** Groups the uptime per day or per week. */
  async chooseUptime(per: UptimePer): Promise<void> {
    this.uptimePer = per;
    await this.loadUptime();
  }

  async loadUptime(): Promise<void> {
    const request = ++this.#uptimeRequest;
    const per = this.uptimePer;
    this.uptimeStatus = 'loading';
    this.uptimeError = null;
    try {
      const buckets = await this.api.historyUptime({ server: { ...this.ref }, per });
      if (request !== this.#uptimeRequest) return;
      // An answer that is not a list (a window.api stub in a test of another tab) shows as nothing seen.
      this.uptime = Array.isArray(buckets) ? buckets : [];
      this.uptimeStatus = 'ready';
    } catch (error) {
      if (request !== this.#uptimeRequest) return;
      this.uptimeStatus = 'failed';
      this.uptimeError = errorMessage(error);
    }
  }

  /** Main asks where to save and writes the file; a cancelled dialog says nothing. */
  async exportCsv(): Promise<void> {
    if (this.isExporting) return;
    this.isExporting = true;
    this.exportResult = null;
    try {
      const saved = await this.api.historyExportCsv({ server: { ...this.ref }, range: this.exportRange });
      this.exportResult = saved ? { kind: 'saved', fileName: saved.fileName } : null;
    } catch (error) {
      this.exportResult = { kind: 'failed', message: errorMessage(error) };
    } finally {
      this.isExporting = false;
    }
  }
}
