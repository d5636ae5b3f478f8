/**
 * Pterotray's side: the real ServerMonitor with real PanelClients and Wings sockets, set up as
 * the app sets it up (default settings: a quarter of each panel's limit, 30 s poll floor).
 */
import { PanelClient } from '../../src/core/api/client';
import { ServerMonitor, type MonitorAccount } from '../../src/core/monitor';
import type { CachedAccount } from '../../src/core/monitor/state-cache';
import { DEFAULT_SETTINGS } from '../../src/core/settings/schema';
import type { Disposer } from '../../src/core/util/deps';
import { keyOf, type SeenListener, type SeenState, type WatchedServer, type Watcher } from './watcher';

/** A panel to watch: where it is and its key (kept inside the client, as in the app). */
export interface MonitoredPanel {
  url: string;
  apiKey: string;
}

export const accountId = (panel: number): string => `panel-${panel}`;
const panelOf = (id: string): number => Number(id.slice('panel-'.length));

/** The ServerMonitor as a Watcher. */
export class MonitorWatcher implements Watcher {
  readonly name = 'Pterotray monitor';
  readonly monitor: ServerMonitor;
  private readonly accounts: MonitorAccount[];
  private readonly listeners = new Set<SeenListener>();
  private readonly offs: Disposer[] = [];
  private seen = new Map<string, SeenState>();

  constructor(
    panels: readonly MonitoredPanel[],
    private readonly expectedServers: number,
  ) {
    this.accounts = panels.map((panel, index) => ({ id: accountId(index), name: `Bench panel ${index + 1}`, url: panel.url, keyStorage: 'session' }));
    this.monitor = new ServerMonitor({
      createClient: async (account) => {
        const panel = panels[panelOf(account.id)];
        if (!panel) throw new Error(`no panel for ${account.id}`);
        return new PanelClient({ url: panel.url, apiKey: panel.apiKey });
      },
      settings: () => ({ ...DEFAULT_SETTINGS.monitor, rules: DEFAULT_SETTINGS.notifications }),
    });
  }

  /** Starts watching; `lastStates` is what the app would have kept on disk from its last run. */
  start(lastStates?: Readonly<Record<string, CachedAccount>>): void {
    this.offs.push(
      this.monitor.on('changed', () => this.refreshSeen('changed')),
      this.monitor.on('event', (event) => {
        if (event.type !== 'state') return;
        const server = { panel: panelOf(event.server.accountId), identifier: event.server.identifier };
        this.emit(server, event.to, 'event');
      }),
    );
    this.monitor.setAccounts(this.accounts);
    if (lastStates) this.monitor.seed(lastStates);
    this.monitor.start();
  }

  /** Every server listed, known, and followed live by its socket. */
  isReady(): boolean {
    const views = this.monitor.servers();
    const accountsReady = this.monitor.accounts().every((a) => a.status === 'ok' && a.username !== null);
    return accountsReady && views.length >= this.expectedServers && views.every((v) => v.isLive && v.state !== 'unknown');
  }

  stateOf(server: WatchedServer): SeenState {
    return this.seen.get(keyOf(server)) ?? 'unknown';
  }

  isFollowed(server: WatchedServer): boolean {
    return this.monitor.watchModeOf({ accountId: accountId(server.panel), identifier: server.identifier }) === 'followed';
  }

  onSeen(listener: SeenListener): Disposer {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.listeners.clear();
    this.monitor.dispose();
  }

  /** On `changed`: what the views show now, passed on where it differs from what was seen. */
  private refreshSeen(via: string): void {
    const next = new Map<string, SeenState>();
    for (const view of this.monitor.servers()) next.set(`${panelOf(view.accountId)}/${view.identifier}`, view.state);
    const before = this.seen;
    this.seen = next;
    for (const [key, state] of next) {
      if (before.get(key) === state) continue;
      const slash = key.indexOf('/');
      this.emit({ panel: Number(key.slice(0, slash)), identifier: key.slice(slash + 1) }, state, via);
    }
  }

  private emit(server: WatchedServer, state: SeenState, via: string): void {
    for (const listener of this.listeners) listener(server, state, via);
  }
}
