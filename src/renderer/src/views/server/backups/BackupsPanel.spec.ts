import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../../test/mock-api';
import type { ServerPermissions } from '../../../../../shared/ipc-contract';
import type { BackupView, BackupsPage } from '../../../../../shared/ipc/backups';
import { REF, serverView } from '../test-fixtures';
import BackupsPanel from './BackupsPanel.svelte';
import { createAvailability, limitState, rowAvailability } from './backups-logic';

function backup(patch: Partial<BackupView> = {}): BackupView {
  return {
    uuid: 'b-1',
    name: 'nightly',
    isSuccessful: true,
    isLocked: false,
    isScheduled: null,
    ignoredFiles: [],
    checksum: 'sha1:0123456789abcdef0123456789abcdef01234567',
    bytes: 1024 * 1024,
    createdAt: '2026-12-01T10:00:00+00:00',
    completedAt: '2026-12-01T10:01:00+00:00',
    ...patch,
  };
}

function page(patch: Partial<BackupsPage> = {}): BackupsPage {
  return { backups: [backup()], backupCount: 1, limit: 5, canRename: false, keepNewest: null, ...patch };
}

const OWNER: ServerPermissions = { isOwner: true, permissions: ['*'] };
const READER: ServerPermissions = { isOwner: false, permissions: ['backup.read', 'backup.create'] };

async function renderPanel(answer: BackupsPage, permissions: ServerPermissions | null = OWNER) {
  mockApi.answer('backupsList', answer);
  const user = userEvent.setup();
  const view = render(BackupsPanel, { props: { ref: REF, server: serverView(), permissions } });
  await waitFor(() => expect(mockApi.calls('backupsList').length).toBeGreaterThan(0));
  return { user, ...view };
}

const rowOf = (name: string) => screen.getByRole('row', { name });

describe('backups logic', () => {
  it('counts what the panel counts and is full at the limit', () => {
    expect(limitState(page({ backupCount: 5 }))).toEqual({ text: '5 of 5 backups', isFull: true });
    // No backup_count: failed ones do not count (getNonFailedBackups).
    expect(limitState(page({ backupCount: null, backups: [backup(), backup({ uuid: 'f', isSuccessful: false })] })).text).toBe('1 of 5 backups');
    expect(limitState(page({ limit: 0 })).isFull).toBe(true);
    expect(createAvailability(page({ backupCount: 5 }), OWNER)).toEqual({ isEnabled: false, reason: 'The server has reached its backup limit.' });
  });

  it('offers each action only when it can work, with the reason when not', () => {
    const locked = backup({ isLocked: true });
    expect(rowAvailability(locked, 'delete', OWNER, false).reason).toBe('Locked backups cannot be deleted: unlock it first.');
    // A failed backup goes even when locked (DeleteBackupService), and has nothing to download.
    const failed = backup({ isSuccessful: false, isLocked: true, checksum: null });
    expect(rowAvailability(failed, 'delete', OWNER, false).isEnabled).toBe(true);
    expect(rowAvailability(failed, 'download', OWNER, false).isEnabled).toBe(false);
    expect(rowAvailability(backup({ completedAt: null }), 'restore', OWNER, false).reason).toBe('Wait until the backup has completed.');
    expect(rowAvailability(backup(), 'restore', OWNER, true).isEnabled).toBe(false);
    expect(rowAvailability(backup(), 'lock', READER, false).reason).toBe('Your key lacks the “backup.delete” permission on this server.');
    // Unknown permissions allow: the panel decides.
    expect(rowAvailability(backup(), 'delete', null, false).isEnabled).toBe(true);
  });
});

describe('BackupsPanel', () => {
  it('lists the backups with their states and the limit; rename only where the panel offers it', async () => {
    const backups = [
      backup(),
      backup({ uuid: 'b-2', name: 'running', completedAt: null, isSuccessful: false, checksum: null, bytes: 0, createdAt: '2026-12-02T10:00:00+00:00' }),
      backup({ uuid: 'b-3', name: 'broken', isSuccessful: false, checksum: null, bytes: 0 }),
      backup({ uuid: 'b-4', name: 'keep', isLocked: true, isScheduled: true }),
    ];
    await renderPanel(page({ backups, backupCount: 3 }));
    await screen.findByText('3 of 5 backups');
    expect(within(rowOf('running')).getByText('In progress')).toBeTruthy();
    expect(within(rowOf('broken')).getByText('Failed')).toBeTruthy();
    expect(within(rowOf('keep')).getByText('Locked')).toBeTruthy();
    expect(within(rowOf('keep')).getByText('Scheduled')).toBeTruthy();
    expect(within(rowOf('nightly')).getByText('sha1:0123456789abcdef0123456789abcdef01234567')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Rename…' })).toBeNull();
    // Newest first.
    expect(screen.getAllByRole('row').slice(1)[0]!.getAttribute('aria-label')).toBe('running');
  });

  it('disables what the key may not do, saying why', async () => {
    await renderPanel(page({ canRename: true }), READER);
    const row = await screen.findByRole('row', { name: 'nightly' });
    const del = within(row).getByRole('button', { name: 'Delete…' });
    expect((del as HTMLButtonElement).disabled).toBe(true);
    expect(del.getAttribute('title')).toBe('Your key lacks the “backup.delete” permission on this server.');
    expect((within(row).getByRole('button', { name: 'Download' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Create backup' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('explains a refused list as a missing permission', async () => {
    mockApi.fail('backupsList', { code: 'forbidden', message: 'This action is unauthorized.' });
    render(BackupsPanel, { props: { ref: REF, server: serverView(), permissions: null } });
    expect(await screen.findByText('Your key may not see this')).toBeTruthy();
    expect(screen.getByText(/“backup.read” permission/)).toBeTruthy();
  });

  it('keeps the create form with the panel’s throttle and when the next is possible', async () => {
    const { user } = await renderPanel(page());
    await user.click(await screen.findByRole('button', { name: 'Create backup' }));
    const dialog = screen.getByRole('dialog', { name: 'Create a backup' });
    await user.type(within(dialog).getByLabelText('Name'), 'before update');
    mockApi.fail('backupsCreate', { code: 'rate-limited', message: 'limited', retryAfterMs: 40_000 });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('The panel limits how often you can create a backup: the next one is possible in 40 seconds.')).toBeTruthy();
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe('before update');
  });

  it('shows the panel’s words when it refuses to delete a locked backup', async () => {
    const { user } = await renderPanel(page());
    await user.click(within(await screen.findByRole('row', { name: 'nightly' })).getByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “nightly”?' });
    mockApi.fail('backupsDelete', { code: 'validation', message: 'Cannot delete a backup that is marked as locked.' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText('Cannot delete a backup that is marked as locked.')).toBeTruthy();
  });

  it('after a backup made here completes, asks before retention deletes anything', async () => {
    const { user } = await renderPanel(page({ keepNewest: 1 }));
    mockApi.answer('backupsCreate', backup({ uuid: 'new', name: 'fresh', completedAt: null, isSuccessful: false }));
    await user.click(await screen.findByRole('button', { name: 'Create backup' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Create a backup' })).getByRole('button', { name: 'Create' }));
    mockApi.answer('backupsRetentionCandidates', [backup()]);
    mockApi.answer('backupsList', page({ keepNewest: 1, backups: [backup(), backup({ uuid: 'new', name: 'fresh', createdAt: '2026-12-03T10:00:00+00:00' })] }));
    mockApi.emit('backups:completed', { server: REF, uuid: 'new', isSuccessful: true, checksum: 'sha1:aa' });
    const ask = await screen.findByRole('dialog', { name: 'Delete 1 old backup?' });
    expect(within(ask).getByRole('listitem').textContent).toContain('nightly');
    expect(mockApi.calls('backupsDelete')).toEqual([]);
    await user.click(within(ask).getByRole('button', { name: 'Delete them' }));
    await waitFor(() => expect(mockApi.calls('backupsDelete')).toEqual([[{ server: REF, uuid: 'b-1' }]]));
  });

  it('a completion for a backup made elsewhere reloads but never offers retention', async () => {
    await renderPanel(page({ keepNewest: 1 }));
    await screen.findByRole('row', { name: 'nightly' });
    mockApi.emit('backups:completed', { server: REF, uuid: 'by-a-schedule', isSuccessful: true, checksum: null });
    await waitFor(() => expect(mockApi.calls('backupsList').length).toBe(2));
    expect(mockApi.calls('backupsRetentionCandidates')).toEqual([]);
  });

  it('says whether a download matched the panel’s checksum', async () => {
    const { user } = await renderPanel(page());
    mockApi.answer('backupsDownload', { transferId: 't-1' });
    await user.click(within(await screen.findByRole('row', { name: 'nightly' })).getByRole('button', { name: 'Download' }));
    mockApi.emit('backups:verified', { server: REF, transferId: 't-1', uuid: 'b-1', outcome: 'mismatch', algorithm: 'sha1', sha256: 'ab'.repeat(32) });
    expect(await screen.findByText(/does not match the panel’s sha1 checksum/)).toBeTruthy();
  });

  it('restores with the truncate choice', async () => {
    const { user } = await renderPanel(page());
    await user.click(within(await screen.findByRole('row', { name: 'nightly' })).getByRole('button', { name: 'Restore…' }));
    const dialog = screen.getByRole('dialog', { name: 'Restore “nightly”?' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Delete all files before restoring' }));
    await user.click(within(dialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(mockApi.calls('backupsRestore')).toEqual([[{ server: REF, uuid: 'b-1', truncate: true }]]));
  });
});
