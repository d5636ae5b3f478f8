/**
 * `POST /databases`, `POST /databases/{database}/rotate-password`, `DELETE /databases/{database}`
 * as both panels answer them (pterodactyl/panel and pelican-dev/panel
 * app/Http/Controllers/Api/Client/Servers/DatabaseController.php):
 * - StoreDatabaseRequest: `database` required|alpha_dash|min:3|max:48|unique (per server, on the
 *   prefixed name, "The database name you have selected is already in use by this server."),
 *   `remote` required|string|regex:/^[\w\-\/.%:]+$/ (app/Models/Database.php), Laravel 11's
 *   messages; 403 (database.create) comes first, from the form request's authorize.
 * - DatabaseManagementService::create: TooManyDatabasesException (a DisplayException, 400) when
 *   `database_limit` is set and reached; the name is `s{server_id}_` + the input cut to 48 bytes.
 * - store and rotatePassword answer with `parseIncludes(['password'])`: the password, or a
 *   null_resource without database.view_password (Pelican: database.view-password).
 * - The `{database}` binding: a hashid (Pterodactyl) or the integer (Pelican) of one of this
 *   server's databases, else 404.
 */
import { PanelHttpError, PanelValidationError, notFound, type ValidationFailure } from '../http/errors';
import { sendJson, sendNoContent } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { serverOf } from '../http/route-types';
import { addDatabase, currentDatabases, databaseItem, findDatabase, removeDatabase, rotatePassword, type SimDatabase } from '../state/databases';
import { hasPermission } from '../state/permissions';
import type { SimServer } from '../state/servers';

const NAME_MAX = 48;

/** generateUniqueDatabaseName: PHP's substr counts bytes. */
export function prefixedName(name: string, serverId: number): string {
  const prefix = `s${serverId}_`;
  return (
    prefix +
    Buffer.from(name, 'utf8')
      .subarray(0, NAME_MAX - prefix.length)
      .toString('utf8')
  );
}

function nameFailures(value: unknown, server: SimServer, existing: SimDatabase[]): ValidationFailure[] {
  const fail = (rule: string, detail: string): ValidationFailure => ({ field: 'database', rule, detail });
  if (value === undefined || value === null || value === '') return [fail('required', 'The database field is required.')];
  if (typeof value !== 'string') return [fail('alpha_dash', 'The database field must only contain letters, numbers, dashes, and underscores.')];
  // No `bail`: Laravel reports every rule that fails.
  const failures: ValidationFailure[] = [];
  if (!/^[\p{L}\p{M}\p{N}_-]+$/u.test(value))
    failures.push(fail('alpha_dash', 'The database field must only contain letters, numbers, dashes, and underscores.'));
  const length = [...value].length;
  if (length < 3) failures.push(fail('min', 'The database field must be at least 3 characters.'));
  if (length > NAME_MAX) failures.push(fail('max', 'The database field must not be greater than 48 characters.'));
  if (existing.some((d) => d.name === prefixedName(value, server.internalId))) {
    failures.push(fail('unique', 'The database name you have selected is already in use by this server.'));
  }
  return failures;
}

function remoteFailures(value: unknown): ValidationFailure[] {
  const fail = (rule: string, detail: string): ValidationFailure => ({ field: 'remote', rule, detail });
  if (value === undefined || value === null || value === '') return [fail('required', 'The remote field is required.')];
  if (typeof value !== 'string') return [fail('string', 'The remote field must be a string.')];
  if (!/^[A-Za-z0-9_\-/.%:]+$/.test(value)) return [fail('regex', 'The remote field format is invalid.')];
  return [];
}

function passwordShown(ctx: RouteContext, server: SimServer): 'shown' | 'hidden' {
  const key = ctx.state.options.flavor === 'pelican' ? 'database.view-password' : 'database.view_password';
  return hasPermission(server.permissions, key) ? 'shown' : 'hidden';
}

function store(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const flavor = ctx.state.options.flavor;
  const body = ctx.json !== null && typeof ctx.json === 'object' && !Array.isArray(ctx.json) ? (ctx.json as Record<string, unknown>) : {};
  const existing = currentDatabases(server, flavor);
  const failures = [...nameFailures(body.database, server, existing), ...remoteFailures(body.remote)];
  if (failures.length > 0) throw new PanelValidationError(failures);
  if (existing.length >= server.featureLimits.databases) {
    throw new PanelHttpError(400, 'TooManyDatabasesException', 'Operation aborted: creating a new database would put this server over the defined limit.');
  }
  const database = addDatabase(server, flavor, prefixedName(String(body.database), server.internalId), String(body.remote));
  sendJson(ctx, 200, databaseItem(database, passwordShown(ctx, server)));
}

function bound(ctx: RouteContext): SimDatabase {
  const found = findDatabase(serverOf(ctx), ctx.state.options.flavor, ctx.params.database ?? '');
  if (!found) throw notFound();
  return found;
}

function rotate(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const id = String(bound(ctx).id);
  rotatePassword(server, id);
  sendJson(ctx, 200, databaseItem(findDatabase(server, ctx.state.options.flavor, id) as SimDatabase, passwordShown(ctx, server)));
}

function destroy(ctx: RouteContext): void {
  removeDatabase(serverOf(ctx), String(bound(ctx).id));
  sendNoContent(ctx);
}

const base = '/api/client/servers/:server/databases';

/** The database write routes. */
export const databaseWriteRoutes: PanelRoute[] = [
  { method: 'POST', path: base, permission: 'database.create', limit: 'databaseCreate', handler: store },
  { method: 'POST', path: `${base}/:database/rotate-password`, permission: 'database.update', handler: rotate },
  { method: 'DELETE', path: `${base}/:database`, permission: 'database.delete', handler: destroy },
];
