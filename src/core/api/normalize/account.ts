/**
 * `GET /account`: Pterodactyl's AccountTransformer (`id, admin, first_name…`) or Pelican's
 * UserTransformer (`uuid, root_admin`, no id, no names).
 */
import type { Account, WebsocketCredentials } from '../models';
import { unwrapItem } from './envelope';
import { badResponse, describeType, field, firstField, isPoisonedKey, isRecord, optBool, optNumber, optString, reqString, stringArray } from './guards';

/** The key owner's account, Pterodactyl or Pelican. */
export function normalizeAccount(raw: unknown): Account {
  const a = unwrapItem(raw, 'account');
  return {
    id: optNumber(field(a, 'id'), null),
    uuid: optString(field(a, 'uuid'), null),
    username: reqString(a, 'username', 'account'),
    email: optString(field(a, 'email'), ''),
    isAdmin: optBool(firstField(a, ['root_admin', 'admin']), false),
    firstName: optString(field(a, 'first_name'), null),
    lastName: optString(field(a, 'last_name'), null),
    language: optString(field(a, 'language'), null),
  };
}

function checkUrl(value: string, protocols: readonly string[], what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badResponse(`${what} is not a URL`);
  }
  if (!protocols.includes(url.protocol)) throw badResponse(`${what} has the unexpected scheme ${url.protocol}`);
  return value;
}

/** `GET /websocket`: `{data:{token, socket}}` (not the usual envelope); the socket must be ws(s). */
export function normalizeWebsocketCredentials(raw: unknown): WebsocketCredentials {
  const outer = isRecord(raw) ? raw : {};
  const inner = firstField(outer, ['data', 'attributes']) ?? raw;
  if (!isRecord(inner)) throw badResponse(`websocket credentials should be an object, got ${describeType(inner)}`);
  const token = reqString(inner, 'token', 'websocket');
  const socket = checkUrl(reqString(inner, 'socket', 'websocket'), ['ws:', 'wss:'], 'the websocket URL');
  return { token, socket };
}

/** A `signed_url` item: a single-use Wings URL, which must be http(s). */
export function normalizeSignedUrl(raw: unknown): string {
  const a = unwrapItem(raw, 'signed_url');
  return checkUrl(reqString(a, 'url', 'signed_url'), ['https:', 'http:'], 'the signed URL');
}

/**
 * `GET /permissions` as `group.key` strings. Pterodactyl nests them (`{websocket: {description,
 * keys: {connect: "…"}}}`); Pelican sends a flat list since PR #1961 (pelican-dev/panel
 * `app/Http/Controllers/Api/Client/ClientController.php` `permissions`, `SubuserPermission.php`).
 */
export function normalizeSystemPermissions(raw: unknown): string[] {
  const permissions = field(unwrapItem(raw, 'system_permissions'), 'permissions');
  if (Array.isArray(permissions)) return stringArray(permissions);
  if (!isRecord(permissions)) throw badResponse(`permissions should be a list or an object, got ${describeType(permissions)}`);
  const out: string[] = [];
  for (const group of Object.keys(permissions)) {
    const entry = field(permissions, group);
    const keys = isRecord(entry) ? field(entry, 'keys') : undefined;
    if (isRecord(keys))
      out.push(
        ...Object.keys(keys)
          .filter((key) => !isPoisonedKey(key))
          .map((key) => `${group}.${key}`),
      );
  }
  return out;
}
