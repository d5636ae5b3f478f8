/**
 * The built app on the Electron double, with the bench's panels added through the window's own
 * API (as onboarding does), keys kept for the session only (the bench has no keychain).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, type LaunchedApp } from '../../test/electron-double/launch';
import type { AccountView, IpcResult, ServerView } from '../../src/shared/types';
import type { HostedPanel } from '../sim/host-protocol';
import { waitUntil } from './wait';

export const MAIN = 'out/main/index.js';
const PROBE = new URL('../idle/app-probe.mjs', import.meta.url).href;

/** What the probe in the app's process writes on SIGUSR2 (see idle/app-probe.mjs). */
export interface ProbeFigures {
  atMs: number;
  cpuMs: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  rssBytes: number;
  hasGc: boolean;
}

/** A running app with its window. */
export interface BenchApp {
  app: LaunchedApp;
  page: Page;
  /** Asks the probe for figures (only when launched with `withProbe`). */
  probe(): Promise<ProbeFigures>;
  close(): Promise<void>;
}

/** Calls `window.api[method]` in the page and returns its envelope. */
export async function invoke<T>(page: Page, method: string, ...args: unknown[]): Promise<IpcResult<T>> {
  return page.evaluate(([name, list]) => (globalThis as unknown as { api: Record<string, (...a: unknown[]) => Promise<unknown>> }).api[name]!(...list), [
    method,
    args,
  ] as const) as Promise<IpcResult<T>>;
}

/** The value of an envelope; throws with the error's code and message (never a key: none is sent back). */
export function unwrap<T>(result: IpcResult<T>, what: string): T {
  if (result.ok) return result.value;
  throw new Error(`${what} failed: ${result.error.code} ${result.error.message}`);
}

function readProbe(path: string): ProbeFigures | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ProbeFigures;
  } catch {
    return null;
  }
}

/** Launches the app; `withProbe` loads idle/app-probe.mjs into its main process. */
export async function launchBenchApp(withProbe: boolean): Promise<BenchApp> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first (npm run bench does).`);
  const scratch = mkdtempSync(join(tmpdir(), 'pterotray-bench-'));
  const probePath = join(scratch, 'probe.json');
  const env: Record<string, string> = { PTEROTRAY_QUIET: '1' };
  if (withProbe) Object.assign(env, { NODE_OPTIONS: `--expose-gc --import=${PROBE}`, PTEROTRAY_BENCH_PROBE: probePath });
  const app = await launchApp({ main: MAIN, env, echo: false, timeoutMs: 60_000 });
  const close = async (): Promise<void> => {
    await app.close({ timeoutMs: 20_000 });
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const page = await app.window();
    await page.waitForFunction(() => 'api' in globalThis);
    const probe = async (): Promise<ProbeFigures> => {
      const askedAtMs = Date.now();
      process.kill(app.pid, 'SIGUSR2');
      await waitUntil('the probe in the app', () => (readProbe(probePath)?.atMs ?? 0) >= askedAtMs, 10_000, 20);
      return readProbe(probePath) as ProbeFigures;
    };
    return { app, page, probe, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Adds each panel as an account (session-only key), as a person would in onboarding. */
export async function addPanels(page: Page, panels: readonly HostedPanel[]): Promise<AccountView[]> {
  const added: AccountView[] = [];
  for (const [i, panel] of panels.entries()) {
    const input = { url: panel.url, name: `Bench panel ${i + 1}`, apiKey: panel.apiKey, sessionOnly: true };
    added.push(unwrap(await invoke<AccountView>(page, 'accountsAdd', input), 'accountsAdd'));
  }
  return added;
}

/** The servers as the window sees them. */
export async function windowServers(page: Page): Promise<ServerView[]> {
  return unwrap(await invoke<ServerView[]>(page, 'serversList'), 'serversList');
}
