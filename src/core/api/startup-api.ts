/**
 * The writes of a server's Startup and Settings pages (issue 13), as the panels take them:
 * pterodactyl/panel app/Http/Controllers/Api/Client/Servers/StartupController.php and
 * SettingsController.php with their requests under app/Http/Requests/Api/Client/Servers/{Startup,
 * Settings}/; pelican-dev/panel the same files. None has a per-server limit of its own (only
 * the panel-wide `throttle:api.client`), so route-limits.ts has no entry for them.
 */
import type { CallOptions, RenameOptions } from './client-types';
import { isPanelError } from './errors';
import type { DescriptionOutcome, StartupVariableUpdate } from './models';
import { normalizeStartupVariableUpdate } from './normalize';
import type { PanelRequester } from './requester';
import { serverPath } from './paths';

/**
 * `PUT startup/variable` `{key, value}`. The panel answers 400 for a variable the key cannot see
 * or edit, 422 when the value fails the egg's rules (`meta.source_field` is `value`), and the
 * saved variable with the new startup command otherwise. `value` goes as typed: the panel trims
 * it and stores null as '' (`$request->input('value') ?? ''`).
 */
export function updateStartupVariable(r: PanelRequester, server: string, key: string, value: string, opts?: CallOptions): Promise<StartupVariableUpdate> {
  const spec = { method: 'PUT' as const, path: serverPath(server, 'startup/variable'), json: { key, value }, opts };
  return r.json(spec, normalizeStartupVariableUpdate);
}

/**
 * `PUT settings/docker-image` `{docker_image}`: 204. 422 when the image is not one of the egg's
 * (SetDockerImageRequest `Rule::in`), 400 when an admin set an image of their own (the
 * controller's check). Takes effect at the server's next start.
 */
export function setDockerImage(r: PanelRequester, server: string, image: string, opts?: CallOptions): Promise<void> {
  return r.none({ method: 'PUT', path: serverPath(server, 'settings/docker-image'), json: { docker_image: image }, opts });
}

/**
 * `POST settings/rename`. Pterodactyl saves `{name, description}` there (SettingsController::
 * rename keeps the description when none is sent). Pelican's takes only the name (its
 * RenameServerRequest has no description rule, so the field is ignored) and saves the
 * description through `POST settings/description`, which answers 403 with an empty body when
 * `panel.editable_server_descriptions` is off, or 403 without `settings.description`. Pterodactyl
 * has no such route (404): the rename already saved it. So the description route is tried after
 * the rename, and only when a description was given.
 */
export async function renameServer(r: PanelRequester, server: string, options: RenameOptions, opts?: CallOptions): Promise<DescriptionOutcome> {
  const json = options.description === undefined ? { name: options.name } : { name: options.name, description: options.description };
  await r.none({ method: 'POST', path: serverPath(server, 'settings/rename'), json, opts });
  if (options.description === undefined) return 'not-asked';
  try {
    await r.none({ method: 'POST', path: serverPath(server, 'settings/description'), json: { description: options.description }, opts });
    return 'saved';
  } catch (error) {
    if (isPanelError(error) && error.status === 404) return 'saved';
    if (isPanelError(error) && error.kind === 'forbidden') return 'not-editable';
    throw error;
  }
}

/**
 * `POST settings/reinstall`: 202. The panel sets the server `installing` and asks Wings to run
 * the egg's install script again (ReinstallServerService); files are kept, but the script may
 * overwrite them.
 */
export function reinstallServer(r: PanelRequester, server: string, opts?: CallOptions): Promise<void> {
  return r.none({ method: 'POST', path: serverPath(server, 'settings/reinstall'), opts });
}
