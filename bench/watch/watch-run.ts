// One sim version per run (the sim's default, or SIM_VERSION's): both watchers face the same panels, so the comparison holds on any release.
/**
 * One size of the watch benchmark: Pterotray's monitor and the panel's dashboard side by side,
 * each on its own three simulated panels (same seeds, so the same servers), at the same time.
 */
import { PanelClient } from '../../src/core/api/client';
import type { HostedPanelOptions } from '../sim/host-protocol';
import { SimFleet, splitServers, type FleetPanel } from '../sim/sim-fleet';
import { seededRandom } from '../lib/random';
import { sleep, waitUntil } from '../lib/wait';
import { DASHBOARD_POLL_MS, DashboardPoller } from './dashboard-poller';
import { MonitorWatcher } from './monitor-watcher';
import { requestFigures, type PanelLog, type RequestFigures } from './request-figures';
import { TrialRunner, type TrialResults, type TrialServer } from './trials';
import type { Watcher } from './watcher';

/** How one size runs. */
export interface WatchRunOptions {
  servers: number;
  windowMs: number;
  trialEveryMs: number;
}

/** What one watcher cost and how fast it saw changes. */
export interface WatcherFigures {
  name: string;
  readyMs: number;
  startup: RequestFigures;
  steady: RequestFigures;
  /** The worst 60 s of the whole run, start included, over the panel's limit. */
  peakShare: number;
  trials: TrialResults;
}

/** Both watchers at one size, and what the bench itself used meanwhile. */
export interface WatchRunFigures {
  servers: number;
  windowMs: number;
  monitor: WatcherFigures;
  baseline: WatcherFigures;
  benchCpuShare: number;
  benchRssBytes: number;
  simHostCpuShare: number | null;
}

const PANELS = 3;
const READY_TIMEOUT_MS = 10 * 60_000;
// "All live in" is read this often.
const READY_POLL_MS = 50;
const MONITOR_DRAIN_MS = 10_000;
// A change waits at most one 30 s poll period (the panel's 20 s cache is always stale by then).
const BASELINE_DRAIN_MS = DASHBOARD_POLL_MS + 5_000;

/** Three panels of a watcher: the real panel's 20 s /resources cache, defaults otherwise. */
function panelOptions(servers: number): HostedPanelOptions[] {
  return splitServers(servers, PANELS).map((count, i) => ({ servers: count, seed: 7_000 + i, resourcesCacheMs: 20_000 }));
}

async function trialServers(panels: readonly FleetPanel[]): Promise<TrialServer[]> {
  const lists = await Promise.all(panels.map((panel) => panel.control.servers()));
  return lists.flatMap((list, panel) => list.map((s) => ({ panel, identifier: s.identifier, state: s.state })));
}

function trialsFor(side: Side, options: WatchRunOptions): TrialRunner {
  return new TrialRunner({
    watcher: side.watcher,
    servers: side.servers,
    setState: async (server, state) => {
      await side.panels[server.panel]?.control.setState(server.identifier, state);
    },
    random: seededRandom(side.seed),
    everyMs: options.trialEveryMs,
    isFollowedOnly: side.isFollowedOnly,
  });
}

async function logsOf(panels: readonly FleetPanel[]): Promise<PanelLog[]> {
  return Promise.all(panels.map(async (panel) => ({ limitPerMinute: panel.limitPerMinute, entries: await panel.control.requestLog() })));
}

interface Phase {
  startedAtMs: number;
  readyAtMs: number;
  windowFromMs: number;
  windowToMs: number;
}

function figuresOf(name: string, logs: PanelLog[], servers: number, phase: Phase, trials: TrialResults): WatcherFigures {
  return {
    name,
    readyMs: phase.readyAtMs - phase.startedAtMs,
    startup: requestFigures(logs, servers, phase.startedAtMs, phase.readyAtMs),
    steady: requestFigures(logs, servers, phase.windowFromMs, phase.windowToMs),
    peakShare: requestFigures(logs, servers, phase.startedAtMs, phase.windowToMs).peakShare,
    trials,
  };
}

/** One watcher with its own three panels and their servers. */
interface Side {
  watcher: Watcher;
  panels: readonly FleetPanel[];
  servers: TrialServer[];
  isFollowedOnly: boolean;
  seed: number;
}

/** The panels, both watchers, and how to stop everything. */
interface Rig {
  fleet: SimFleet;
  monitor: Side;
  baseline: Side;
  dispose(): Promise<void>;
}

/** Starts six panels (three per watcher, same servers) and builds both watchers, not started. */
async function startRig(servers: number): Promise<Rig> {
  const fleet = await SimFleet.start([...panelOptions(servers), ...panelOptions(servers)]);
  const monitorPanels = fleet.panels.slice(0, PANELS);
  const baselinePanels = fleet.panels.slice(PANELS);
  const clients = baselinePanels.map((p) => new PanelClient({ url: p.url, apiKey: p.apiKey }, { maxConcurrency: 6, scheduler: { maxRetries: 0 } }));
  const monitor = new MonitorWatcher(monitorPanels, servers);
  const dispose = async (): Promise<void> => {
    monitor.dispose();
    for (const client of clients) client.dispose();
    await fleet.close();
  };
  try {
    const [monitorServers, baselineServers] = await Promise.all([trialServers(monitorPanels), trialServers(baselinePanels)]);
    const identifiersOf = (panel: number): string[] => baselineServers.filter((s) => s.panel === panel).map((s) => s.identifier);
    const baseline = new DashboardPoller({ panels: clients.map((client, i) => ({ client, identifiers: identifiersOf(i) })) });
    return {
      fleet,
      monitor: { watcher: monitor, panels: monitorPanels, servers: monitorServers, isFollowedOnly: true, seed: servers * 31 + 1 },
      baseline: { watcher: baseline, panels: baselinePanels, servers: baselineServers, isFollowedOnly: false, seed: servers * 31 + 2 },
      dispose: async () => {
        baseline.dispose();
        await dispose();
      },
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** What the bench and the sim host used during the window. */
interface WindowUsage {
  windowFromMs: number;
  windowToMs: number;
  benchCpuMs: number;
  hostCpuMs: number | null;
}

/** The steady-state window: both watchers get their changes; then the changes in flight drain. */
async function runWindow(rig: Rig, runners: readonly [TrialRunner, TrialRunner], windowMs: number): Promise<WindowUsage> {
  const cpuBefore = process.cpuUsage();
  const hostBefore = await rig.fleet.usage();
  const windowFromMs = Date.now();
  for (const runner of runners) runner.start();
  await sleep(windowMs);
  const windowToMs = Date.now();
  const cpu = process.cpuUsage(cpuBefore);
  const hostAfter = await rig.fleet.usage();
  await Promise.all([runners[0].drain(MONITOR_DRAIN_MS), runners[1].drain(BASELINE_DRAIN_MS)]);
  const hostCpuMs = hostBefore && hostAfter ? (hostAfter.cpuMicros - hostBefore.cpuMicros) / 1000 : null;
  return { windowFromMs, windowToMs, benchCpuMs: (cpu.user + cpu.system) / 1000, hostCpuMs };
}

/** Runs one size from start to stop; everything it starts is closed before it resolves. */
export async function runWatchSize(options: WatchRunOptions): Promise<WatchRunFigures> {
  const rig = await startRig(options.servers);
  const sides = [rig.monitor, rig.baseline] as const;
  const runners = sides.map((side) => trialsFor(side, options)) as [TrialRunner, TrialRunner];
  try {
    const startedAtMs = Date.now();
    for (const side of sides) side.watcher.start();
    // Absolute times: starting the dashboard's 500 first requests takes a while itself.
    const readyAtMs = await Promise.all(
      sides.map(async (side) => {
        await waitUntil(`${side.watcher.name} to see ${options.servers} servers`, () => side.watcher.isReady(), READY_TIMEOUT_MS, READY_POLL_MS);
        return Date.now();
      }),
    );
    const usage = await runWindow(rig, runners, options.windowMs);
    const spanMs = usage.windowToMs - usage.windowFromMs;
    const [monitor, baseline] = await Promise.all(
      sides.map(async (side, i) => {
        const phase = { startedAtMs, readyAtMs: readyAtMs[i] ?? startedAtMs, windowFromMs: usage.windowFromMs, windowToMs: usage.windowToMs };
        return figuresOf(side.watcher.name, await logsOf(side.panels), options.servers, phase, runners[i]?.results() ?? emptyResults());
      }),
    );
    if (!monitor || !baseline) throw new Error('a watcher has no figures');
    return {
      servers: options.servers,
      windowMs: spanMs,
      monitor,
      baseline,
      benchCpuShare: usage.benchCpuMs / spanMs,
      benchRssBytes: process.memoryUsage().rss,
      simHostCpuShare: usage.hostCpuMs === null ? null : usage.hostCpuMs / spanMs,
    };
  } finally {
    for (const runner of runners) runner.dispose();
    await rig.dispose();
  }
}

function emptyResults(): TrialResults {
  return { delaysMs: [], firstVia: {}, started: 0, unresolved: 0 };
}
