/**
 * The one way the end-to-end, fault and security specs boot the app: the simulated panel, the real
 * built app on the Electron double, and (as far as a spec asks) the panel added through the
 * app's own window API as onboarding adds it and the window on the dashboard. Also the calls every
 * such spec makes on it: window.api from the page, the tray's items, named screenshots.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startSimPanel, type SimPanel, type SimPanelOptions } from '../../../src/sim';
import { launchApp } from '../../electron-double/launch';
import type { LaunchedApp, LaunchOptions } from '../../electron-double/launch-api';
import type { MenuNode } from '../../electron-double/shared/snapshot';
import type { AddAccountInput } from '../../../src/shared/ipc-contract';
import type { AccountView, IpcResult } from '../../../src/shared/types';
import { simVersionDefaults } from '../../helpers/sim-versions';

export const MAIN = 'out/main/index.js';
export const SCREENSHOTS = 'test-results/screenshots';

/** True when npm test runs the suite inside a private Secret Service (keychain tests can run). */
export const hasSecretService = process.env.PTEROTRAY_SECRET_SERVICE === 'gnome-keyring';

export function requireBuild(): void {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does).`);
}

/** How far `startAppOnSim` takes the app before it hands it over. */
export type AppStage =
  /** Launched, its window open on onboarding (the page opens it by itself): no panel yet. */
  | 'launched'
  /** The sim's panel added through window.api; the window left where it was. */
  | 'panel-added'
  /** The panel added, and the window on the dashboard with its server rows. */
  | 'dashboard';

export interface AppOnSimOptions {
  /** Over the suite's sim (see `startSim`). */
  sim?: SimPanelOptions;
  /** Over the built app's launch (`main` and a quiet log are set). */
  launch?: Partial<LaunchOptions>;
  /** Default 'panel-added'. */
  until?: AppStage;
  /** Over the panel as it is added (name 'Test panel', the sim's URL and key): `sessionOnly`, … */
  panel?: Partial<AddAccountInput>;
  /** The page's default deadline for locators and waits. Default 10 s. */
  pageTimeoutMs?: number;
}

/** The simulated panel and the app with no account yet: the window shows onboarding. */
export interface FreshApp {
  sim: SimPanel;
  app: LaunchedApp;
  page: Page;
  close(): Promise<void>;
}

/** The app with the sim's panel added. */
export interface AppOnSim extends FreshApp {
  account: AccountView;
}

/** The sim the suites run the app against: four servers (seed 3), quick ticks; `version` defaults to SIM_VERSION. */
export function startSim(options: SimPanelOptions = {}): Promise<SimPanel> {
  return startSimPanel({ servers: 4, seed: 3, tickMs: 150, statsIntervalMs: 400, ...simVersionDefaults(), ...options });
}

/** The built app on the double, with a quiet log; also for launching it again on the same `home`. */
export function launchBuilt(launch: Partial<LaunchOptions> = {}): Promise<LaunchedApp> {
  requireBuild();
  return launchApp({ main: MAIN, ...launch, env: { PTEROTRAY_QUIET: '1', ...launch.env } });
}

/**
 * Starts a fresh sim and the built app, and takes the app as far as `until` says (default: the
 * sim's panel added). Closing closes both. A boot that fails leaves a screenshot behind.
 */
export function startAppOnSim(options: AppOnSimOptions & { until: 'launched' }): Promise<FreshApp>;
export function startAppOnSim(options?: AppOnSimOptions & { until?: 'panel-added' | 'dashboard' }): Promise<AppOnSim>;
export async function startAppOnSim(options: AppOnSimOptions = {}): Promise<FreshApp | AppOnSim> {
  const until = options.until ?? 'panel-added';
  requireBuild();
  const sim = await startSim(options.sim);
  const app = await launchBuilt(options.launch);
  const close = async (): Promise<void> => {
    await app.close();
    await sim.close();
  };
  let page: Page | null = null;
  try {
    page = await app.window();
    page.setDefaultTimeout(options.pageTimeoutMs ?? 10_000);
    if (until === 'launched') return { sim, app, page, close };
    // The dashboard is reached the way a person reaches it: from onboarding once it is up.
    if (until === 'dashboard') await page.getByRole('heading', { name: 'Welcome to Pterotray' }).waitFor({ timeout: 20_000 });
    else await page.waitForFunction(() => 'api' in globalThis, undefined, { timeout: 20_000 });
    const added = await addAccount(app, page, { url: sim.url, name: 'Test panel', apiKey: sim.apiKey, ...options.panel });
    if (!added.ok) throw new Error(`accountsAdd failed: ${added.error.code} ${added.error.message}`);
    if (until === 'dashboard') {
      // The new account reaches the page by push; then onboarding offers the way back.
      await page.getByRole('button', { name: 'Back to servers' }).click({ timeout: 20_000 });
      await serverRows(page).first().waitFor({ timeout: 20_000 });
    }
    return { sim, app, page, account: added.value, close };
  } catch (error) {
    if (page) await screenshot(page, `failed-start-app-on-sim-${until}`).catch(() => undefined);
    await close();
    throw error;
  }
}

/** Calls window.api from the page, returning the raw envelope (as the preload answers). */
export async function invoke<T>(page: Page, method: string, ...args: unknown[]): Promise<IpcResult<T>> {
  return page.evaluate(
    ([m, a]) => (globalThis as unknown as { api: Record<string, (...x: unknown[]) => Promise<unknown>> }).api[m as string]!(...(a as unknown[])),
    [method, args] as const,
  ) as Promise<IpcResult<T>>;
}

/**
 * Adds a panel through window.api as the onboarding form does, answering main's own question
 * ("Add … to Pterotray?", src/main/dialogs.ts) with its Add button, as the person would.
 */
export async function addAccount(app: LaunchedApp, page: Page, input: Record<string, unknown>): Promise<IpcResult<AccountView>> {
  await app.dialog.answerNext('showMessageBox', { response: 0 });
  const added = await invoke<AccountView | null>(page, 'accountsAdd', input);
  if (added.ok && added.value === null) throw new Error('accountsAdd: main’s question was declined');
  return added as IpcResult<AccountView>;
}

/** The rows of the dashboard's server list. */
export function serverRows(page: Page): Locator {
  return page.locator('[role="grid"] [role="row"]');
}

/** The tray's top-level items. */
export function trayItems(app: LaunchedApp): MenuNode[] {
  return app.tray()?.menu ?? [];
}

/** True for a server's own entry: a submenu holding its actions. */
const isServerEntry = (item: MenuNode, name?: string): boolean =>
  item.type === 'submenu' && (name === undefined || item.label.slice(2) === name) && (item.submenu ?? []).some((i) => i.label === 'Open console');

/**
 * The label path to a server's first entry in the tray, found by its name: in the top level
 * (attention, favourites, a few servers) or under its panel and name range (issue 15).
 */
export function serverMenuPath(app: LaunchedApp, name: string, items: MenuNode[] = trayItems(app)): string[] | undefined {
  for (const item of items) {
    if (isServerEntry(item, name)) return [item.label];
    if (item.type !== 'submenu' || isServerEntry(item)) continue;
    const below = serverMenuPath(app, name, item.submenu ?? []);
    if (below) return [item.label, ...below];
  }
  return undefined;
}

/** The tray item of a server, found by its name, at whatever depth it is. */
export function serverItem(app: LaunchedApp, name: string): MenuNode | undefined {
  const path = serverMenuPath(app, name);
  let items = trayItems(app);
  let found: MenuNode | undefined;
  for (const label of path ?? []) {
    found = items.find((i) => i.label === label);
    items = found?.submenu ?? [];
  }
  return found;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
