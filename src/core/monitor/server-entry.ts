/**
 * What the monitor knows of one server: the panel's record of it, what was last observed, and
 * the trackers of the pure rules (crash, usage). Plain data plus the history rings; the logic
 * that changes it lives in signals.ts (pure) and observe.ts (which also reports).
 */
import type { PowerState, Server } from '../api/models';
import { initialCrashTrack, type CrashTrack } from '../rules/crash-detector';
import { initialMetricTrack, type MetricTrack } from '../rules/usage-alerts';
import type { ResourcesView, ServerAvailability } from '../../shared/types';
import { ConsoleBacklog } from './console-backlog';
import { StatsHistory } from './history';
import { availabilityOf } from './view-model';

/** Ring sizes of one entry. */
export interface EntrySizes {
  historySamples: number;
  historyMinSpacingMs: number;
}

/** One server of one panel. */
export class ServerEntry {
  server: Server;
  state: PowerState | 'unknown' = 'unknown';
  availability: ServerAvailability;
  resources: ResourcesView | null = null;
  /** True while a Wings websocket is connected and authenticated for this server. */
  isLive = false;
  crashTrack: CrashTrack = initialCrashTrack;
  cpuTrack: MetricTrack = initialMetricTrack;
  memoryTrack: MetricTrack = initialMetricTrack;
  /** A crash not acknowledged yet. */
  isCrashed = false;
  /** Went offline without being asked to; cleared when it runs again or a stop is asked. */
  shouldRun = false;
  /**
   * Set after a laptop sleep for servers whose events were lost (polled, or their socket died):
   * the first state seen before this time starts a new crash baseline, so a server stopped from
   * the panel's UI while the lid was closed is not reported as a crash. Time-bound, so a real
   * crash much later is not missed because no state came in between.
   */
  crashBaselineStaleUntilMs = 0;
  /** Epoch ms before which no websocket is tried again (repeated failures, no permission). */
  followRetryAtMs = 0;
  /** Consecutive follows that ended without a stable connection. */
  followFailures = 0;
  readonly history: StatsHistory;
  readonly backlog = new ConsoleBacklog();

  constructor(server: Server, sizes: EntrySizes) {
    this.server = server;
    this.availability = availabilityOf(server);
    this.history = new StatsHistory(sizes.historySamples, sizes.historyMinSpacingMs);
  }

  get identifier(): string {
    return this.server.identifier;
  }
}
