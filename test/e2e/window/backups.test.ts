/**
 * The Backups tab in the real window against the sim (Pelican, for rename and is_scheduled):
 * create → Wings' `backup completed` → retention asks before deleting → download checked against
 * the panel's sha1; and its failures: a locked backup the panel refuses to delete, a restore over
 * the panel's limit, a 403 for a key without backup.delete. Every step waits on what the window
 * shows or the sim records, never on time.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PanelClient } from '../../../src/core/api/client';
import { clientFor } from '../../helpers/sim';
import { hasSecretService, startAppOnSim, type AppOnSim } from '../helpers/app-on-sim';
import { openServer, shot, watchConsole, type ConsoleWatch } from '../helpers/window-kit';

/** Re-checks a state of the sim (expect.poll, outside a test body) until it holds; fails after 10 s. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(!hasSecretService)('the Backups tab', () => {
  let env: AppOnSim;
  let watch: ConsoleWatch;
  let client: PanelClient;
  let scratch: string;
  let id: string;
  let name: string;

  const table = () => env.page.getByRole('table', { name: 'Backups of this server' });
  const backupRow = (label: string) => table().getByRole('row', { name: label, exact: true });
  const notice = () => env.page.locator('.backups .notice').last();
  const deletes = () => env.sim.control.requestLog().filter((e) => e.method === 'DELETE' && e.route.includes('/backups/'));

  /** Waits until the sim's record of `uuid` is complete (polling the panel the way a script would). */
  async function completed(uuid: string): Promise<void> {
    await until(async () => (await client.getBackup(id, uuid)).completedAt !== null, `the backup ${uuid} completed`);
  }

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'pterotray-backups-e2e-'));
    // A 1 s tick: a restore stays `restoring_backup` long enough for the window to be told.
    env = await startAppOnSim({ until: 'dashboard', sim: { servers: 2, version: 'pelican', tickMs: 1000 } });
    watch = watchConsole(env.page, env.app);
    client = clientFor(env.sim);
    const server = env.sim.control.servers()[0]!;
    id = server.identifier;
    name = server.name;
    // An older unlocked backup, for retention to offer.
    const old = await client.createBackup(id, { name: 'old weekly' });
    await completed(old.uuid);
    await openServer(env.page, name, 'Backups');
    await backupRow('old weekly').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    watch?.stop();
    client?.dispose();
    await env?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('lists the backups with the limit, and creates one that completes over the websocket', async () => {
    await env.page.getByText(/^\d+ of 5 backups$/).waitFor();
    await env.page.getByLabel('Keep the newest').selectOption('1');
    await notice()
      .getByText(/offer to delete all but the newest completed backup/)
      .waitFor();
    await shot(env.page, 'backups-list');

    await env.page.getByRole('button', { name: 'Create backup' }).click();
    const dialog = env.page.getByRole('dialog', { name: 'Create a backup' });
    await dialog.getByLabel('Name').fill('e2e nightly');
    await dialog.getByLabel('Files to leave out').fill('logs/*\n*.tmp');
    await shot(env.page, 'backups-create-dialog');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.waitFor({ state: 'detached' });
    await backupRow('e2e nightly').getByText('In progress').waitFor();
    // Wings' event reaches the window; then retention asks (and deletes nothing on its own).
    const ask = env.page.getByRole('dialog', { name: /^Delete \d+ old backups?\?$/ });
    await ask.waitFor({ timeout: 15_000 });
    await backupRow('e2e nightly').getByText('In progress').waitFor({ state: 'detached' });
    expect(await ask.getByRole('listitem').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('old weekly')]));
    expect(await ask.getByRole('listitem').allInnerTexts()).not.toEqual(expect.arrayContaining([expect.stringContaining('e2e nightly')]));
    expect(deletes()).toEqual([]);
    await shot(env.page, 'backups-retention-asks');
    await ask.getByRole('button', { name: 'Delete them' }).click();
    await ask.waitFor({ state: 'detached' });
    await backupRow('old weekly').waitFor({ state: 'detached' });
    expect(deletes().length).toBeGreaterThan(0);
    expect(deletes().every((e) => e.status === 204)).toBe(true);
  });

  it('downloads a backup through the transfer manager and checks it against the panel’s sha1', async () => {
    const backup = (await client.listBackups(id)).find((b) => b.name === 'e2e nightly')!;
    const target = join(scratch, 'nightly.tar.gz');
    await env.app.dialog.answerNext('showSaveDialog', { canceled: false, filePath: target });
    await backupRow('e2e nightly').getByRole('button', { name: 'Download' }).click();
    await notice()
      .getByText(/its sha1 matches the panel’s checksum\. SHA-256: [0-9a-f]{64}$/)
      .waitFor({ timeout: 20_000 });
    const bytes = readFileSync(target);
    expect(`sha1:${createHash('sha1').update(bytes).digest('hex')}`).toBe(backup.checksum);
    expect(await notice().innerText()).toContain(createHash('sha256').update(bytes).digest('hex'));
    await shot(env.page, 'backups-downloaded');
  });

  it('renames (Pelican) and locks; a locked backup’s Delete is off with the reason', async () => {
    const row = backupRow('e2e nightly');
    await row.getByRole('button', { name: 'Rename…' }).click();
    const dialog = env.page.getByRole('dialog', { name: 'Rename backup' });
    await dialog.getByLabel('New name').fill('before the update');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    const renamed = backupRow('before the update');
    await renamed.waitFor();
    await renamed.getByRole('button', { name: 'Lock' }).click();
    await renamed.getByText('Locked', { exact: true }).waitFor();
    const del = renamed.getByRole('button', { name: 'Delete…' });
    expect(await del.isDisabled()).toBe(true);
    expect(await del.getAttribute('title')).toBe('Locked backups cannot be deleted: unlock it first.');
  });

  /** The backup made in the first test, renamed and locked in the third. */
  const kept = async () => (await client.listBackups(id)).find((b) => b.name === 'before the update')!;

  it('failure: a backup locked in the panel meanwhile is refused in the panel’s words', async () => {
    const row = backupRow('before the update');
    await row.getByRole('button', { name: 'Unlock' }).click();
    await row.getByText('Locked', { exact: true }).waitFor({ state: 'detached' });
    // Someone locks it in the panel; the window still shows it unlocked.
    await client.toggleBackupLock(id, (await kept()).uuid);
    await row.getByRole('button', { name: 'Delete…' }).click();
    const dialog = env.page.getByRole('dialog', { name: 'Delete “before the update”?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('alert').getByText('Cannot delete a backup that is marked as locked.').waitFor();
    await shot(env.page, 'backups-delete-locked-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await kept()).isLocked).toBe(true);
  });

  it('restores with the truncate choice and watches the server through restoring', async () => {
    await backupRow('before the update').getByRole('button', { name: 'Restore…' }).click();
    const dialog = env.page.getByRole('dialog', { name: 'Restore “before the update”?' });
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await dialog.waitFor({ state: 'detached' });
    await notice().getByText('Restoring “before the update”: the server is busy until the node finishes.').waitFor();
    // The server view says it is restoring (the panel's restoring_backup), and the tab offers no second restore.
    await env.page.getByText('Restoring from backup', { exact: true }).waitFor();
    expect(await backupRow('before the update').getByRole('button', { name: 'Restore…' }).isDisabled()).toBe(true);
    await shot(env.page, 'backups-restoring');
    await notice().getByText('The restore finished.').waitFor({ timeout: 15_000 });
    const restores = env.sim.control.requestLog().filter((e) => e.method === 'POST' && e.route.endsWith('/restore'));
    expect(restores.map((e) => e.status)).toEqual([204]);
  });

  it('failure: a restore over the panel’s limit says when the next is possible', async () => {
    const { uuid } = await kept();
    // Pelican allows 3 restores per 15 minutes per server (ResourceLimit::BackupRestore); one was the window's.
    for (let i = 0; i < 2; i++) {
      await client.restoreBackup(id, uuid, { truncate: false });
      await until(async () => env.sim.control.servers()[0]!.status === null, 'the restore finished');
    }
    await backupRow('before the update').getByRole('button', { name: 'Restore…' }).click();
    const dialog = env.page.getByRole('dialog', { name: 'Restore “before the update”?' });
    await dialog.getByRole('checkbox', { name: 'Delete all files before restoring' }).check();
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/limits how often you can restore this backup: the next one is possible in \d+ minutes/)
      .waitFor();
    await shot(env.page, 'backups-restore-limited');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(env.sim.control.servers()[0]!.status).toBe(null);
  });

  it('failure: a key without backup.delete gets the refusal explained', async () => {
    await client.toggleBackupLock(id, (await kept()).uuid);
    // The window read the permissions when the server opened: it offers Delete, the panel refuses.
    env.sim.control.setPermissions(id, ['backup.read', 'backup.create', 'backup.download', 'backup.restore', 'websocket.connect']);
    await env.page.getByRole('button', { name: 'Refresh' }).click();
    const row = backupRow('before the update');
    await row.getByText('Locked', { exact: true }).waitFor({ state: 'detached' });
    await row.getByRole('button', { name: 'Delete…' }).click();
    const dialog = env.page.getByRole('dialog', { name: 'Delete “before the update”?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await dialog
      .getByRole('alert')
      .getByText('You may not delete this backup on this server: the “backup.delete” permission is missing. The server’s owner can grant it under Users.')
      .waitFor();
    await shot(env.page, 'backups-delete-forbidden');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('printed no CSP violation and no error', () => {
    expect(watch.cspViolations()).toEqual([]);
    expect(watch.errors().filter((line) => !/Content Security Policy/.test(line))).toEqual([]);
  });
});
