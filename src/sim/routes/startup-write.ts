/**
 * The Startup and Settings writes (issue 13), both flavors:
 * - `PUT startup/variable` (pterodactyl/panel and pelican-dev/panel app/Http/Controllers/Api/
 *   Client/Servers/StartupController.php `update`): UpdateStartupVariableRequest wants `key`
 *   (required|string) and `value` (present); a variable the user cannot see is 400 "does not
 *   exist" (a key of no variable at all: Pelican's 400, Pterodactyl's 500, see below), a
 *   read-only one 400 "is read-only", then the egg's rules (422, `source_field` value).
 *   Answers the `egg_variable` with `meta.startup_command` and `meta.raw_startup_command`.
 * - `PUT settings/docker-image` (SettingsController::dockerImage): the request's
 *   `Rule::in(egg images)` first (422), then 400 when an admin set an image of their own; 204.
 * - `POST settings/rename`: Pterodactyl `{name, description}` (description kept when absent),
 *   Pelican `{name}` only (RenameServerRequest has no description rule). 204.
 * - `POST settings/description` (Pelican only): 403 with an empty body when
 *   `panel.editable_server_descriptions` is off (the sim: `editableDescriptions: false`). 204.
 * - `POST settings/reinstall`: 202; the server is `installing` while Wings runs the install
 *   script (wings server/install.go publishes `install started`, the script's lines as
 *   `install output`, then `install completed`), then back to null.
 */
import { PanelValidationError, badRequest, forbidden, notFound, unexpected } from '../http/errors';
import { sendJson, sendNoContent } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { serverOf } from '../http/route-types';
import { validateEggValue } from '../http/egg-rules';
import { Validator } from '../http/validate';
import { invocationOf, variablesOf } from '../state/extras';
import { hasPermission } from '../state/permissions';

const BASE = '/api/client/servers/:server';

/** The lines an egg's install script prints (as Wings streams them). */
export const INSTALL_LINES = ['Starting installation process...', 'Downloading the server files...', 'Install script finished.'];

/** The middleware's TrimStrings and ConvertEmptyStringsToNull on a JSON value. */
function input(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function body(ctx: RouteContext): Record<string, unknown> {
  const json = ctx.json;
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
}

function updateVariable(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const fields = body(ctx);
  const validator = new Validator({ key: input(fields.key) });
  const key = validator.string('key');
  if (!('value' in fields)) throw new PanelValidationError([{ field: 'value', rule: 'present', detail: 'The value field must be present.' }]);
  validator.done();
  const variable = server.egg.variables.find((v) => v.envVariable === key);
  // Pterodactyl reads `$variable->server_value` before its null check: for a key the server has
  // no variable of, PHP 8's "Attempt to read property on null" warning becomes Laravel's
  // ErrorException, a 500. Pelican checks first (throw_if(!$variable ...)): the 400.
  if (!variable && ctx.state.options.flavor !== 'pelican') throw unexpected();
  if (!variable) throw badRequest('The environment variable you are trying to edit does not exist.');
  if (!variable.isEditable) throw badRequest('The environment variable you are trying to edit is read-only.');
  const raw = input(fields.value);
  if (raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
    throw new PanelValidationError([{ field: 'value', rule: 'string', detail: 'The value must be a string.' }]);
  }
  const value = raw === null ? null : String(raw);
  const failures = validateEggValue(value, variable.rules);
  if (failures.length > 0) throw new PanelValidationError(failures);
  server.variableValues[variable.envVariable] = value ?? '';
  const item = variablesOf(server).find((v) => v.attributes.env_variable === variable.envVariable);
  sendJson(ctx, 200, { ...item, meta: { startup_command: invocationOf(server), raw_startup_command: server.egg.startup } });
}

function dockerImage(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const images = Object.values(server.egg.dockerImages);
  const validator = new Validator({ docker_image: input(body(ctx).docker_image) });
  const image = validator.oneOf('docker_image', images);
  validator.done();
  if (!images.includes(server.dockerImage)) {
    throw badRequest("This server's Docker image has been manually set by an administrator and cannot be updated.");
  }
  server.dockerImage = image ?? server.dockerImage;
  sendNoContent(ctx);
}

function nameRule(validator: Validator, flavor: string): string | null {
  const name = validator.string('name');
  // Server::getRules(): max:191 on Pterodactyl, max:255 on Pelican.
  const max = flavor === 'pelican' ? 255 : 191;
  if (name !== null && [...name].length > max) {
    throw new PanelValidationError([{ field: 'name', rule: 'max', detail: `The name may not be greater than ${max} characters.` }]);
  }
  return name;
}

function rename(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const fields = body(ctx);
  const flavor = ctx.state.options.flavor;
  const validator = new Validator({ name: input(fields.name), description: input(fields.description) });
  const name = nameRule(validator, flavor);
  const description = flavor === 'pelican' ? undefined : validator.string('description', { nullable: true });
  validator.done();
  server.name = name ?? server.name;
  // `(string) $request->input('description')`: null becomes ''.
  if (description !== undefined && 'description' in fields) server.description = description ?? '';
  sendNoContent(ctx);
}

function description(ctx: RouteContext): void {
  const server = serverOf(ctx);
  // Pterodactyl has no such route; its 404 is the router's.
  if (ctx.state.options.flavor !== 'pelican') throw notFound();
  // DescriptionServerRequest: SubuserPermission::SettingsDescription.
  if (!hasPermission(server.permissions, 'settings.description')) throw forbidden();
  if (!ctx.state.options.editableDescriptions) {
    sendJson(ctx, 403, []);
    return;
  }
  const validator = new Validator({ description: input(body(ctx).description) });
  const text = validator.string('description', { nullable: true });
  validator.done();
  server.description = text ?? '';
  sendNoContent(ctx);
}

function reinstall(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const { state } = ctx;
  state.setStatus(server, 'installing');
  INSTALL_LINES.forEach((line, i) => {
    state.timers.timeout(
      () => state.bus.publish(server.uuid, { event: 'install output', args: [line] }),
      (state.options.tickMs * (i + 1)) / (INSTALL_LINES.length + 1),
    );
  });
  state.timers.timeout(() => {
    if (server.status === 'installing') state.setStatus(server, null);
  }, state.options.tickMs);
  sendJson(ctx, 202, []);
}

/** The startup and settings write routes (`settings/description` answers only on Pelican). */
export const startupWriteRoutes: PanelRoute[] = [
  { method: 'PUT', path: `${BASE}/startup/variable`, permission: 'startup.update', handler: updateVariable },
  { method: 'PUT', path: `${BASE}/settings/docker-image`, permission: 'startup.docker-image', handler: dockerImage },
  { method: 'POST', path: `${BASE}/settings/rename`, permission: 'settings.rename', handler: rename },
  { method: 'POST', path: `${BASE}/settings/description`, handler: description },
  { method: 'POST', path: `${BASE}/settings/reinstall`, wings: true, permission: 'settings.reinstall', handler: reinstall },
];
