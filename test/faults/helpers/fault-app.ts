/**
 * The real built app on the Electron double against the simulated panel, for fault runs: the one
 * fixture every fault describe starts its app with (`useFaultApp`), and the checks every fault
 * test makes: the app is up, the tray and the window agree with the panel, the requests stayed
 * within a budget, and no notification was shown that should not have been.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { SimPanel, SimPanelOptions } from '../../../src/sim';
import type { AccountStatus, AccountView, IpcResult, ServerView } from '../../../src/shared/types';
import type { LaunchedApp } from '../../electron-double/launch-api';
import type { MenuNode } from '../../electron-double/shared/snapshot';
import { addAccount, hasSecretService, invoke, startAppOnSim } from '../../e2e/helpers/app-on-sim';

export const MARK: Record<ServerView['state'], string> = { running: '●', starting: '◐', stopping: '◑', offline: '○', unknown: '◌' };

/** The app, its window and the panel it watches. */
export interface FaultApp {
  /** The panel now: a case may replace it (a panel that vanishes and comes back). */
  sim: SimPanel;
  app: LaunchedApp;
  page: Page;
  account: AccountView;
  close(): Promise<void>;
}

/**
 * How the fault suites keep a key. Without a Secret Service (a plain `vitest run`) it is kept for
 * the session only, which the app offers when no keychain is available: the fault paths are the
 * same either way.
 */
const KEY_KEPT = hasSecretService ? {} : { sessionOnly: true };

/** How a describe's app is set up and what each of its cases must leave as it found it. */
export interface FaultAppOptions {
  /** Over the suite's sim (app-on-sim.ts `startSim`: four servers, quick ticks). */
  sim?: SimPanelOptions;
  /** Runs once the app is up, before it is awaited settled: a describe's own settings. */
  setUp?(env: FaultApp): Promise<void>;
  /** Undoes what a case may leave behind besides the sim's faults (those are always cleared). */
  afterEach?(env: FaultApp): Promise<void> | void;
}

/**
 * The fault suites' fixture: one app per describe (a case that breaks the account must not take
 * another describe's cases with it), started on the dashboard and settled before the first case,
 * the sim's faults cleared after each case, closed after the last. The FaultApp it returns reads
 * that app; touching it before the describe's beforeAll ran, or after its start failed, throws.
 */
export function useFaultApp(options: FaultAppOptions = {}): FaultApp {
  let current: FaultApp | null = null;
  const started = (): FaultApp => {
    if (!current) throw new Error('the fault app did not start');
    return current;
  };
  beforeAll(async () => {
    current = await startFaultApp(options.sim);
    await options.setUp?.(current);
    await waitSettled(current);
  });
  afterEach(async () => {
    if (!current) return;
    current.sim.control.clearFaults();
    await options.afterEach?.(current);
  });
  afterAll(async () => {
    await current?.close();
    current = null;
  });
  return {
    get sim() {
      return started().sim;
    },
    set sim(next: SimPanel) {
      started().sim = next;
    },
    get app() {
      return started().app;
    },
    get page() {
      return started().page;
    },
    get account() {
      return started().account;
    },
    close: () => started().close(),
  };
}

/** The sim and the app, the panel added through `window.api` as onboarding does, the window on the dashboard. */
async function startFaultApp(simOptions: SimPanelOptions = {}): Promise<FaultApp> {
  // Playwright's own default deadline (not the window specs' 10 s): a case may hold the window up.
  const booted = await startAppOnSim({ sim: simOptions, until: 'dashboard', panel: KEY_KEPT, pageTimeoutMs: 30_000 });
  // A case may replace `sim`: close whichever is current.
  const holder: { sim: SimPanel } = { sim: booted.sim };
  return {
    get sim() {
      return holder.sim;
    },
    set sim(next: SimPanel) {
      holder.sim = next;
    },
    app: booted.app,
    page: booted.page,
    account: booted.account,
    close: async () => {
      await booted.app.close();
      await holder.sim.close();
    },
  };
}

/** Adds another simulated panel to the running app through `window.api`, its key kept as the first one's. */
export function addSimPanel(env: FaultApp, sim: SimPanel, name: string, url = sim.url): Promise<IpcResult<AccountView>> {
  return addAccount(env.app, env.page, { url, name, apiKey: sim.apiKey, ...KEY_KEPT });
}

/** The tray item of a server, by name (its label may end with the age of an old state). */
export function trayServer(app: LaunchedApp, name: string): MenuNode | undefined {
  return (app.tray()?.menu ?? []).find(
    (item) => item.type === 'submenu' && (item.label.slice(2) === name || item.label.slice(2).startsWith(`${name} (as of `)),
  );
}

/**
 * True when every server of the sim is in the tray with the mark of the state it had, labelled
 * as not current ("(as of 14:03)"): what the tray must show while it cannot see them.
 */
export function trayShowsLastKnown(env: FaultApp, states: ReadonlyMap<string, ServerView['state']>): boolean {
  return env.sim.control.servers().every((s) => {
    const label = trayServer(env.app, s.name)?.label ?? '';
    return label.startsWith(`${MARK[states.get(s.identifier) ?? 'unknown']} ${s.name} (as of `);
  });
}

/** The account's problem line in the tray (`⚠ …` under its title), or null. */
export function trayProblem(app: LaunchedApp): string | null {
  const line = (app.tray()?.menu ?? []).find((item) => item.type !== 'submenu' && item.label.startsWith('⚠ '));
  return line ? line.label.slice(2) : null;
}

/** True when every server of the sim is in the tray with the mark of its state on the panel. */
export function trayMatchesPanel(env: FaultApp): boolean {
  return env.sim.control.servers().every((s) => trayServer(env.app, s.name)?.label === `${MARK[s.state]} ${s.name}`);
}

async function unwrap<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  const reply: IpcResult<T> = await invoke<T>(page, method, ...args);
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

/** What the window is given: `servers:list`. */
export function windowServers(env: FaultApp): Promise<ServerView[]> {
  return unwrap<ServerView[]>(env.page, 'serversList');
}

/** The account as the window is given it (`accounts:list`). */
export async function windowAccount(env: FaultApp): Promise<AccountView | undefined> {
  const accounts = await unwrap<AccountView[]>(env.page, 'accountsList');
  return accounts.find((a) => a.id === env.account.id);
}

/** The account's status as the window is given it. */
export async function windowAccountStatus(env: FaultApp): Promise<AccountStatus | undefined> {
  return (await windowAccount(env))?.status;
}

/** Waits until the window's page shows `text` (the dashboard prints an account's problem). */
export async function windowShows(env: FaultApp, text: string, timeoutMs = 5_000): Promise<void> {
  await env.page.getByText(text, { exact: false }).first().waitFor({ timeout: timeoutMs });
}

/** Waits until the tray shows every server with its panel state and the window has them all live. */
export async function waitSettled(env: FaultApp, timeoutMs = 30_000): Promise<void> {
  await env.app.waitFor(() => trayMatchesPanel(env) && trayProblem(env.app) === null, { timeoutMs, message: 'tray matches the panel, no problem line' });
  const ours = async (): Promise<ServerView[]> => (await windowServers(env)).filter((s) => s.accountId === env.account.id);
  await eventually('every server live in the window', async () => (await ours()).every((s) => s.isLive && s.availability === 'ok'), timeoutMs);
  expect(await windowAccountStatus(env)).toBe('ok');
}

/**
 * Polls `predicate` every 50 ms until it holds. Only for state that emits no event the test can
 * await (the sim's request log, a reply of window.api); tray state is awaited with app.waitFor.
 */
export async function eventually(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 checks the process exists without touching it
    return true;
  } catch {
    return false;
  }
}

/** The app is up: its process runs, main answers IPC, the tray exists and no quit began. */
export async function expectAlive(env: FaultApp): Promise<void> {
  expect(isRunning(env.app.pid), 'the app process is running').toBe(true);
  const reply = await invoke(env.page, 'settingsGet');
  expect(reply.ok, 'main answers IPC').toBe(true);
  expect(env.app.tray()?.destroyed).toBe(false);
  expect(env.app.snapshot().lifecycle).not.toContain('before-quit');
}

/** Titles of the notifications shown after `since` (an index into app.notifications()). */
export function noticesSince(app: LaunchedApp, since: number): string[] {
  return app
    .notifications()
    .slice(since)
    .map((n) => n.title);
}

/** Panel and Wings requests the sim saw in [fromMs, toMs). */
export function requestsBetween(sim: SimPanel, fromMs: number, toMs = Number.POSITIVE_INFINITY, port?: 'panel' | 'wings') {
  return sim.control.requestLog().filter((r) => r.timeMs >= fromMs && r.timeMs < toMs && (port === undefined || r.port === port));
}
