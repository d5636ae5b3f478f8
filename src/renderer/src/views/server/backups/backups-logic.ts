/**
 * The Backups tab's rules, pure: how many backups count against the limit, a row's state, and
 * which actions a row offers, each off with a reason (a missing permission, a pending or failed
 * backup, a lock) rather than hidden, as the panel's own page greys them.
 */
import type { ServerPermissions } from '../../../../../shared/ipc-contract';
import type { BackupView, BackupsPage } from '../../../../../shared/ipc/backups';
import { t } from '../../../lib/strings';
import { can } from '../server-tabs';

export type RowState = 'pending' | 'failed' | 'ok';

/** `completed_at == null` is running; completed and not successful failed (BackupStatusController). */
export function rowState(b: BackupView): RowState {
  if (b.completedAt === null) return 'pending';
  return b.isSuccessful ? 'ok' : 'failed';
}

/** What the panel counts against the limit: its `backup_count`, else the non-failed ones. */
export function usedCount(page: BackupsPage): number {
  return page.backupCount ?? page.backups.filter((b) => rowState(b) !== 'failed').length;
}

/** "3 of 5 backups", and whether another may be made. */
export function limitState(page: BackupsPage): { text: string | null; isFull: boolean } {
  if (page.limit === null) return { text: null, isFull: false };
  if (page.limit === 0) return { text: t.backups.limitNone, isFull: true };
  const used = usedCount(page);
  return { text: t.backups.limit(used, page.limit), isFull: used >= page.limit };
}

/** An action's availability: null reason when it may be used. */
export interface Availability {
  isEnabled: boolean;
  reason: string | null;
}

const ON: Availability = { isEnabled: true, reason: null };
const off = (reason: string): Availability => ({ isEnabled: false, reason });

export type RowAction = 'download' | 'restore' | 'lock' | 'rename' | 'delete';

/** The panel's permission per action (BackupController: rename and lock need backup.delete). */
export const ACTION_PERMISSION: Record<RowAction | 'create', string> = {
  create: 'backup.create',
  download: 'backup.download',
  restore: 'backup.restore',
  lock: 'backup.delete',
  rename: 'backup.delete',
  delete: 'backup.delete',
};

/** Whether `action` may be used on `b` now; `isServerBusy` while the server installs, transfers or restores. */
export function rowAvailability(b: BackupView, action: RowAction, permissions: ServerPermissions | null, isServerBusy: boolean): Availability {
  if (!can(permissions, ACTION_PERMISSION[action])) return off(t.backups.disabled.permission(ACTION_PERMISSION[action]));
  const state = rowState(b);
  switch (action) {
    case 'download':
      return state === 'pending' ? off(t.backups.disabled.pending) : state === 'failed' ? off(t.backups.disabled.failed) : ON;
    case 'restore':
      if (state === 'pending') return off(t.backups.disabled.pending);
      if (state === 'failed') return off(t.backups.disabled.failed);
      return isServerBusy ? off(t.backups.disabled.busy) : ON;
    case 'lock':
      // The panel's page offers no lock on a failed one (the panel unlocks failed backups).
      return state === 'ok' ? ON : off(state === 'pending' ? t.backups.disabled.pending : t.backups.disabled.failed);
    case 'rename':
      return ON;
    case 'delete':
      // DeleteBackupService: a locked, completed backup is refused; a failed one goes even locked.
      return b.isLocked && state === 'ok' ? off(t.backups.disabled.locked) : ON;
  }
}

/** Whether a backup may be started now. */
export function createAvailability(page: BackupsPage | undefined, permissions: ServerPermissions | null): Availability {
  if (!can(permissions, 'backup.create')) return off(t.backups.disabled.permission('backup.create'));
  if (page && limitState(page).isFull) return off(t.backups.disabled.limit);
  return ON;
}

/** The list newest first, as the panel's page shows it. */
export function newestFirst(backups: readonly BackupView[]): BackupView[] {
  const time = (b: BackupView): number => Date.parse(b.createdAt ?? '') || 0;
  return [...backups].sort((a, b) => time(b) - time(a));
}

/** The dialog open on the tab: one at a time. */
export type OpenDialog = { kind: 'create' } | { kind: 'restore' | 'rename' | 'delete'; backup: BackupView } | null;
