/**
 * Turns what the monitor sees into stored incidents (issue 14, part 2), without Electron: main
 * and the daemon build it over a ServerMonitor and the store's Database. Each incident is stored
 * once (its id), and only a new one goes out on the feed, so the alert channels hear of it once
 * however often the monitor repeats itself.
 *
 * A crash's incident carries the console's last lines before Wings' banner and Wings' `Exit code:`
 * and `Out of memory:` lines (console-ring.ts): the crash event waits for Wings' reaction
 * (crash-notices.ts), so those lines are in by then.
 */
import type { ActivityEntry } from '../api/models';
import type { MonitorEventMap } from '../monitor/types';
import type { NoticeServer } from '../rules/notification-policy';
import type { Database } from '../store/database';
import type { Clock, Disposer, Logger } from '../util/deps';
import { TypedEmitter } from '../util/typed-emitter';
import type { ServerRef, ServerView } from '../../shared/types';
import { activityPowerSignal, incidentOfActivity } from './activity';
import { ConsoleRing } from './console-ring';
import { incidentOfBackup, incidentOfEvent, incidentOfPower, incidentOfRestore, type DescribeContext } from './describe';
import { IncidentStore, RETENTION_MS } from './incident-store';
import type { Incident } from './types';

/** Who hears of new incidents: the alert channels, the window, the daemon's log. */
export interface IncidentFeed {
  /** Called once per incident, after it is stored, never for one already kept. */
  on(event: 'incident', listener: (incident: Incident) => void): Disposer;
}

/** What the recorder needs of the monitor; ServerMonitor has it. */
export interface IncidentSource {
  on<E extends keyof MonitorEventMap>(event: E, listener: (...args: MonitorEventMap[E]) => void): Disposer;
  servers(): ServerView[];
}

export interface IncidentRecorderOptions {
  monitor: IncidentSource;
  db: Database;
  clock: Clock;
  logger: Logger;
  /** The account's name as the person gave it. */
  accountName(accountId: string): string;
  /** Who asks for power through this app (the key's user, where known). Default: "you". */
  actorName?(accountId: string): string | null;
}

export interface IncidentRecorder extends IncidentFeed {
  readonly store: IncidentStore;
  /** Stores an incident made elsewhere; true (and told on the feed) when it was new. */
  record(incident: Incident): boolean;
  /** Merges a page of the panel's activity log of one server; returns how many were new. */
  importActivity(ref: ServerRef, entries: readonly ActivityEntry[]): number;
  dispose(): void;
}

/** How often incidents older than the retention are dropped. */
export const PRUNE_EVERY_MS = 60 * 60_000;
/** A panel `server:power.*` entry this close to the app's own request for it is that request. */
export const SAME_POWER_WINDOW_MS = 60_000;

/** Builds the recorder and starts listening; `dispose()` stops it (the Database is the caller's). */
export function createIncidentRecorder(options: IncidentRecorderOptions): IncidentRecorder {
  const { monitor, clock, logger } = options;
  const store = new IncidentStore(options.db);
  const emitter = new TypedEmitter<{ incident: [Incident] }>(logger, 'incidents');
  const ring = new ConsoleRing();
  // Looked up when an incident is made (rarely), not on every change of 500 servers.
  const viewOf = (ref: ServerRef): ServerView | undefined => monitor.servers().find((v) => v.accountId === ref.accountId && v.identifier === ref.identifier);
  const ctx: DescribeContext = {
    accountName: options.accountName,
    server: (ref) => {
      const view = viewOf(ref);
      return view ? { name: view.name, node: view.node } : null;
    },
  };
  const serverOf = (ref: ServerRef): NoticeServer => ({ ...ref, name: viewOf(ref)?.name ?? ref.identifier });

  const record = (incident: Incident | null): boolean => {
    if (incident === null) return false;
    let isNew: boolean;
    try {
      isNew = store.add(incident);
    } catch (error) {
      // A full disk or a locked file must not stop the monitor: the incident is logged instead.
      logger.error('incidents: could not store an incident', { kind: incident.kind, error: String(error) });
      return false;
    }
    if (isNew) emitter.emit('incident', incident);
    return isNew;
  };

  let pruneTimer: unknown = null;
  const prune = (): void => {
    try {
      const dropped = store.prune(clock.now());
      if (dropped > 0) logger.info('incidents: dropped old incidents', { count: dropped });
    } catch (error) {
      logger.warn('incidents: could not drop old incidents', { error: String(error) });
    }
    pruneTimer = clock.setTimeout(prune, PRUNE_EVERY_MS);
  };
  prune();

  const disposers: Disposer[] = [
    monitor.on('console', (line) => {
      if (line.kind === 'output' || line.kind === 'daemon-message' || line.kind === 'daemon-error') ring.push(line.server, line.text, clock.now());
    }),
    monitor.on('event', (event) => {
      const console = event.type === 'crash' ? ring.crash(event.server, event.atMs) : null;
      record(incidentOfEvent(event, ctx, console));
    }),
    monitor.on('backup-completed', (ref, backup) => record(incidentOfBackup(ref, serverOf(ref), backup, clock.now(), ctx))),
    monitor.on('backup-restored', (ref) => record(incidentOfRestore(ref, serverOf(ref), clock.now(), ctx))),
    monitor.on('power-asked', (ref, signal, atMs) => {
      const actor = options.actorName?.(ref.accountId) ?? 'you';
      record(incidentOfPower(ref, serverOf(ref), signal, atMs, actor, ctx));
    }),
  ];

  return {
    store,
    on: (event, listener) => emitter.on(event, listener),
    record,
    importActivity: (ref, entries) => {
      const server = serverOf(ref);
      let added = 0;
      for (const entry of entries) {
        const incident = incidentOfActivity(server, options.accountName(ref.accountId), entry);
        // Older than the timeline keeps: it would only be pruned again within the hour.
        if (incident === null || incident.at < clock.now() - RETENTION_MS || isOwnPower(store, ref, entry, incident.at)) continue;
        if (record(incident)) added++;
      }
      return added;
    },
    dispose: () => {
      for (const dispose of disposers) dispose();
      if (pruneTimer !== null) clock.clearTimeout(pruneTimer);
      ring.clear();
    },
  };
}

/** The panel's log of a power action this app asked for: the app's incident already says it, with who. */
function isOwnPower(store: IncidentStore, ref: ServerRef, entry: ActivityEntry, atMs: number): boolean {
  const signal = activityPowerSignal(entry.event);
  if (signal === null || !entry.isApi) return false;
  const near = { fromMs: atMs - SAME_POWER_WINDOW_MS, toMs: atMs + SAME_POWER_WINDOW_MS + 1, limit: 50 };
  return store.list({ accountId: ref.accountId, identifier: ref.identifier, kinds: ['power'], ...near }).some((i) => i.id.endsWith(`:${signal}`));
}
