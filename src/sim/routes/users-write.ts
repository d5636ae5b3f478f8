/**
 * The subuser routes of a server (pterodactyl/panel and pelican-dev/panel
 * `routes/api-client.php` `/users`, `SubuserController`), reads included so they see the writes.
 * In the panel's order: the route's permission (403), then `SubuserRequest::authorize`, which
 * for a POST (create and update alike) refuses permissions the key's user does not hold
 * (403 `HttpForbiddenException`), then the rules (422: `email` `required|email|between:1,191`
 * in Pterodactyl, `1,255` in Pelican; `permissions` `required|array`), then
 * `SubuserCreationService::handle`: the owner's email and an existing subuser's are 400
 * `DisplayException`s with `exceptions.subusers.*` (`lang/en/exceptions.php`).
 */
import { PanelHttpError, PanelValidationError, notFound, type ValidationFailure } from '../http/errors';
import { sendJson, sendNoContent } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { serverOf } from '../http/route-types';
import { list } from '../http/transform';
import { logActivity } from '../state/activity-log';
import { hasPermission } from '../state/permissions';
import type { SimServer } from '../state/servers';
import { cleanedPermissions, newSubuser, ownerEmailOf, subuserBook } from '../state/subusers';
import type { SimFlavor } from '../types';

/** `exceptions.subusers.*`, the same in both panels. */
export const SUBUSER_MESSAGES = {
  userIsOwner: 'You cannot add the server owner as a subuser for this server.',
  subuserExists: 'A user with that email address is already assigned as a subuser for this server.',
  cannotAssign: 'Cannot assign permissions to a subuser that your account does not actively possess.',
} as const;

/** Pterodactyl ships Laravel 10's lines (`resources/lang/en/validation.php`); Pelican has Laravel 11's defaults. */
function ruleText(flavor: SimFlavor, field: string, rule: 'email' | 'between' | 'array', max = 0): string {
  const subject = flavor === 'pelican' ? `The ${field} field` : `The ${field}`;
  if (rule === 'email') return `${subject} must be a valid email address.`;
  if (rule === 'array') return `${subject} must be an array.`;
  return `${subject} must be between 1 and ${max} characters.`;
}

function requestedPermissions(ctx: RouteContext, failures: ValidationFailure[]): string[] {
  const body = (ctx.json ?? {}) as Record<string, unknown>;
  const value = body.permissions;
  // `required` fails for a missing or empty array (Laravel's `validateRequired`).
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    failures.push({ field: 'permissions', rule: 'required', detail: 'The permissions field is required.' });
    return [];
  }
  if (!Array.isArray(value)) {
    failures.push({ field: 'permissions', rule: 'array', detail: ruleText(ctx.state.options.flavor, 'permissions', 'array') });
    return [];
  }
  value.forEach((p, i) => {
    if (typeof p !== 'string') failures.push({ field: `permissions.${i}`, rule: 'string', detail: `The permissions.${i} must be a string.` });
  });
  return value.filter((p): p is string => typeof p === 'string');
}

/** `validatePermissionsCanBeAssigned`: the owner (null) may give anything; a subuser only what it holds. */
function checkAssignable(server: SimServer, json: unknown): void {
  const requested = (json as { permissions?: unknown } | undefined)?.permissions;
  if (server.permissions === null || !Array.isArray(requested)) return;
  if (requested.some((p) => typeof p !== 'string' || !hasPermission(server.permissions, p))) {
    throw new PanelHttpError(403, 'HttpForbiddenException', SUBUSER_MESSAGES.cannotAssign);
  }
}

function emailOf(ctx: RouteContext, failures: ValidationFailure[]): string {
  const flavor = ctx.state.options.flavor;
  const value = ((ctx.json ?? {}) as Record<string, unknown>).email;
  const max = flavor === 'pelican' ? 255 : 191;
  if (value === undefined || value === null || value === '') failures.push({ field: 'email', rule: 'required', detail: 'The email field is required.' });
  else if (typeof value !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(value))
    failures.push({ field: 'email', rule: 'email', detail: ruleText(flavor, 'email', 'email') });
  else if (value.length > max) failures.push({ field: 'email', rule: 'between', detail: ruleText(flavor, 'email', 'between', max) });
  return typeof value === 'string' ? value : '';
}

function findSubuser(ctx: RouteContext): { book: ReturnType<typeof subuserBook>; index: number } {
  const book = subuserBook(serverOf(ctx), ctx.state.options.flavor);
  const index = book.findIndex((s) => s.attributes.uuid === ctx.params.user);
  if (index < 0) throw notFound('The requested resource does not exist on this server.');
  return { book, index };
}

function view(ctx: RouteContext): void {
  const { book, index } = findSubuser(ctx);
  sendJson(ctx, 200, book[index]);
}

function store(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const flavor = ctx.state.options.flavor;
  checkAssignable(server, ctx.json);
  const failures: ValidationFailure[] = [];
  const email = emailOf(ctx, failures);
  const requested = requestedPermissions(ctx, failures);
  if (failures.length > 0) throw new PanelValidationError(failures);
  const book = subuserBook(server, flavor);
  const lower = email.toLowerCase();
  if (lower === ownerEmailOf(server).toLowerCase()) throw new PanelHttpError(400, 'UserIsServerOwnerException', SUBUSER_MESSAGES.userIsOwner);
  if (book.some((s) => String(s.attributes.email).toLowerCase() === lower)) {
    throw new PanelHttpError(400, 'ServerSubuserExistsException', SUBUSER_MESSAGES.subuserExists);
  }
  const permissions = cleanedPermissions(flavor, requested);
  const subuser = newSubuser(flavor, email, permissions, ctx.state.clock.now());
  book.push(subuser);
  logActivity(server, 'server:subuser.create', { email, permissions }, ctx.state.clock.now());
  sendJson(ctx, 200, subuser);
}

function update(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const { book, index } = findSubuser(ctx);
  checkAssignable(server, ctx.json);
  const failures: ValidationFailure[] = [];
  const requested = requestedPermissions(ctx, failures);
  if (failures.length > 0) throw new PanelValidationError(failures);
  const subuser = book[index] as (typeof book)[number];
  const old = [...(subuser.attributes.permissions as string[])].sort();
  const next = cleanedPermissions(ctx.state.options.flavor, requested);
  const changed = [...next].sort().join() !== old.join();
  if (changed) {
    subuser.attributes.permissions = next;
    logActivity(server, 'server:subuser.update', { email: subuser.attributes.email, old, new: [...next].sort(), revoked: true }, ctx.state.clock.now());
  }
  sendJson(ctx, 200, subuser);
}

function remove(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const { book, index } = findSubuser(ctx);
  const [gone] = book.splice(index, 1);
  logActivity(server, 'server:subuser.delete', { email: gone?.attributes.email, revoked: true }, ctx.state.clock.now());
  sendNoContent(ctx);
}

/** The subuser routes, reads and writes. */
export const userRoutes: PanelRoute[] = ((): PanelRoute[] => {
  const base = '/api/client/servers/:server/users';
  return [
    { method: 'GET', path: base, permission: 'user.read', handler: (ctx) => sendJson(ctx, 200, list(subuserBook(serverOf(ctx), ctx.state.options.flavor))) },
    { method: 'GET', path: `${base}/:user`, permission: 'user.read', handler: view },
    { method: 'POST', path: base, permission: 'user.create', limit: 'subuserCreate', handler: store },
    { method: 'POST', path: `${base}/:user`, permission: 'user.update', handler: update },
    { method: 'DELETE', path: `${base}/:user`, permission: 'user.delete', handler: remove },
  ];
})();
