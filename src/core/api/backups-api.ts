/**
 * The backup calls (pterodactyl and pelican `app/Http/Controllers/Api/Client/Servers/
 * BackupController.php`, routes/api-client.php `/backups`). Creating one is paced by the panel's
 * own throttle (2 per 10 minutes per server: InitiateBackupService, route-limits.ts
 * `backup-create`); restoring by Pelican's and Pterodactyl 1.12's 3 per 15 minutes.
 */
import type { CallOptions, RestoreBackupOptions } from './client-types';
import { PanelError } from './errors';
import type { Backup, Page } from './models';
import { normalizeBackup, normalizeSignedUrl, parsePage, unwrapItem } from './normalize';
import { isRecord } from './normalize/guards';
import type { PanelRequester } from './requester';
import { serverPath } from './paths';

function backupPath(server: string, uuid: string, rest = ''): string {
  if (typeof uuid !== 'string' || !/^[0-9a-zA-Z-]{1,64}$/.test(uuid)) {
    throw new PanelError({ kind: 'validation', message: 'That is not a backup’s uuid.' });
  }
  return serverPath(server, rest === '' ? `backups/${uuid}` : `backups/${uuid}/${rest}`);
}

function decodeBackup(body: unknown): Backup {
  return normalizeBackup(unwrapItem(body, 'backup'));
}

/** The page's `meta.backup_count`, when it is a number. */
function backupCountOf(body: unknown): number | null {
  const meta = isRecord(body) ? body['meta'] : undefined;
  const count = isRecord(meta) ? meta['backup_count'] : undefined;
  return typeof count === 'number' && Number.isFinite(count) && count >= 0 ? count : null;
}

/** One page of `GET backups` (50 a page, the panel's most) with its `backup_count`. */
export async function listBackupsPage(
  r: PanelRequester,
  server: string,
  page: number,
  opts?: CallOptions,
): Promise<{ page: Page<Backup>; backupCount: number | null }> {
  const spec = { method: 'GET' as const, path: serverPath(server, 'backups'), params: { page, per_page: 50 }, opts };
  return r.json(spec, (body) => ({ page: parsePage(body, 'backup', page, normalizeBackup), backupCount: backupCountOf(body) }));
}

/** `GET backups/{uuid}`. */
export function getBackup(r: PanelRequester, server: string, uuid: string, opts?: CallOptions): Promise<Backup> {
  return r.json({ method: 'GET', path: backupPath(server, uuid), opts }, decodeBackup);
}

/**
 * `DELETE backups/{uuid}`. The panel refuses a locked, completed backup with a 400
 * `BackupLockedException` ("Cannot delete a backup that is marked as locked."), which keeps its
 * words as a `conflict`-free validation failure (DeleteBackupService::handle).
 */
export function deleteBackup(r: PanelRequester, server: string, uuid: string, opts?: CallOptions): Promise<void> {
  return r.none({ method: 'DELETE', path: backupPath(server, uuid), opts });
}

/**
 * `POST backups/{uuid}/lock`. The panel toggles (`is_locked => !is_locked`: toggleLock) and answers
 * with the backup as it is now; it takes no body, so a caller wanting a state reads the answer.
 */
export function toggleBackupLock(r: PanelRequester, server: string, uuid: string, opts?: CallOptions): Promise<Backup> {
  return r.json({ method: 'POST', path: backupPath(server, uuid, 'lock'), opts }, decodeBackup);
}

/**
 * `PUT backups/{uuid}/rename` (Pelican only: pelican routes/api-client.php; RenameBackupRequest
 * `name` required, at most 255). Pterodactyl has no such route and answers 404 for it, which
 * this tells apart from a missing backup by reading the backup.
 */
export async function renameBackup(r: PanelRequester, server: string, uuid: string, name: string, opts?: CallOptions): Promise<Backup> {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '' || trimmed.length > 255) {
    throw new PanelError({ kind: 'validation', message: 'A backup’s name is 1 to 255 characters.' });
  }
  try {
    return await r.json({ method: 'PUT', path: backupPath(server, uuid, 'rename'), json: { name: trimmed }, opts }, decodeBackup);
  } catch (err) {
    if (!(err instanceof PanelError) || err.kind !== 'not-found') throw err;
    // Only the route being missing leaves the backup readable.
    await getBackup(r, server, uuid, opts);
    throw new PanelError({
      kind: 'not-found',
      status: 404,
      code: 'RenameNotOffered',
      message: 'This panel does not offer renaming backups: Pterodactyl has no rename route (Pelican has).',
    });
  }
}

/** `GET backups/{uuid}/download` → a signed Wings `/download/backup?token=` URL (DownloadLinkService), valid 15 minutes. */
export function getBackupDownloadUrl(r: PanelRequester, server: string, uuid: string, opts?: CallOptions): Promise<string> {
  return r.json({ method: 'GET', path: backupPath(server, uuid, 'download'), opts }, normalizeSignedUrl);
}

/**
 * `POST backups/{uuid}/restore` with `truncate` (required by RestoreBackupRequest). The panel sets
 * the server's status to `restoring_backup` at once and Wings sends `backup restore completed`
 * when done; it refuses (400) a server with any status or a backup not completed.
 */
export function restoreBackup(r: PanelRequester, server: string, uuid: string, options: RestoreBackupOptions, opts?: CallOptions): Promise<void> {
  if (typeof options?.truncate !== 'boolean') {
    throw new PanelError({ kind: 'validation', message: 'Say whether to delete the server’s files before restoring (truncate).' });
  }
  return r.none({ method: 'POST', path: backupPath(server, uuid, 'restore'), json: { truncate: options.truncate }, opts });
}
