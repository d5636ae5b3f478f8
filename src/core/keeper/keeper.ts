/**
 * What the monitor leaves behind (issue 14): the history today, the incident timeline and the
 * alert channels once they land, composed once for the app's main process and for
 * `pterotray daemon`, so the two keep the same records of the same monitor. The caller owns the
 * monitor and the database: it opens them before and closes them after `dispose()`.
 */
import { recordHistory, type HistorySource } from '../history/history-recorder';
import { HistoryStore } from '../history/history-store';
import type { Database } from '../store/database';
import type { Clock, Disposer, Logger } from '../util/deps';
import type { IncidentKind } from '../incidents/types';
// ── incidents (issue 14) ──
// ── alerts (issue 14) ──

/**
 * An alert channel given by the daemon's config file, its secrets already read (from the
 * environment or a 0600 file). The app's own channels come from its settings and keychain.
 */
export interface KeeperChannel {
  type: 'discord' | 'slack' | 'ntfy' | 'webhook';
  name: string;
  rules?: { accounts?: string[]; servers?: string[]; kinds?: IncidentKind[] };
  /** Local times `HH:MM`; `from` after `to` spans midnight. */
  quietHours?: { from: string; to: string };
  /** discord, slack, webhook: the webhook URL (a secret). */
  url?: string;
  /** webhook: the HMAC-SHA256 signing secret. */
  secret?: string;
  /** ntfy: its server, topic and auth (a token, or a user and password). */
  server?: string;
  topic?: string;
  token?: string;
  user?: string;
  password?: string;
}

/** What the keeper needs of the monitor; ServerMonitor has it. */
export type KeeperMonitor = HistorySource;

export interface KeeperOptions {
  monitor: KeeperMonitor;
  /** The store, opened with every module of STORE_MODULES (src/core/store/modules.ts). */
  db: Database;
  clock: Clock;
  logger: Logger;
  /**
   * The daemon's channels from its config file; absent: the app's own (its settings and
   * keychain), as the alerts read them.
   */
  channels?: readonly KeeperChannel[];
}

/** The running keeper. */
export interface Keeper {
  history: HistoryStore;
  /** The daemon's config was reloaded: its channels from now on (null: the app's own). */
  setChannels(channels: readonly KeeperChannel[] | null): void;
  /** Stops every recorder and writes what is buffered; the caller closes the db after. */
  dispose(): void;
}

/** Starts recording the monitor into the store. */
export function startKeeper(options: KeeperOptions): Keeper {
  const { monitor, db, clock, logger } = options;
  const history = new HistoryStore(db, { clock, logger });
  const stops: Disposer[] = [recordHistory(monitor, history, () => clock.now())];
  // ── incidents (issue 14) ──
  // ── alerts (issue 14) ──
  let isDisposed = false;
  return {
    history,
    setChannels: (channels) => {
      if (isDisposed) return;
      // ── alerts (issue 14) ── the dispatcher takes the new channels; a channel's queue outlives a reload.
      void channels;
    },
    dispose: () => {
      if (isDisposed) return;
      isDisposed = true;
      // Recorders first (last in, first out), so nothing is recorded into a store being flushed.
      for (const stop of stops.reverse()) stop();
      // ── incidents (issue 14) ──
      // ── alerts (issue 14) ──
      history.dispose(); // Writes what is buffered, and marks every state unknown from now.
    },
  };
}
