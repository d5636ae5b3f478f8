/**
 * The subuser writes of a server's Users page (pterodactyl/panel and pelican-dev/panel
 * `app/Http/Controllers/Api/Client/Servers/SubuserController.php`). The panel always adds
 * `websocket.connect`, drops keys it does not know, and refuses (403) permissions the key's
 * user does not hold itself (`SubuserRequest::validatePermissionsCanBeAssigned`); the owner's
 * own email and an existing subuser's are refused with a 400 `DisplayException`
 * (`SubuserCreationService::handle`). `POST users` is paced by the panel's `subuser_create`
 * throttle (route-limits.ts), which the scheduler applies by path.
 */
import type { CallOptions } from './client-types';
import { PanelError } from './errors';
import type { Subuser } from './models';
import { normalizeSubuser, unwrapItem } from './normalize';
import { normalizePermissionGroups, type PermissionGroup } from './normalize/permission-groups';
import { serverPath } from './paths';
import type { PanelRequester } from './requester';

export type { PermissionEntry, PermissionGroup } from './normalize/permission-groups';

/** The panel's own bound on the email (`between:1,191` in Pterodactyl, `1,255` in Pelican). */
const MAX_EMAIL_LENGTH = 255;

function checkedPermissions(permissions: readonly string[]): string[] {
  if (!Array.isArray(permissions) || permissions.some((p) => typeof p !== 'string' || p === '')) {
    throw new PanelError({ kind: 'validation', message: 'Permissions must be a list of permission names like control.console.' });
  }
  return [...new Set(permissions)];
}

function subuserPath(server: string, uuid: string): string {
  if (typeof uuid !== 'string' || uuid.trim() === '') throw new PanelError({ kind: 'validation', message: 'A subuser is required.' });
  return serverPath(server, `users/${encodeURIComponent(uuid)}`);
}

const subuserOf = (body: unknown): Subuser => normalizeSubuser(unwrapItem(body, 'subuser'));

/** `GET /permissions` grouped as the panel groups it, with its descriptions where it sends them. */
export function listPermissionGroups(r: PanelRequester, opts?: CallOptions): Promise<PermissionGroup[]> {
  return r.json({ method: 'GET', path: '/permissions', opts }, normalizePermissionGroups);
}

/** `POST users` `{email, permissions}`: invites (or creates) the user and answers the new subuser. */
export function createSubuser(r: PanelRequester, server: string, email: string, permissions: readonly string[], opts?: CallOptions): Promise<Subuser> {
  const address = typeof email === 'string' ? email.trim() : '';
  if (address === '') throw new PanelError({ kind: 'validation', message: 'An email address is required.' });
  if (address.length > MAX_EMAIL_LENGTH) throw new PanelError({ kind: 'validation', message: `An email address has at most ${MAX_EMAIL_LENGTH} characters.` });
  const json = { email: address, permissions: checkedPermissions(permissions) };
  return r.json({ method: 'POST', path: serverPath(server, 'users'), json, opts }, subuserOf);
}

/** `POST users/{user}` `{permissions}` (the panel's update route is a POST): the subuser as it is now. */
export function updateSubuser(r: PanelRequester, server: string, uuid: string, permissions: readonly string[], opts?: CallOptions): Promise<Subuser> {
  const json = { permissions: checkedPermissions(permissions) };
  return r.json({ method: 'POST', path: subuserPath(server, uuid), json, opts }, subuserOf);
}

/** `DELETE users/{user}`: 204. */
export function deleteSubuser(r: PanelRequester, server: string, uuid: string, opts?: CallOptions): Promise<void> {
  return r.none({ method: 'DELETE', path: subuserPath(server, uuid), opts });
}
