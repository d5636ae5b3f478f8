/**
 * The real built app on the Electron double against the simulated panel, for fault runs, and the
 * checks every fault test makes: the app is up, the tray and the window agree with the panel, the
 * requests stayed within a budget, and no notification was shown that should not have been.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { startSimPanel, type SimPanel, type SimPanelOptions } from '../../../src/sim';
import type { AccountStatus, AccountView, IpcResult, ServerView } from '../../../src/shared/types';
import { launchApp } from '../../electron-double/launch';
import type { LaunchedApp } from '../../electron-double/launch-api';
import type { MenuNode } from '../../electron-double/shared/snapshot';
import { MAIN, addAccount, hasSecretService, invoke, requireBuild } from '../../e2e/helpers/app-on-sim';
import { simVersionDefaults } from '../../helpers/sim-versions';

export const MARK: Record<ServerView['state'], string> = { running: '●', starting: '◐', stopping: '◑', offline: '○', unknown: '◌' };

/** The app, its window and the panel it watches. */
export interface FaultApp {
  sim: SimPanel;
  app: LaunchedApp;
  page: Page;
  account: AccountView;
  close(): Promise<void>;
}

/**
 * Starts the sim and the app and adds the panel through `window.api`, as onboarding does. Without
 * a Secret Service (a plain `vitest run`), the key is kept for the session only, which the app
 * offers when no keychain is available: the fault paths are the same either way.
 */
export async function startFaultApp(simOptions: SimPanelOptions = {}): Promise<FaultApp> {
  requireBuild();
  const sim = await startSimPanel({ servers: 4, seed: 3, tickMs: 150, statsIntervalMs: 400, ...simVersionDefaults(), ...simOptions });
  const app = await launchApp({ main: MAIN, env: { PTEROTRAY_QUIET: '1' } });
  // A test may replace `sim` (a panel that vanishes and comes back): close whichever is current.
  const holder: { sim: SimPanel } = { sim };
  const close = async (): Promise<void> => {
    await app.close();
    await holder.sim.close();
  };
  try {
    const page = await app.window();
    // The page opens onboarding by itself while there is no account; add the panel from there.
    await page.getByRole('heading', { name: 'Welcome to Pterotray' }).waitFor({ timeout: 20_000 });
    const input = { url: sim.url, name: 'Test panel', apiKey: sim.apiKey, ...(hasSecretService ? {} : { sessionOnly: true }) };
    const added = await addAccount(app, page, input);
    if (!added.ok) throw new Error(`accountsAdd failed: ${added.error.code} ${added.error.message}`);
    // The panel was added behind onboarding's back: leave it for the dashboard, as its form would.
    await page.getByRole('button', { name: 'Back to servers' }).click();
    await page.getByRole('heading', { name: 'Test panel' }).first().waitFor();
    return {
      get sim() {
        return holder.sim;
      },
      set sim(next: SimPanel) {
        holder.sim = next;
      },
      app,
      page,
      account: added.value,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The tray item of a server, by name (its label may end with the age of an old state). */
export function trayServer(app: LaunchedApp, name: string): MenuNode | undefined {
  return (app.tray()?.menu ?? []).find((item) => item.type === 'submenu' && (item.label.slice(2) === name || item.label.slice(2).startsWith(`${name} (as of `)));
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
  return app.notifications().slice(since).map((n) => n.title);
}

/** Panel and Wings requests the sim saw in [fromMs, toMs). */
export function requestsBetween(sim: SimPanel, fromMs: number, toMs = Number.POSITIVE_INFINITY, port?: 'panel' | 'wings') {
  return sim.control.requestLog().filter((r) => r.timeMs >= fromMs && r.timeMs < toMs && (port === undefined || r.port === port));
}
