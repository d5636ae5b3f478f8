/**
 * Start-up at scale (issue 10): how long until every server shows its last known state, and until
 * every state is known live, when the app starts with 100 or 500 servers on one or three panels
 * that allow 256 client requests a minute (Pterodactyl 1.12 and Pelican's default). Beside it, the
 * panel's own dashboard on the same servers, which keeps nothing between visits and asks
 * `/resources` for every row at once (pterodactyl-api.md §6).
 *
 * Pterotray starts as the app does after a restart: with the last states it kept on disk
 * (userData/last-states.json, here built from what the dashboard's own list answered an hour
 * "earlier"), then the live states within its budget, never taking the user's half of the limit.
 */
import { PanelClient } from '../../src/core/api/client';
import type { CachedAccount } from '../../src/core/monitor/state-cache';
import type { PowerState } from '../../src/core/api/models';
import type { HostedPanelOptions } from '../sim/host-protocol';
import { SimFleet, splitServers, type FleetPanel } from '../sim/sim-fleet';
import { waitUntil } from '../lib/wait';
import { BrowserTab } from './browser-tab';
import { fixedWindowPeakShare } from './fixed-window';
import { DashboardPoller } from '../watch/dashboard-poller';
import { MonitorWatcher, accountId } from '../watch/monitor-watcher';
import { requestFigures, type PanelLog } from '../watch/request-figures';

/** Both panels' defaults today (panel-versions.md: `APP_API_CLIENT_RATELIMIT`). */
export const STARTUP_LIMIT_PER_MINUTE = 256;
/** One size: servers in total over `panels` panels. */
export interface StartupCase {
  servers: number;
  panels: number;
}

/** What one side of a case took and cost. */
export interface StartupSide {
  /** From start until every server shows a state (kept or live); null when not within the cap. */
  everyStateShownMs: number | null;
  /** From start until every state shown is live (seen this run); null when not within the cap. */
  everyStateLiveMs: number | null;
  /** The most any one panel window counted, over the limit (the panel's own count: fixed-window.ts). */
  peakShare: number;
  /** The worst sliding 60 s, which can span two of the panel's windows. */
  slidingPeakShare: number;
  tooManyRequests: number;
  requests: number;
}

export interface StartupFigures extends StartupCase {
  limitPerMinute: number;
  capMs: number;
  monitor: StartupSide;
  baseline: StartupSide;
}

const SHOWN_POLL_MS = 20;
const LIVE_POLL_MS = 200;
/** The kept states' age: an hour, as after a night with the laptop shut it would be more. */
const KEPT_AGE_MS = 3_600_000;

function panelOptions(c: StartupCase): HostedPanelOptions[] {
  return splitServers(c.servers, c.panels).map((count, i) => ({
    servers: count,
    seed: 9_000 + i,
    version: 'pterodactyl-1.12',
    rateLimitPerMinute: STARTUP_LIMIT_PER_MINUTE,
    resourcesCacheMs: 20_000,
  }));
}

async function logsOf(panels: readonly FleetPanel[]): Promise<PanelLog[]> {
  return Promise.all(panels.map(async (panel) => ({ limitPerMinute: panel.limitPerMinute, entries: await panel.control.requestLog() })));
}

/** Waits for `predicate`, answering how long from `startedAt`, or null past the cap. */
async function timeUntil(what: string, predicate: () => boolean, startedAt: number, capMs: number, everyMs: number): Promise<number | null> {
  try {
    await waitUntil(what, predicate, Math.max(0, capMs - (Date.now() - startedAt)), everyMs);
    return Date.now() - startedAt;
  } catch {
    return null;
  }
}

function sideFigures(logs: PanelLog[], servers: number, fromMs: number, toMs: number, shownMs: number | null, liveMs: number | null): StartupSide {
  const figures = requestFigures(logs, servers, fromMs, toMs);
  const inSpan = logs.map((log) => ({ ...log, entries: log.entries.filter((e) => e.timeMs >= fromMs && e.timeMs < toMs) }));
  return {
    everyStateShownMs: shownMs,
    everyStateLiveMs: liveMs,
    peakShare: fixedWindowPeakShare(inSpan),
    slidingPeakShare: figures.peakShare,
    tooManyRequests: figures.tooManyRequests,
    requests: figures.requests,
  };
}

/**
 * The dashboard's list of each panel (what the browser fetches first) and, from it, the states
 * the app would have kept: the same servers (same seeds) on the monitor's panels.
 */
async function listAndKeep(baselinePanels: readonly FleetPanel[], monitorPanels: readonly FleetPanel[], clients: readonly PanelClient[]) {
  const keptAt = Date.now() - KEPT_AGE_MS;
  const identifiers: string[][] = [];
  const kept: Record<string, CachedAccount> = {};
  for (const [i, client] of clients.entries()) {
    const [servers, states] = await Promise.all([client.listServers(), baselinePanels[i]!.control.servers()]);
    const stateOf = new Map(states.map((s) => [s.identifier, s.state as PowerState]));
    identifiers.push(servers.map((s) => s.identifier));
    kept[accountId(i)] = {
      url: monitorPanels[i]!.url,
      servers: servers.map((server) => ({ server, state: stateOf.get(server.identifier) ?? 'offline', seenAtMs: keptAt })),
    };
  }
  return { identifiers, kept };
}

/** Runs one case, both sides at once on their own panels; everything started is closed. */
export async function runStartupCase(c: StartupCase, capMs: number): Promise<StartupFigures> {
  const fleet = await SimFleet.start([...panelOptions(c), ...panelOptions(c)]);
  const monitorPanels = fleet.panels.slice(0, c.panels);
  const baselinePanels = fleet.panels.slice(c.panels);
  // The dashboard's list, read once for both sides (the page asks for it first, as here).
  const clients = baselinePanels.map((p) => new PanelClient({ url: p.url, apiKey: p.apiKey }, { maxConcurrency: 6, scheduler: { maxRetries: 0 } }));
  const tabs = baselinePanels.map((p) => new BrowserTab(p.url, p.apiKey));
  const monitor = new MonitorWatcher(monitorPanels, c.servers);
  let baseline: DashboardPoller | null = null;
  try {
    const startedAt = Date.now();
    const { identifiers, kept } = await listAndKeep(baselinePanels, monitorPanels, clients);
    const baselineListedAt = Date.now();
    baseline = new DashboardPoller({ panels: tabs.map((client, i) => ({ client, identifiers: identifiers[i] ?? [] })) });
    const monitorStartedAt = Date.now();
    monitor.start(kept);
    baseline.start();
    const views = () => monitor.monitor.servers();
    const [mShown, mLive, bLive] = await Promise.all([
      timeUntil(
        'every kept state shown',
        () => views().length >= c.servers && views().every((v) => v.state !== 'unknown'),
        monitorStartedAt,
        capMs,
        SHOWN_POLL_MS,
      ),
      timeUntil(
        'every state live',
        () => views().length >= c.servers && views().every((v) => v.state !== 'unknown' && v.isStateCurrent),
        monitorStartedAt,
        capMs,
        LIVE_POLL_MS,
      ),
      // The dashboard's clock starts when the page asked for its list: that is when its user waits.
      timeUntil('every dashboard row known', () => baseline?.isReady() === true, startedAt, capMs + (baselineListedAt - startedAt), LIVE_POLL_MS),
    ]);
    const endedAt = Date.now();
    const [monitorLogs, baselineLogs] = await Promise.all([logsOf(monitorPanels), logsOf(baselinePanels)]);
    return {
      ...c,
      limitPerMinute: STARTUP_LIMIT_PER_MINUTE,
      capMs,
      monitor: sideFigures(monitorLogs, c.servers, monitorStartedAt, endedAt, mShown, mLive),
      // The dashboard shows nothing until a row's own answer: shown and live are the same.
      baseline: sideFigures(baselineLogs, c.servers, startedAt, endedAt, bLive, bLive),
    };
  } finally {
    baseline?.dispose();
    monitor.dispose();
    for (const client of clients) client.dispose();
    await fleet.close();
  }
}
