/**
 * The baseline: what the panel's own dashboard does (pterodactyl-api.md §6, ServerRow.tsx). Each
 * row asks `GET /servers/{uuid}/resources` as soon as it mounts, then every 30 s, whatever the
 * answer; it has no websocket. Built on PanelClient, set up like a browser tab: no retries and
 * six requests at once per host (the browser's HTTP/1.1 limit).
 */
import type { ClientApi } from '../../src/core/api/client-types';
import { systemClock, type Clock, type Disposer } from '../../src/core/util/deps';
import { keyOf, type SeenListener, type SeenState, type WatchedServer, type Watcher } from './watcher';

/** The dashboard's polling period. */
export const DASHBOARD_POLL_MS = 30_000;

/** A panel the dashboard shows. */
export interface DashboardPanel {
  /** Only resources are asked: a PanelClient, or a browser tab's plain fetch (bench/startup). */
  client: Pick<ClientApi, 'getResources'>;
  identifiers: readonly string[];
}

/** How to build the poller; the clock is injectable for tests. */
export interface DashboardPollerOptions {
  panels: readonly DashboardPanel[];
  pollMs?: number;
  clock?: Clock;
}

/** One row: its timer and what it last saw. */
interface Row {
  server: WatchedServer;
  client: Pick<ClientApi, 'getResources'>;
  state: SeenState;
  timer: unknown;
  nextAtMs: number;
}

/** The panel dashboard's polling, as a Watcher. */
export class DashboardPoller implements Watcher {
  readonly name = 'panel dashboard (baseline)';
  private readonly rows: Row[];
  private readonly clock: Clock;
  private readonly pollMs: number;
  private readonly listeners = new Set<SeenListener>();
  private readonly byKey: Map<string, Row>;
  private isDisposed = false;

  constructor(options: DashboardPollerOptions) {
    this.clock = options.clock ?? systemClock;
    this.pollMs = options.pollMs ?? DASHBOARD_POLL_MS;
    this.rows = options.panels.flatMap((panel, index) =>
      panel.identifiers.map((identifier) => ({
        server: { panel: index, identifier },
        client: panel.client,
        state: 'unknown' as SeenState,
        timer: null,
        nextAtMs: 0,
      })),
    );
    this.byKey = new Map(this.rows.map((row) => [keyOf(row.server), row]));
  }

  /** Every row polls now, then every `pollMs` (like setInterval: no drift). */
  start(): void {
    const now = this.clock.now();
    for (const row of this.rows) {
      row.nextAtMs = now;
      this.poll(row);
    }
  }

  isReady(): boolean {
    return this.rows.every((row) => row.state !== 'unknown');
  }

  stateOf(server: WatchedServer): SeenState {
    return this.byKey.get(keyOf(server))?.state ?? 'unknown';
  }

  /** The dashboard follows nothing live: every change waits for the next poll. */
  isFollowed(): boolean {
    return false;
  }

  onSeen(listener: SeenListener): Disposer {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.isDisposed = true;
    for (const row of this.rows) if (row.timer !== null) this.clock.clearTimeout(row.timer);
    this.listeners.clear();
  }

  private poll(row: Row): void {
    if (this.isDisposed) return;
    row.nextAtMs += this.pollMs;
    row.timer = this.clock.setTimeout(() => this.poll(row), Math.max(0, row.nextAtMs - this.clock.now()));
    row.client.getResources(row.server.identifier, { priority: 'background' }).then(
      (resources) => this.see(row, resources.state),
      // The dashboard shows "Unavailable" and keeps its timer; the sim's log counts the failure.
      () => {},
    );
  }

  private see(row: Row, state: SeenState): void {
    if (this.isDisposed) return;
    row.state = state;
    for (const listener of this.listeners) listener(row.server, state, 'poll');
  }
}
