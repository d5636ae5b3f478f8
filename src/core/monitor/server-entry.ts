/**
 * What the monitor knows of one server: the panel's record of it, what was last observed, and
 * the trackers of the pure rules (crash, usage). Plain data plus the history rings; the logic
 * that changes it lives in signals.ts (pure) and observe.ts (which also reports).
 */
import type { PowerState, Server } from '../api/models';
import { initialCrashTrack, type CrashTrack } from '../rules/crash-detector';
import type { NotifiableEvent } from '../rules/notification-policy';
import { initialMetricTrack, type MetricTrack } from '../rules/usage-alerts';
import type { FeaturePrompt, LiveIssue, ResourcesView, ServerAvailability } from '../../shared/types';
import { ConsoleBacklog } from './console-backlog';
import { StatsHistory } from './history';
import { availabilityOf } from './availability';

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
  /** True while a Wings websocket is connected, authenticated and has told the state since. */
  isLive = false;
  /** When `state` was last seen, or last known true (the moment a live socket stopped being live). */
  stateSeenAtMs: number | null = null;
  /**
   * `state` is the last one known before the app last quit (state-cache.ts): shown with its age,
   * never as current, and the first state seen this run is a baseline, not a change.
   */
  isFromDisk = false;
  /**
   * Events held back while the panel is asked whether the server was suspended (a stop nobody
   * here asked for, a socket dropped without a close frame); null when nothing is held.
   */
  heldEvents: NotifiableEvent[] | null = null;
  crashTrack: CrashTrack = initialCrashTrack;
  cpuTrack: MetricTrack = initialMetricTrack;
  memoryTrack: MetricTrack = initialMetricTrack;
  /** A crash not acknowledged yet. */
  isCrashed = false;
  /** Went offline without being asked to; cleared when it runs again or a stop is asked. */
  shouldRun = false;
  /**
   * Set when events of a server were lost (a laptop sleep, a socket that stopped being live): the
   * first state seen before this time starts a new crash baseline, so a server stopped from the
   * panel's UI meanwhile is not reported as a crash. After a sleep it is time-bound, so a real
   * crash much later is not missed; a socket that lost its events has it until its next state.
   */
  crashBaselineStaleUntilMs = 0;
  /** Epoch ms before which no websocket is tried again (repeated failures, no permission). */
  followRetryAtMs = 0;
  /** Consecutive follows that ended without a stable connection. */
  followFailures = 0;
  /** Why the socket stopped for good (shown until a socket is live again). */
  liveIssue: LiveIssue | null = null;
  /** An egg feature's action to offer (feature-prompts.ts), until done, dismissed or running. */
  featurePrompt: FeaturePrompt | null = null;
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
