// One sim version (default, or SIM_VERSION's): the idle cost is the app's own sockets, timers and heap, and idle it stays far below every release's limits.
/**
 * Section 2: the app's main process (built bundle on the Electron double) watching 500 servers
 * on 3 panels, left alone with its window closed to the tray. Heap (after a full GC) and RSS at
 * the start and end of the window, RSS and CPU sampled from /proc meanwhile, and the REST
 * requests of a whole token cycle.
 */
import { addPanels, launchBenchApp, windowServers, type BenchApp, type ProbeFigures } from '../lib/app-launch';
import { sampleProcess, type ProcSample } from '../lib/proc';
import { sleep, waitUntil } from '../lib/wait';
import type { HostedPanelOptions } from '../sim/host-protocol';
import { SimFleet, splitServers } from '../sim/sim-fleet';
import { requestFigures, type RequestFigures } from '../watch/request-figures';

/** How the idle run goes. */
export interface IdleRunOptions {
  servers: number;
  windowMs: number;
  sampleEveryMs: number;
  /** Extra sim options, for experiments (e.g. `{ statsIntervalMs: 3_600_000 }`: idle without stats frames). */
  simOverrides?: HostedPanelOptions;
}

/** What it measured. */
export interface IdleFigures {
  servers: number;
  windowMs: number;
  sampleEveryMs: number;
  liveAfterMs: number;
  startup: RequestFigures;
  steady: RequestFigures;
  start: ProbeFigures;
  end: ProbeFigures;
  samples: ProcSample[];
  simHostCpuShare: number | null;
}

const LIVE_TIMEOUT_MS = 10 * 60_000;
// After the window closes to the tray: let the start-up's garbage and timers settle first.
const SETTLE_MS = 10_000;

function panelOptions(servers: number, overrides: HostedPanelOptions = {}): HostedPanelOptions[] {
  return splitServers(servers, 3).map((count, i) => ({ servers: count, seed: 9_000 + i, resourcesCacheMs: 20_000, ...overrides }));
}

async function allLive(bench: BenchApp, servers: number): Promise<boolean> {
  const views = await windowServers(bench.page);
  return views.length >= servers && views.every((v) => v.isLive && v.state !== 'unknown');
}

/** Samples /proc every `everyMs` until `untilMs`. */
async function sampleUntil(pid: number, untilMs: number, everyMs: number): Promise<ProcSample[]> {
  const samples: ProcSample[] = [];
  while (Date.now() < untilMs) {
    await sleep(Math.min(everyMs, untilMs - Date.now()));
    const sample = sampleProcess(pid);
    if (sample) samples.push(sample);
  }
  return samples;
}

/** Runs the idle benchmark; the app and the panels are closed before it resolves. */
export async function runIdle(options: IdleRunOptions, progress: (line: string) => void): Promise<IdleFigures> {
  const fleet = await SimFleet.start(panelOptions(options.servers, options.simOverrides));
  let bench: BenchApp | null = null;
  try {
    bench = await launchBenchApp(true);
    const app = bench;
    const startedAtMs = Date.now();
    await addPanels(app.page, fleet.panels);
    const liveAfterMs = await waitUntil(`${options.servers} servers live in the app`, () => allLive(app, options.servers), LIVE_TIMEOUT_MS, 1_000);
    const liveAtMs = Date.now();
    progress(
      `idle: ${options.servers} servers live after ${Math.round(liveAfterMs / 1000)} s; window closed to the tray, ${Math.round(options.windowMs / 60_000)} min idle`,
    );
    await app.app.closeWindow();
    await sleep(SETTLE_MS);
    const hostBefore = await fleet.usage();
    const start = await app.probe();
    const samples = await sampleUntil(app.app.pid, start.atMs + options.windowMs, options.sampleEveryMs);
    const end = await app.probe();
    const hostAfter = await fleet.usage();
    const logs = await Promise.all(fleet.panels.map(async (p) => ({ limitPerMinute: p.limitPerMinute, entries: await p.control.requestLog() })));
    return {
      servers: options.servers,
      windowMs: end.atMs - start.atMs,
      sampleEveryMs: options.sampleEveryMs,
      liveAfterMs,
      startup: requestFigures(logs, options.servers, startedAtMs, liveAtMs),
      steady: requestFigures(logs, options.servers, start.atMs, end.atMs),
      start,
      end,
      samples,
      simHostCpuShare: hostBefore && hostAfter ? (hostAfter.cpuMicros - hostBefore.cpuMicros) / 1000 / (end.atMs - start.atMs) : null,
    };
  } finally {
    await bench?.close();
    await fleet.close();
  }
}
