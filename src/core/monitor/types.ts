/**
 * The monitor's public vocabulary: its options, the socket shape it needs, and the events it
 * emits. Kept apart from the classes so main and the tests can import types only.
 */
import type { ClientApi } from '../api/client-types';
import type { PowerSignal } from '../api/models';
import type { Attention } from './attention';
import type { NotifiableEvent } from '../rules/notification-policy';
import type { Clock, Disposer, Logger } from '../util/deps';
import type { BackupCompleted, WingsSocket, WingsSocketOptions } from '../wings';
import type { ConsoleConnection, ConsoleLine, ServerRef, Settings, StatsSample } from '../../shared/types';

/** A panel to watch. The key is not here: `createClient` fetches it and keeps it inside the client. */
export interface MonitorAccount {
  id: string;
  name: string;
  url: string;
  /** Shown in AccountView; defaults to `keychain`. */
  keyStorage?: 'keychain' | 'session';
  /** Shown in AccountView; defaults to false. */
  isDemo?: boolean;
  /** Shown in AccountView ("Not encrypted"); defaults to false. */
  allowsPlainHttp?: boolean;
}

/** A panel client as the monitor uses it; released (by default: disposed) when the monitor is done with it. */
export type MonitorClient = ClientApi & { dispose?(): void };

/** What the monitor needs of a Wings socket; `WingsSocket` has it, test doubles imitate it. */
export type WingsSocketLike = Pick<WingsSocket, 'state' | 'canDeliver' | 'on' | 'connect' | 'retryNow' | 'dispose' | 'setState' | 'sendCommand' | 'sendStats'>;

/** The settings the monitor reads, each time it needs them (so changes apply without a restart). */
export type MonitorSettings = Settings['monitor'] & { rules: Settings['notifications'] };

/** How to build a ServerMonitor. Every side effect is injectable (house style rule 6). */
export interface ServerMonitorOptions {
  /** Builds the client of one panel; the key stays inside. Rejects when no key can be had. */
  createClient(account: MonitorAccount): Promise<MonitorClient>;
  /**
   * Called when the monitor is done with a client: the account went away, or the panel refused
   * its key and the next `createClient` must read the key anew. A client shared with other
   * callers is dropped from its pool here, not disposed under them. Default: `client.dispose?.()`.
   */
  releaseClient?(account: MonitorAccount, client: MonitorClient): void;
  /** Default: `new WingsSocket(opts)`. */
  createSocket?(opts: WingsSocketOptions): WingsSocketLike;
  clock?: Clock;
  logger?: Logger;
  /** In [0, 1): jitter of resyncs and back-offs. Default Math.random. */
  random?: () => number;
  settings: () => MonitorSettings;
  /** Server list refresh interval. Default 300 000 ms. */
  listRefreshMs?: number;
  /** Stats samples kept per server. Default 180. */
  historySamples?: number;
  /** Samples closer than this to the previous one are not kept. Default 2 000 ms. */
  historyMinSpacingMs?: number;
  /** `changed` fires at most this often. Default 250 ms. */
  changeCoalesceMs?: number;
}

/** Options with every default resolved, as the monitor's parts share them. */
export interface MonitorDeps {
  createClient(account: MonitorAccount): Promise<MonitorClient>;
  releaseClient(account: MonitorAccount, client: MonitorClient): void;
  createSocket(opts: WingsSocketOptions): WingsSocketLike;
  clock: Clock;
  logger: Logger;
  random: () => number;
  settings: () => MonitorSettings;
  listRefreshMs: number;
  historySamples: number;
  historyMinSpacingMs: number;
  /** What the person looks at: the order live states are sought in (attention.ts). */
  attention: Attention;
}

/** Every event of the monitor and its listener's arguments. */
export interface MonitorEventMap {
  /** Accounts, servers or flags changed (coalesced); resource-only updates at most every 2 s. */
  changed: [];
  event: [event: NotifiableEvent];
  stats: [ref: ServerRef, sample: StatsSample];
  console: [line: ConsoleLine];
  'console-connection': [ref: ServerRef, connection: ConsoleConnection];
  /** Backups tab (issue 13): Wings' `backup completed` on a followed server. */
  'backup-completed': [ref: ServerRef, backup: BackupCompleted];
  // ── incidents (issue 14) ──
  /** Wings' `backup restore completed` on a followed server. */
  'backup-restored': [ref: ServerRef];
  /** A power action the app asked for through `power()`, once the panel or Wings took it. */
  'power-asked': [ref: ServerRef, signal: PowerSignal, atMs: number];
}

/** Where the monitor's parts report what they saw; the ServerMonitor fans it out to listeners. */
export interface MonitorSink {
  /** Something a view shows changed; `isResourcesOnly` updates views without firing `changed`. */
  changed(isResourcesOnly?: boolean): void;
  event(event: NotifiableEvent): void;
  stats(ref: ServerRef, sample: StatsSample): void;
  console(line: ConsoleLine): void;
  consoleConnection(ref: ServerRef, connection: ConsoleConnection): void;
  /** Backups tab (issue 13); optional for sinks that do not care. */
  backupCompleted?(ref: ServerRef, backup: BackupCompleted): void;
  /** Incidents (issue 14); optional for sinks that do not care. */
  backupRestored?(ref: ServerRef): void;
}

/** A subscription to a monitor event. */
export type MonitorListener<E extends keyof MonitorEventMap> = (...args: MonitorEventMap[E]) => void;

/** Re-exported so listeners need one import. */
export type { Disposer };
