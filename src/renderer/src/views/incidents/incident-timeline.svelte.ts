/**
 * The timeline's state (issue 14, part 2): the filters, the incidents read so far (newest first,
 * a page at a time), new ones pushed by main as they happen, and the one opened (a notification's).
 */
import type { IncidentFilter, IncidentKindName, IncidentPage, IncidentView } from '../../../../shared/ipc/incidents';
import type { ServerRef } from '../../../../shared/types';
import { errorMessage } from '../../lib/api';

export const SINCE_CHOICES = ['1h', '24h', '7d', '30d', '90d'] as const;
export type SinceChoice = (typeof SINCE_CHOICES)[number];

const HOUR_MS = 60 * 60_000;
export const SINCE_MS: Record<SinceChoice, number> = {
  '1h': HOUR_MS,
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
  '30d': 30 * 24 * HOUR_MS,
  '90d': 90 * 24 * HOUR_MS,
};

/** What the timeline calls in main (window.api's, or a test's). */
export interface TimelineCalls {
  list(filter: IncidentFilter): Promise<IncidentPage>;
  get(id: string): Promise<IncidentView | null>;
}

const sameServer = (a: ServerRef, b: { accountId: string; server: { identifier: string } | null }): boolean =>
  b.server !== null && a.accountId === b.accountId && a.identifier === b.server.identifier;

export class IncidentTimeline {
  incidents = $state<IncidentView[]>([]);
  hasMore = $state(false);
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  failure = $state<string | null>(null);
  isLoadingMore = $state(false);
  /** The filters as applied (the form edits its own copy of `text`). */
  text = $state('');
  kind = $state<IncidentKindName | ''>('');
  /** `accountId/identifier`, or '' for every server (ignored when the server is fixed). */
  server = $state('');
  accountId = $state('');
  since = $state<SinceChoice>('90d');
  openId = $state<string | null>(null);
  /** Set when the incident asked for is no longer kept. */
  isGone = $state(false);
  #generation = 0;

  constructor(
    private readonly calls: TimelineCalls,
    private readonly fixed: () => ServerRef | null,
    private readonly now: () => number = Date.now,
  ) {}

  get isFiltered(): boolean {
    return this.text !== '' || this.kind !== '' || (this.fixed() === null && (this.server !== '' || this.accountId !== '')) || this.since !== '90d';
  }

  /** The server the filters name, fixed or chosen. */
  get serverRef(): ServerRef | null {
    const fixed = this.fixed();
    if (fixed) return fixed;
    const slash = this.server.indexOf('/');
    return slash > 0 ? { accountId: this.server.slice(0, slash), identifier: this.server.slice(slash + 1) } : null;
  }

  filterFor(beforeMs: number | null): IncidentFilter {
    return {
      server: this.serverRef,
      accountId: this.serverRef === null && this.accountId !== '' ? this.accountId : null,
      kinds: this.kind === '' ? [] : [this.kind],
      sinceMs: this.since === '90d' ? null : this.now() - SINCE_MS[this.since],
      text: this.text.trim(),
      beforeMs,
    };
  }

  /** Reads the newest page for the filters as they are. */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    this.status = 'loading';
    try {
      const page = await this.calls.list(this.filterFor(null));
      if (generation !== this.#generation) return;
      this.incidents = page.incidents;
      this.hasMore = page.hasMore;
      this.status = 'ready';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.failure = errorMessage(error);
      this.status = 'failed';
    }
  }

  /** The next page, older than the oldest shown. */
  async more(): Promise<void> {
    const oldest = this.incidents.at(-1);
    if (!oldest || !this.hasMore || this.isLoadingMore) return;
    const generation = this.#generation;
    this.isLoadingMore = true;
    try {
      const page = await this.calls.list(this.filterFor(oldest.at));
      if (generation !== this.#generation) return;
      const shown = this.incidents;
      this.incidents = [...shown, ...page.incidents.filter((i) => !shown.some((s) => s.id === i.id))];
      this.hasMore = page.hasMore;
    } catch (error) {
      this.failure = errorMessage(error);
    } finally {
      this.isLoadingMore = false;
    }
  }

  /** Clears every filter (the fixed server stays) and reads again. */
  async clear(): Promise<void> {
    this.text = '';
    this.kind = '';
    this.server = '';
    this.accountId = '';
    this.since = '90d';
    await this.load();
  }

  /** A new incident from main: shown at the top when the filters would have it. */
  added(incident: IncidentView): void {
    if (this.status !== 'ready' || !this.matches(incident) || this.incidents.some((i) => i.id === incident.id)) return;
    this.incidents = [incident, ...this.incidents].sort((a, b) => b.at - a.at);
  }

  /** Opens one incident (a notification's): read from main when it is not among those shown. */
  async open(id: string): Promise<void> {
    this.isGone = false;
    this.openId = id;
    if (this.incidents.some((i) => i.id === id)) return;
    try {
      const incident = await this.calls.get(id);
      if (incident === null) {
        this.isGone = true;
        return;
      }
      if (!this.incidents.some((i) => i.id === id)) this.incidents = [...this.incidents, incident].sort((a, b) => b.at - a.at);
    } catch (error) {
      this.failure = errorMessage(error);
    }
  }

  toggle(id: string): void {
    this.openId = this.openId === id ? null : id;
  }

  private matches(incident: IncidentView): boolean {
    const filter = this.filterFor(null);
    if (filter.server && !sameServer(filter.server, incident)) return false;
    if (filter.accountId !== null && incident.accountId !== filter.accountId) return false;
    if (filter.kinds.length > 0 && !filter.kinds.includes(incident.kind)) return false;
    if (filter.sinceMs !== null && incident.at < filter.sinceMs) return false;
    const words = [
      incident.title,
      incident.detail,
      incident.accountName,
      incident.server?.name ?? '',
      incident.actor ?? '',
      ...(incident.crash?.lastLines ?? []),
    ]
      .join('\n')
      .toLowerCase();
    return filter.text
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((word) => words.includes(word));
  }
}
