// One sim version (default, or SIM_VERSION's): the list is Wings' answer, the same shape on every release (client-files.test.ts checks each).
/**
 * Section 4: opening the 10,000-entry folder (`/big` in every sim server) in the window's file
 * list, against a 100-entry folder on the same server, in the same window, alternating. To tell
 * where the time goes, the same listing is also timed as a bare `window.api.filesList` call from
 * the page and as a bare `PanelClient.listFiles` call from Node.
 */
import type { Page } from 'playwright-core';
import { PanelClient } from '../../src/core/api/client';
import { addPanels, launchBenchApp, type BenchApp } from '../lib/app-launch';
import { sampleProcess } from '../lib/proc';
import { SimFleet, type FleetPanel } from '../sim/sim-fleet';
import { listFolderTimed, openFolderTimed, type OpenTiming } from './page-timing';

/** Timings of one folder, in ms. */
export interface FolderFigures {
  name: string;
  entries: number;
  warmUp: OpenTiming;
  runs: OpenTiming[];
  ipcMs: number[];
  /** CPU time of the app's main process during the bare IPC call (its own share of the work). */
  mainCpuMs: number[];
  /** CPU time of the bench process (the double's launcher relays the reply) during the call. */
  launcherCpuMs: number[];
  nodeMs: number[];
}

const BIG = 'big';
const SMALL = 'hundred';
const SMALL_ENTRIES = 100;
const QUIET_MS = 300;
const OPEN_TIMEOUT_MS = 30_000;

/** The grid row of `name` in the current folder. */
const rowNamed = (page: Page, name: string) => page.locator('[role="grid"] [role="row"] .label').getByText(name, { exact: true });

/** To the server's Files tab the way a person does from the tray: the server's "Open files". */
async function openFilesTab(bench: BenchApp, serverName: string): Promise<void> {
  const item = new RegExp(`^. ${serverName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await bench.app.waitFor((s) => s.trays.at(-1)?.menu?.some((node) => item.test(node.label)), { timeoutMs: 30_000, message: 'the server in the tray' });
  await bench.app.clickMenu([item, 'Open files']);
  await rowNamed(bench.page, BIG).waitFor({ timeout: 30_000 });
}

async function openAndReturn(page: Page, name: string): Promise<OpenTiming> {
  const timing = await page.evaluate(openFolderTimed, { name, quietMs: QUIET_MS, timeoutMs: OPEN_TIMEOUT_MS });
  await page.locator('[role="grid"]').press('Alt+ArrowUp');
  await rowNamed(page, BIG).waitFor({ timeout: OPEN_TIMEOUT_MS });
  return timing;
}

async function nodeListMs(client: PanelClient, server: string, directory: string): Promise<number> {
  const startedAt = performance.now();
  await client.listFiles(server, directory);
  return performance.now() - startedAt;
}

/** Times the bare `window.api.filesList` call, and the CPU the app's main process and the launcher spent on it. */
async function ipcCall(setup: Setup, directory: string): Promise<{ ms: number; mainCpuMs: number; launcherCpuMs: number }> {
  const mainBefore = sampleProcess(setup.pid)?.cpuMs ?? 0;
  const launcherBefore = process.cpuUsage();
  const { ms } = await setup.page.evaluate(listFolderTimed, { server: setup.server, directory });
  const launcher = process.cpuUsage(launcherBefore);
  return { ms, mainCpuMs: (sampleProcess(setup.pid)?.cpuMs ?? 0) - mainBefore, launcherCpuMs: (launcher.user + launcher.system) / 1000 };
}

interface Setup {
  page: Page;
  pid: number;
  panel: FleetPanel;
  server: { accountId: string; identifier: string };
  repeats: number;
}

async function measure(setup: Setup): Promise<FolderFigures[]> {
  const { page, panel, server, repeats } = setup;
  const figures = [BIG, SMALL].map((name) => ({
    name,
    warmUp: null as OpenTiming | null,
    runs: [] as OpenTiming[],
    ipcMs: [] as number[],
    mainCpuMs: [] as number[],
    launcherCpuMs: [] as number[],
    nodeMs: [] as number[],
  }));
  for (const folder of figures) folder.warmUp = await openAndReturn(page, folder.name);
  const client = new PanelClient({ url: panel.url, apiKey: panel.apiKey });
  try {
    for (let i = 0; i < repeats; i++) {
      for (const folder of figures) {
        folder.runs.push(await openAndReturn(page, folder.name));
        const ipc = await ipcCall(setup, `/${folder.name}`);
        folder.ipcMs.push(ipc.ms);
        folder.mainCpuMs.push(ipc.mainCpuMs);
        folder.launcherCpuMs.push(ipc.launcherCpuMs);
        folder.nodeMs.push(await nodeListMs(client, server.identifier, `/${folder.name}`));
      }
    }
  } finally {
    client.dispose();
  }
  return figures.map((f) => ({ ...f, name: `/${f.name}`, entries: f.name === BIG ? 10_000 : SMALL_ENTRIES, warmUp: f.warmUp as OpenTiming }));
}

/** Opens each folder once to warm up (the sim builds /big on first use), then `repeats` times each. */
export async function runFileList(options: { repeats: number }, progress: (line: string) => void): Promise<FolderFigures[]> {
  const fleet = await SimFleet.start([{ servers: 1, seed: 13 }]);
  let bench: BenchApp | null = null;
  try {
    const panel = fleet.panels[0];
    if (!panel) throw new Error('the file-list panel did not start');
    const [server] = await panel.control.servers();
    if (!server) throw new Error('the file-list panel has no server');
    const files = panel.control.files(server.identifier);
    await Promise.all(Array.from({ length: SMALL_ENTRIES }, (_, i) => files.write(`/${SMALL}/file-${String(i).padStart(3, '0')}.txt`, `line ${i}\n`)));
    bench = await launchBenchApp(false);
    const [account] = await addPanels(bench.page, [panel]);
    if (!account) throw new Error('the panel was not added');
    await openFilesTab(bench, server.name);
    progress(`files: opening /${BIG} (10,000 entries) and /${SMALL} (${SMALL_ENTRIES}) ${options.repeats} times each`);
    return await measure({
      page: bench.page,
      pid: bench.app.pid,
      panel,
      server: { accountId: account.id, identifier: server.identifier },
      repeats: options.repeats,
    });
  } finally {
    await bench?.close();
    await fleet.close();
  }
}
