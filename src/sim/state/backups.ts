/**
 * Backups made through the API: `InitiateBackupService` (pterodactyl and pelican
 * `app/Services/Backups/InitiateBackupService.php`) and the restore of `BackupController`.
 */
import { randomUUID } from 'node:crypto';
import { PanelHttpError } from '../http/errors';
import { atom } from '../util/time';
import type { Item } from './item';

/** `config/backups.php` `throttles`: 2 (successful or pending) backups per 600 s, in every version. */
export const BACKUP_THROTTLE = { limit: 2, periodS: 600 } as const;

/** A backup the API created, with its creation time in whole seconds (a database timestamp). */
export interface CreatedBackup {
  createdAtS: number;
  item: Item;
}

/**
 * The service's checks, in its order: the throttle (429 `TooManyRequestsHttpException` with
 * Retry-After: the seconds until the newest backup of the window leaves it, `$previous->last()`),
 * then the server's backup limit (400 `TooManyBackupsException`).
 */
export function checkBackupAllowed(created: CreatedBackup[], nonFailedCount: number, backupLimit: number, nowMs: number): void {
  const { limit, periodS } = BACKUP_THROTTLE;
  const nowS = nowMs / 1000;
  const previous = created.filter((b) => b.createdAtS >= Math.floor(nowS) - periodS && isNonFailed(b.item));
  const last = previous[previous.length - 1];
  if (last && previous.length >= limit) {
    const retryAfter = Math.trunc(last.createdAtS + periodS - nowS);
    throw new PanelHttpError(
      429,
      'TooManyRequestsHttpException',
      `Only ${limit} backups may be generated within a ${periodS} second span of time.`,
      undefined,
      {
        'Retry-After': String(retryAfter),
      },
    );
  }
  if (!backupLimit || nonFailedCount >= backupLimit) {
    throw new PanelHttpError(400, 'TooManyBackupsException', `Cannot create a new backup, this server has reached its limit of ${backupLimit} backups.`);
  }
}

/** `completed_at == null` or `is_successful` (`getNonFailedBackups`). */
export function isNonFailed(item: Item): boolean {
  return item.attributes.completed_at === null || item.attributes.is_successful === true;
}

/** A new pending backup, named as the service names it without a name. */
export function newBackup(nowMs: number, name: string | null, ignored: string[], locked: boolean): CreatedBackup {
  const createdAtS = Math.floor(nowMs / 1000);
  const stamp = atom(createdAtS * 1000)
    .slice(0, 19)
    .replace('T', ' ');
  const attributes: Record<string, unknown> = {
    uuid: randomUUID(),
    is_successful: false,
    is_locked: locked,
    name: name?.trim() || `Backup at ${stamp}`,
    ignored_files: ignored,
    checksum: null,
    bytes: 0,
    created_at: atom(createdAtS * 1000),
    completed_at: null,
  };
  return { createdAtS, item: { object: 'backup', attributes } };
}
