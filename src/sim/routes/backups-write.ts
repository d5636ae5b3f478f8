/**
 * `POST /backups` and `POST /backups/{backup}/restore` (pterodactyl and pelican
 * `BackupController::store` / `restore`). A new backup is pending for one tick, then Wings
 * reports it done (`backup completed` with its JSON, §5.4). A restore sets the server to
 * `restoring_backup` for one tick (409 for most routes meanwhile).
 */
import { randomBytes } from 'node:crypto';
import { PanelHttpError } from '../http/errors';
import { sendJson, sendNoContent } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { serverOf } from '../http/route-types';
import { Validator } from '../http/validate';
import { checkBackupAllowed, isNonFailed, newBackup } from '../state/backups';
import { backupsOf } from '../state/extras';
import { backupView } from '../state/flavor-shapes';
import { hasPermission } from '../state/permissions';
import { atom } from '../util/time';

function create(ctx: RouteContext): void {
  const validator = new Validator(ctx.json ?? {});
  const name = validator.string('name', { nullable: true });
  const ignored = validator.string('ignored', { nullable: true });
  const locked = validator.raw('is_locked') === true;
  validator.done();
  const server = serverOf(ctx);
  const now = ctx.state.clock.now();
  const nonFailed = [...backupsOf(server), ...server.createdBackups.map((b) => b.item)].filter(isNonFailed).length;
  checkBackupAllowed(server.createdBackups, nonFailed, server.featureLimits.backups, now);
  // The lock is kept only for users who may delete backups.
  const deleteKey = 'backup.delete';
  const backup = newBackup(
    now,
    name,
    (ignored ?? '').split('\n').filter((line) => line.length > 0),
    locked && hasPermission(server.permissions, deleteKey),
  );
  server.createdBackups.push(backup);
  ctx.state.timers.timeout(() => {
    const attributes = backup.item.attributes;
    const bytes = 64 * 1024 * 1024;
    Object.assign(attributes, { is_successful: true, checksum: `sha1:${randomBytes(20).toString('hex')}`, bytes, completed_at: atom(ctx.state.clock.now()) });
    const payload = { uuid: attributes.uuid, is_successful: true, checksum: String(attributes.checksum).slice(5), checksum_type: 'sha1', file_size: bytes };
    ctx.state.bus.publish(server.uuid, { event: 'backup completed', args: [JSON.stringify(payload)] });
  }, ctx.state.options.tickMs);
  sendJson(ctx, 200, backupView(ctx.state.options.flavor, backup.item));
}

function restore(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const id = ctx.params.backup ?? '';
  const backup = [...backupsOf(server), ...server.createdBackups.map((b) => b.item)].find((b) => b.attributes.uuid === id);
  if (!backup) throw new PanelHttpError(404, 'NotFoundHttpException', 'The requested resource could not be found on the server.');
  if (server.status !== null)
    throw new PanelHttpError(400, 'BadRequestHttpException', 'This server is not currently in a state that allows for a backup to be restored.');
  if (!backup.attributes.is_successful && backup.attributes.completed_at === null) {
    throw new PanelHttpError(400, 'BadRequestHttpException', 'This backup cannot be restored at this time: not completed or failed.');
  }
  ctx.state.setStatus(server, 'restoring_backup');
  ctx.state.timers.timeout(() => ctx.state.setStatus(server, null), ctx.state.options.tickMs);
  sendNoContent(ctx);
}

/** The backup write routes. */
export const backupWriteRoutes: PanelRoute[] = [
  { method: 'POST', path: '/api/client/servers/:server/backups', wings: true, permission: 'backup.create', handler: create },
  {
    method: 'POST',
    path: '/api/client/servers/:server/backups/:backup/restore',
    wings: true,
    permission: 'backup.restore',
    limit: 'backupRestore',
    handler: restore,
  },
];
