/**
 * Starts the simulated panel and the real built app on the Electron double, and adds the panel
 * through the app's own window API (as onboarding does). Shared by the end-to-end specs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startSimPanel, type SimPanel, type SimPanelOptions } from '../../../src/sim';
import { launchApp } from '../../electron-double/launch';
import type { LaunchedApp, LaunchOptions } from '../../electron-double/launch-api';
import type { MenuNode } from '../../electron-double/shared/snapshot';
import type { AccountView, IpcResult } from '../../../src/shared/types';
import { simVersionDefaults } from '../../helpers/sim-versions';

export const MAIN = 'out/main/index.js';
export const SCREENSHOTS = 'test-results/screenshots';

/** True when npm test runs the suite inside a private Secret Service (keychain tests can run). */
export const hasSecretService = process.env.PTEROTRAY_SECRET_SERVICE === 'gnome-keyring';

export function requireBuild(): void {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm test does).`);
}

export interface AppOnSim {
  sim: SimPanel;
  app: LaunchedApp;
  page: Page;
  account: AccountView;
  close(): Promise<void>;
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

/** The built app on a fresh sim (its `version` defaults to SIM_VERSION), with the panel added. */
export async function startAppOnSim(options: { sim?: SimPanelOptions; launch?: Partial<LaunchOptions> } = {}): Promise<AppOnSim> {
  requireBuild();
  const sim = await startSimPanel({ servers: 4, seed: 3, tickMs: 150, statsIntervalMs: 400, ...simVersionDefaults(), ...options.sim });
  const app = await launchApp({ main: MAIN, ...options.launch, env: { PTEROTRAY_QUIET: '1', ...options.launch?.env } });
  try {
    const page = await app.window();
    await page.waitForFunction(() => 'api' in globalThis);
    const added = await addAccount(app, page, { url: sim.url, name: 'Test panel', apiKey: sim.apiKey });
    if (!added.ok) throw new Error(`accountsAdd failed: ${added.error.code} ${added.error.message}`);
    return {
      sim,
      app,
      page,
      account: added.value,
      close: async () => {
        await app.close();
        await sim.close();
      },
    };
  } catch (error) {
    await app.close();
    await sim.close();
    throw error;
  }
}

/** The tray's top-level items. */
export function trayItems(app: LaunchedApp): MenuNode[] {
  return app.tray()?.menu ?? [];
}

/** The tray item of a server, found by its name. */
export function serverItem(app: LaunchedApp, name: string): MenuNode | undefined {
  return trayItems(app).find((item) => item.type === 'submenu' && item.label.slice(2) === name);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
