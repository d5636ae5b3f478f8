/**
 * The backup routes but the two reads (routes/extras.ts): pterodactyl and pelican
 * `app/Http/Controllers/Api/Client/Servers/BackupController.php` (store, toggleLock, rename
 * (Pelican), download, restore, delete) over routes/api-client.php `/backups`.
 *
 * A new backup is pending for one tick, then Wings reports it (wings server/backup.go `Backup`):
 * `backup completed` with `{uuid, is_successful, checksum, checksum_type: "sha1", file_size}` as
 * its one argument (Wings 1.6+ strips the `:<uuid>` suffix in events/events.go `Publish`), after
 * the panel's record is updated (BackupStatusController: a failed one is unlocked, checksum null,
 * bytes 0). A restore sets the server to `restoring_backup` for one tick (409 for most routes
 * meanwhile), then Wings sends `backup restore completed` (sim-state.ts setStatus).
 */
import { PanelHttpError, PanelValidationError } from '../http/errors';
import { sendJson, sendNoContent } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { serverOf } from '../http/route-types';
import { Validator } from '../http/validate';
import { areBackupsFailing, deleteListed, findBackup, listedBackups, makeArchive, sha1Of, storeArchive } from '../state/backup-ledger';
import { checkBackupAllowed, isNonFailed, newBackup } from '../state/backups';
import { backupView } from '../state/flavor-shapes';
import { hasPermission } from '../state/permissions';
import type { SimServer } from '../state/servers';
import type { SimState } from '../state/sim-state';
import { atom } from '../util/time';
import type { TokenBook } from '../wings/tokens';

/** Wings finishes a backup: the panel's record first (BackupStatusController), then the event. */
function finishBackup(state: SimState, server: SimServer, attributes: Record<string, unknown>): void {
  const uuid = String(attributes.uuid);
  const isSuccessful = !areBackupsFailing(server);
  const archive = isSuccessful ? makeArchive(uuid, 1024 * 1024) : null;
  const checksum = archive ? sha1Of(archive) : '';
  if (archive) storeArchive(server, uuid, archive);
  Object.assign(attributes, {
    is_successful: isSuccessful,
    is_locked: isSuccessful ? attributes.is_locked : false,
    checksum: isSuccessful ? `sha1:${checksum}` : null,
    bytes: archive?.length ?? 0,
    completed_at: atom(state.clock.now()),
  });
  const payload = { uuid, is_successful: isSuccessful, checksum, checksum_type: 'sha1', file_size: archive?.length ?? 0 };
  // Every Wings the sim plays is 1.6 or later; before, the event was `backup completed:<uuid>`.
  state.bus.publish(server.uuid, { event: 'backup completed', args: [JSON.stringify(payload)] });
}

function create(ctx: RouteContext): void {
  const validator = new Validator(ctx.json ?? {});
  const name = validator.string('name', { nullable: true });
  const ignored = validator.string('ignored', { nullable: true });
  const locked = validator.raw('is_locked') === true;
  validator.done();
  const server = serverOf(ctx);
  const now = ctx.state.clock.now();
  const nonFailed = listedBackups(server).filter(isNonFailed).length;
  checkBackupAllowed(server.createdBackups, nonFailed, server.featureLimits.backups, now);
  // The lock is kept only for users who may delete backups (BackupController::store).
  const backup = newBackup(
    now,
    name,
    (ignored ?? '').split('\n').filter((line) => line.length > 0),
    locked && hasPermission(server.permissions, 'backup.delete'),
  );
  server.createdBackups.push(backup);
  ctx.state.timers.timeout(() => finishBackup(ctx.state, server, backup.item.attributes), ctx.state.options.tickMs);
  sendJson(ctx, 200, backupView(ctx.state.options.flavor, backup.item));
}

/** `truncate` is `required|boolean` (RestoreBackupRequest): Laravel's boolean takes true, false, 0, 1, "0", "1". */
function truncateOf(ctx: RouteContext): boolean {
  const body = ctx.json !== null && typeof ctx.json === 'object' ? (ctx.json as Record<string, unknown>) : {};
  const value = body.truncate;
  if (value === undefined || value === null || value === '') {
    throw new PanelValidationError([{ field: 'truncate', rule: 'required', detail: 'The truncate field is required.' }]);
  }
  if (value === true || value === 1 || value === '1') return true;
  if (value === false || value === 0 || value === '0') return false;
  throw new PanelValidationError([{ field: 'truncate', rule: 'boolean', detail: 'The truncate field must be true or false.' }]);
}

function restore(ctx: RouteContext): void {
  const truncate = truncateOf(ctx);
  const server = serverOf(ctx);
  const backup = findBackup(server, ctx.params.backup ?? '');
  if (server.status !== null)
    throw new PanelHttpError(400, 'BadRequestHttpException', 'This server is not currently in a state that allows for a backup to be restored.');
  if (!backup.attributes.is_successful && backup.attributes.completed_at === null) {
    throw new PanelHttpError(400, 'BadRequestHttpException', 'This backup cannot be restored at this time: not completed or failed.');
  }
  // Wings unpacks over the files, or over none with truncate; the sim's tree is left as it is.
  void truncate;
  ctx.state.setStatus(server, 'restoring_backup');
  ctx.state.timers.timeout(() => ctx.state.setStatus(server, null), ctx.state.options.tickMs);
  sendNoContent(ctx);
}

/** DeleteBackupService::handle: a locked backup that completed is kept; a failed one goes even locked. */
function remove(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const backup = findBackup(server, ctx.params.backup ?? '');
  const a = backup.attributes;
  if (a.is_locked === true && a.is_successful === true && a.completed_at !== null) {
    throw new PanelHttpError(400, 'BackupLockedException', 'Cannot delete a backup that is marked as locked.');
  }
  deleteListed(server, String(a.uuid));
  sendNoContent(ctx);
}

/** toggleLock: no body, the lock flips, the backup comes back. */
function toggleLock(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const backup = findBackup(server, ctx.params.backup ?? '');
  backup.attributes.is_locked = backup.attributes.is_locked !== true;
  sendJson(ctx, 200, backupView(ctx.state.options.flavor, backup));
}

/** Pelican's rename: RenameBackupRequest `name` required|string|max:255, permission backup.delete. */
function rename(ctx: RouteContext): void {
  const validator = new Validator(ctx.json ?? {});
  const name = validator.string('name');
  if (name !== null && name.length > 255) {
    throw new PanelValidationError([{ field: 'name', rule: 'max', detail: 'The name may not be greater than 255 characters.' }]);
  }
  validator.done();
  const server = serverOf(ctx);
  const backup = findBackup(server, ctx.params.backup ?? '');
  backup.attributes.name = name;
  sendJson(ctx, 200, backupView(ctx.state.options.flavor, backup));
}

/** DownloadLinkService: a JWT for `{node}/download/backup?token=`, 15 minutes (the sim's transfer TTL). */
function download(ctx: RouteContext, tokens: TokenBook): void {
  const server = serverOf(ctx);
  const backup = findBackup(server, ctx.params.backup ?? '');
  const token = tokens.downloadBackup(server, String(backup.attributes.uuid));
  sendJson(ctx, 200, { object: 'signed_url', attributes: { url: `${ctx.state.wingsUrl}/download/backup?token=${token}` } });
}

/** The backup write routes; rename exists on Pelican's router only (Pterodactyl: 404). */
export function backupWriteRoutes(tokens: TokenBook): PanelRoute[] {
  const base = '/api/client/servers/:server/backups';
  const pelicanOnly = (handler: (ctx: RouteContext) => void) => (ctx: RouteContext) => {
    if (ctx.state.options.flavor !== 'pelican')
      throw new PanelHttpError(404, 'NotFoundHttpException', 'The requested resource could not be found on the server.');
    handler(ctx);
  };
  return [
    { method: 'POST', path: base, wings: true, permission: 'backup.create', handler: create },
    { method: 'POST', path: `${base}/:backup/restore`, wings: true, permission: 'backup.restore', limit: 'backupRestore', handler: restore },
    { method: 'DELETE', path: `${base}/:backup`, wings: true, permission: 'backup.delete', handler: remove },
    { method: 'POST', path: `${base}/:backup/lock`, permission: 'backup.delete', handler: toggleLock },
    { method: 'PUT', path: `${base}/:backup/rename`, permission: 'backup.delete', handler: pelicanOnly(rename) },
    { method: 'GET', path: `${base}/:backup/download`, permission: 'backup.download', handler: (ctx) => download(ctx, tokens) },
  ];
}
