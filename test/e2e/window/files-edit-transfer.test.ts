// One sim version (default, or SIM_VERSION's): Wings' file routes and signed URLs are alike on every release (client-files.test.ts runs them on each).
/**
 * Editing and moving files in the real window: a text file edited and saved with Ctrl+S, a save
 * the panel fails (the edit stays, the next save works), and an upload and a download through the
 * native dialogs, with their progress, ending with the same bytes on both sides.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimFiles } from '../../../src/sim';
import type { TransferProgress } from '../../../src/shared/types';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { closeEditor, editor, editorText, fileRow, openEntry, runFileAction } from '../helpers/files-kit';
import { openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

const WRITE_ROUTE = 'POST /api/client/servers/:server/files/write';
const MiB = 1024 * 1024;

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** The transfer progress main pushed to the window for one file, in order. */
function progressPushes(env: AppOnSim, name: string): TransferProgress[] {
  return env.app
    .ipcLog()
    .filter((entry) => entry.kind === 'push' && entry.channel === 'transfers:progress')
    .map((entry) => entry.args[0] as TransferProgress)
    .filter((progress) => progress.name === name);
}

/** Running, never going back, then done with every byte: what a person sees in the tray. */
function expectProgressThenDone(pushes: TransferProgress[], bytes: number): void {
  expect(pushes.length).toBeGreaterThan(1);
  const running = pushes.filter((p) => p.status === 'running');
  expect(running.length).toBeGreaterThan(0);
  expect(pushes.indexOf(running[0]!)).toBeLessThan(pushes.findIndex((p) => p.status === 'done'));
  const amounts = pushes.map((p) => p.transferredBytes);
  expect(amounts).toEqual([...amounts].sort((a, b) => a - b));
  expect(pushes.at(-1)).toMatchObject({ status: 'done', transferredBytes: bytes, error: null });
}

describe.skipIf(!hasSecretService)('editing, uploading and downloading files', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  let files: SimFiles;
  let scratch: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'pterotray-e2e-files-'));
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 2 } });
    watch = watchConsole(env.page, env.app);
    const server = env.sim.control.servers()[0]!;
    files = env.sim.control.files(server.identifier);
    await openServer(env.page, server.name, 'Files');
    await fileRow(env.page, 'server.properties').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    watch?.stop();
    await env?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('edits a text file and saves it with Ctrl+S', async () => {
    const original = files.readText('/server.properties');
    await openEntry(env.page, 'server.properties');
    await editor(env.page, 'server.properties').waitFor();
    await expect.poll(() => editorText(env.page)).toBe(original);
    await env.page.locator('.cm-content').click();
    await env.page.keyboard.press('Control+End');
    await env.page.keyboard.type('white-list=true');
    await env.page.keyboard.press('Enter');
    await env.page.getByRole('img', { name: 'Unsaved changes' }).waitFor();
    await shot(env.page, 'editor-unsaved');
    await env.page.keyboard.press('Control+s');
    await env.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(files.readText('/server.properties')).toBe(`${original}white-list=true\n`);
    expect(await env.page.getByRole('img', { name: 'Unsaved changes' }).count()).toBe(0);
    await shot(env.page, 'editor-saved');
  });

  it('keeps the edit when the panel fails the save, and saves it on the next try', async () => {
    const saved = files.readText('/server.properties');
    env.sim.control.injectFault({ route: WRITE_ROUTE, count: 1, fault: { type: 'status', status: 500 } });
    await env.page.keyboard.type('max-players=40');
    await env.page.keyboard.press('Control+s');
    const alert = env.page.getByRole('alert').filter({ hasText: 'Could not save. Your edits are kept.' });
    await alert.waitFor();
    expect(files.readText('/server.properties')).toBe(saved);
    expect(await editorText(env.page)).toBe(`${saved}max-players=40`);
    expect(await env.page.getByRole('img', { name: 'Unsaved changes' }).isVisible()).toBe(true);
    await shot(env.page, 'editor-save-failed');
    await env.page.keyboard.press('Control+s');
    await env.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(files.readText('/server.properties')).toBe(`${saved}max-players=40`);
    expect(await alert.count()).toBe(0);
    expect(
      env.sim.control
        .requestLog()
        .filter((r) => r.route === WRITE_ROUTE)
        .map((r) => r.status),
    ).toEqual([204, 500, 204]);
    await closeEditor(env.page);
  });

  it('uploads a file picked in the native dialog, with progress, into the open folder', async () => {
    await openEntry(env.page, 'logs');
    await fileRow(env.page, 'latest.log').waitFor();
    const data = randomBytes(12 * MiB);
    const local = join(scratch, 'world-backup.bin');
    writeFileSync(local, data);
    // Wings holds the request a moment before reading it, so the transfer is seen running.
    env.sim.control.injectFault({ route: 'POST /upload/file', count: 1, fault: { type: 'delay', ms: 1500 } });
    await env.app.dialog.answerNext('showOpenDialog', { canceled: false, filePaths: [local] });
    await env.page.getByRole('button', { name: 'Upload', exact: true }).click();
    const transfers = env.page.getByRole('region', { name: 'Transfers' });
    await transfers.getByRole('progressbar', { name: 'Progress of world-backup.bin' }).waitFor();
    await shot(env.page, 'files-upload-progress');
    await transfers.getByText('Done').waitFor({ timeout: 20_000 });
    await fileRow(env.page, 'world-backup.bin').waitFor();
    expect(await files.sha256('/logs/world-backup.bin')).toBe(sha256(data));
    expectProgressThenDone(progressPushes(env, 'world-backup.bin'), data.length);
    expect(env.app.dialog.calls().some((call) => call.kind === 'showOpenDialog')).toBe(true);
  });

  it('downloads a file to the place picked in the save dialog, with progress, byte for byte', async () => {
    files.createLarge('/logs/server-dump.bin', 8 * MiB);
    await env.page.getByRole('button', { name: 'Refresh (F5)' }).click();
    await fileRow(env.page, 'server-dump.bin').waitFor();
    const target = join(scratch, 'saved-dump.bin');
    env.sim.control.injectFault({ route: 'GET /download/file', count: 1, fault: { type: 'delay', ms: 1500 } });
    await env.app.dialog.answerNext('showSaveDialog', { canceled: false, filePath: target });
    await runFileAction(env.page, 'server-dump.bin', 'Download…');
    const transfers = env.page.getByRole('region', { name: 'Transfers' });
    const row = transfers.getByRole('listitem').filter({ hasText: 'server-dump.bin' });
    await row.getByRole('button', { name: 'Cancel server-dump.bin' }).waitFor();
    await row.getByText('Done').waitFor({ timeout: 20_000 });
    await shot(env.page, 'files-transfers-done');
    expect(sha256(readFileSync(target))).toBe(await files.sha256('/logs/server-dump.bin'));
    expectProgressThenDone(progressPushes(env, 'server-dump.bin'), 8 * MiB);
  });

  it('printed no CSP violation and no error', () => {
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
