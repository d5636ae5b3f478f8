/**
 * Helpers for the window specs (test/e2e/window): a watch on the page's console for CSP
 * violations and errors, moving around the window the way a person does, and named screenshots.
 * The app itself is booted by app-on-sim.ts's `startAppOnSim`.
 */
import type { ConsoleMessage, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LaunchedApp } from '../../electron-double/launch-api';
import { screenshot, serverRows } from './app-on-sim';

/**
 * CSP reports the window may print and why they are acceptable. Chromium ignores `frame-ancestors`
 * in a <meta> CSP (it only works as a response header: main's app:// handler sends it for pages);
 * the meta keeps it so the policy reads whole in one place.
 */
export const KNOWN_CSP_MESSAGES: RegExp[] = [/directive 'frame-ancestors' is ignored when delivered via a <meta> element/];

/** What the page printed: every error and warning, and the CSP reports that are not known. */
export interface ConsoleWatch {
  errors(): string[];
  /** Console lines (any level) about the Content Security Policy, minus KNOWN_CSP_MESSAGES. */
  cspViolations(): string[];
  /** Every CSP line seen, known ones included (for the report). */
  cspMessages(): string[];
  stop(): void;
}

/**
 * Watches the page's console from now on, and also reads what the double recorded from the page
 * before (the first load happens before a test can attach a listener).
 */
export function watchConsole(page: Page, app: LaunchedApp): ConsoleWatch {
  const seen: string[] = [];
  const onConsole = (message: ConsoleMessage): void => {
    if (message.type() === 'error' || message.type() === 'warning') seen.push(`${message.type()}: ${message.text()}`);
  };
  const onError = (error: Error): void => void seen.push(`uncaught: ${error.message}`);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  const recorded = (): string[] =>
    app
      .logs()
      .filter((line) => line.stream === 'renderer')
      .map((line) => line.text.replace(/^\[window \d+\] /, ''));
  const all = (): string[] => [...new Set([...recorded(), ...seen])];
  const isCsp = (line: string): boolean => /Content Security Policy/i.test(line);
  return {
    errors: () => all().filter((line) => /^(error|uncaught)/.test(line)),
    cspMessages: () => all().filter(isCsp),
    cspViolations: () => all().filter((line) => isCsp(line) && !KNOWN_CSP_MESSAGES.some((known) => known.test(line))),
    stop: () => {
      page.off('console', onConsole);
      page.off('pageerror', onError);
    },
  };
}

/** The rows of the dashboard's server list (the boot fixture waits on them, so it keeps them). */
export { serverRows } from './app-on-sim';

/** The dashboard row of one server. */
export function serverRow(page: Page, name: string): Locator {
  return page.getByRole('row', { name, exact: true });
}

/** A server's tab as its label reads (server-tabs.ts; the panel pages show once permissions are read). */
export type ServerTabLabel =
  | 'Console'
  | 'Files'
  | 'Stats'
  | 'Backups'
  | 'Schedules'
  | 'Databases'
  | 'Users'
  | 'Network'
  | 'Startup'
  | 'Activity'
  | 'Timeline'
  | 'Settings'
  | 'Notifications';

/** Opens a server from the dashboard (a click on its row), then one of its tabs. */
export async function openServer(page: Page, name: string, tab: ServerTabLabel = 'Console'): Promise<void> {
  await serverRow(page, name).locator('.name').click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  if (tab !== 'Console') await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
}

/** Waits until the dashboard shows a state (not "Unknown") for every row on screen. */
export async function waitForVisibleStates(page: Page, timeoutMs = 20_000): Promise<void> {
  const height = page.viewportSize()?.height ?? 720;
  const allKnown = (): Promise<boolean> =>
    serverRows(page).evaluateAll((rows, viewportHeight) => {
      const onScreen = rows.filter((row) => row.getBoundingClientRect().top < viewportHeight);
      // textContent: rows off screen skip rendering (content-visibility), and innerText skips them too.
      return onScreen.length > 0 && onScreen.every((row) => !/\bUnknown\b/.test(row.textContent ?? ''));
    }, height);
  await expect.poll(allKnown, { timeout: timeoutMs, message: 'every server on screen shows its state' }).toBe(true);
}

/** A computed style of the first element a locator finds. */
export function computedStyle(locator: Locator, property: string): Promise<string> {
  return locator.first().evaluate((element, name) => element.ownerDocument.defaultView!.getComputedStyle(element).getPropertyValue(name), property);
}

/** Saves test-results/screenshots/<area>-<name>.png (the window as it is, 1100×720). */
export async function shot(page: Page, name: string): Promise<string> {
  return screenshot(page, name);
}
