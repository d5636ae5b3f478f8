/** Read routes of the secondary pages (§3.4, §3.5): backups, databases, schedules, network, startup (users: users-write.ts). */
import { sendJson } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { serverOf } from '../http/route-types';
import { includesOf, item, list, pageParams, paginated } from '../http/transform';
import { currentDatabases, databaseItem } from '../state/databases';
import { invocationOf, variablesOf } from '../state/extras';
import { findBackup, listedBackups } from '../state/backup-ledger';
import { backupView } from '../state/flavor-shapes';
import { hasPermission } from '../state/permissions';

function backups(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const all = listedBackups(server);
  const { page, perPage } = pageParams(ctx.query, 20, 50);
  const backupCount = all.filter((b) => b.attributes.is_successful || b.attributes.completed_at === null).length;
  const shaped = all.map((b) => backupView(ctx.state.options.flavor, b));
  sendJson(ctx, 200, paginated(`${ctx.state.panelUrl}${ctx.url.pathname}`, ctx.query, shaped, page, perPage, { backup_count: backupCount }));
}

function databases(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const viewKey = ctx.state.options.flavor === 'pelican' ? 'database.view-password' : 'database.view_password';
  // Without include=password the relationship is simply absent; with it, null without the permission.
  const include = !includesOf(ctx.query).has('password') ? 'none' : hasPermission(server.permissions, viewKey) ? 'shown' : 'hidden';
  sendJson(ctx, 200, list(currentDatabases(server, ctx.state.options.flavor).map((d) => databaseItem(d, include))));
}

function allocations(ctx: RouteContext): void {
  const server = serverOf(ctx);
  sendJson(
    ctx,
    200,
    list(server.allocations.map((a) => item('allocation', { id: a.id, ip: a.ip, ip_alias: a.ipAlias, port: a.port, notes: a.notes, is_default: a.isDefault }))),
  );
}

function startup(ctx: RouteContext): void {
  const server = serverOf(ctx);
  sendJson(ctx, 200, {
    ...list(variablesOf(server)),
    meta: { startup_command: invocationOf(server), docker_images: server.egg.dockerImages, raw_startup_command: server.egg.startup },
  });
}

/** The read routes of the secondary pages. */
export const extraRoutes: PanelRoute[] = ((): PanelRoute[] => {
  const base = '/api/client/servers/:server';
  return [
    { method: 'GET', path: `${base}/backups`, permission: 'backup.read', handler: backups },
    {
      method: 'GET',
      path: `${base}/backups/:backup`,
      permission: 'backup.read',
      handler: (ctx) => {
        const server = serverOf(ctx);
        const found = findBackup(server, ctx.params.backup ?? '');
        sendJson(ctx, 200, backupView(ctx.state.options.flavor, found));
      },
    },
    { method: 'GET', path: `${base}/databases`, permission: 'database.read', handler: databases },
    // The schedule reads are in schedules-write.ts, over the same book as the writes (issue 13).
    { method: 'GET', path: `${base}/network/allocations`, permission: 'allocation.read', handler: allocations },
    // `users` and `users/:user`: routes/users-write.ts, which also writes them.
    { method: 'GET', path: `${base}/startup`, permission: 'startup.read', handler: startup },
  ];
})();
