// One sim version (default, or SIM_VERSION's): the empty, loading and error states come from injected faults, alike on every release.
/**
 * The window's empty, loading and error states on the real app: every one explains itself and
 * offers the way on (a retry, a clear, a download), and a busy panel does not freeze the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUGE_LOG_PATH, type SimFiles } from '../../../src/sim';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { closeEditor, fileList, fileRow, openEntry } from '../helpers/files-kit';
import { openServer, serverRows, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

const LIST_ROUTE = 'GET /api/client/servers/:server/files/list';

describe.skipIf(!hasSecretService)('empty, loading and error states', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  let files: SimFiles;

  beforeAll(async () => {
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 3 } });
    watch = watchConsole(env.page, env.app);
    files = env.sim.control.files(env.sim.control.servers()[0]!.identifier);
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
  });

  it('dashboard: a search that matches nothing says so and offers to clear it', async () => {
    await env.page.getByRole('searchbox', { name: 'Search servers' }).fill('no such server anywhere');
    await env.page.getByText('No server matches').waitFor();
    await shot(env.page, 'states-dashboard-no-match');
    await env.page.getByRole('button', { name: 'Clear search and filter' }).click();
    await expect.poll(() => serverRows(env.page).count()).toBe(3);
  });

  it('files: a slow folder shows it is opening; one the panel fails shows the error and a retry', async () => {
    const server = env.sim.control.servers()[0]!;
    env.sim.control.injectFault({ route: LIST_ROUTE, count: 1, fault: { type: 'delay', ms: 1000 } });
    await openServer(env.page, server.name, 'Files');
    await env.page.getByText('Opening folder…').waitFor();
    await shot(env.page, 'states-files-loading');
    // While the panel is slow the window is not: the tabs still answer at once.
    await env.page.getByRole('tab', { name: 'Stats' }).click();
    await env.page.getByRole('tab', { name: 'Files' }).click();
    await fileRow(env.page, 'server.properties').waitFor();
    env.sim.control.injectFault({ route: LIST_ROUTE, count: 5, fault: { type: 'status', status: 500 } });
    await openEntry(env.page, 'config');
    await env.page.getByText('Could not open this folder').waitFor({ timeout: 15_000 });
    await shot(env.page, 'states-files-error');
    env.sim.control.clearFaults();
    await env.page.getByRole('button', { name: 'Try again' }).click();
    await fileRow(env.page, 'settings.json').waitFor();
    await env.page.getByRole('button', { name: 'Up one folder (Backspace)' }).click();
    await fileRow(env.page, 'server.properties').waitFor();
  });

  it('files: a new, empty folder says it is empty and how to fill it', async () => {
    await env.page.getByRole('button', { name: 'New folder' }).click();
    const dialog = env.page.getByRole('dialog', { name: 'New folder' });
    await dialog.getByLabel('Name').fill('empty folder');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await fileRow(env.page, 'empty folder').waitFor();
    expect(files.stat('/empty folder')?.isFile).toBe(false);
    await openEntry(env.page, 'empty folder');
    await env.page.getByText('This folder is empty').waitFor();
    expect(await env.page.getByText('Drop files here, or use Upload or New file.').isVisible()).toBe(true);
    await shot(env.page, 'states-files-empty-folder');
    await env.page.getByRole('button', { name: 'Up one folder (Backspace)' }).click();
    await fileList(env.page).waitFor();
  });

  it('editor: a file over the panel’s 4 MiB limit and a binary file offer a download instead', async () => {
    await openEntry(env.page, 'logs');
    await openEntry(env.page, HUGE_LOG_PATH.split('/').pop()!);
    await env.page.getByText('This file is too large to edit here').waitFor();
    expect(await env.page.getByRole('button', { name: 'Download…' }).count()).toBeGreaterThan(0);
    await shot(env.page, 'states-editor-too-large');
    await closeEditor(env.page);
    await env.page.getByRole('button', { name: 'Up one folder (Backspace)' }).click();
    await openEntry(env.page, 'server.jar');
    await env.page.getByText('This file cannot be edited as text').waitFor();
    await closeEditor(env.page);
  });

  it('console: a lost node is said in its status line, the window still works, and it reconnects', async () => {
    const server = env.sim.control.servers()[0]!;
    await env.page.getByRole('tab', { name: 'Console' }).click();
    await env.page.getByText('Connected', { exact: true }).waitFor({ timeout: 15_000 });
    await env.sim.control.setNodeReachable(false);
    try {
      await env.page.getByText(/Connection lost, reconnecting…|Could not connect to the console/).waitFor({ timeout: 15_000 });
      await shot(env.page, 'states-console-node-down');
      await env.page.getByRole('tab', { name: 'Stats' }).click();
      await env.page.getByRole('tab', { name: 'Stats', selected: true }).waitFor();
    } finally {
      await env.sim.control.setNodeReachable(true);
    }
    await env.page.getByRole('tab', { name: 'Console' }).click();
    await env.page.getByText('Connected', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await env.page.getByRole('heading', { level: 1, name: server.name }).isVisible()).toBe(true);
  });

  it('printed no CSP violation and no error', () => {
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
