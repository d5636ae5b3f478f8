/**
 * `GET /permissions` as the panel groups it, with the descriptions where it gives them.
 * Pterodactyl sends a nested map, `{websocket: {description, keys: {connect: "…"}}}`
 * (pterodactyl/panel `app/Models/Permission.php` `$permissions`, sent by
 * `ClientController::permissions`); Pelican a flat `group.key` list without descriptions
 * (pelican-dev/panel `app/Http/Controllers/Api/Client/ClientController.php` `permissions`,
 * `Subuser::allPermissionKeys()`), grouped here by the part before the first dot, in the
 * panel's order, as its own Users page groups them (`Subuser::allPermissionData()`).
 */
import { badResponse, describeType, field, isPoisonedKey, isRecord, optString, stringArray } from './guards';
import { unwrapItem } from './envelope';

/** One permission a subuser can be given. */
export interface PermissionEntry {
  /** `group.key`, as the panel spells it (`database.view_password` or `database.view-password`). */
  key: string;
  /** The panel's sentence about it; null where the panel sends none (Pelican). */
  description: string | null;
}

/** A group of permissions as the panel shows them together (`control`, `file`, …). */
export interface PermissionGroup {
  name: string;
  description: string | null;
  permissions: PermissionEntry[];
}

function groupsOfList(keys: string[]): PermissionGroup[] {
  const byName = new Map<string, PermissionGroup>();
  for (const key of keys) {
    const dot = key.indexOf('.');
    if (dot <= 0 || dot === key.length - 1) continue;
    const name = key.slice(0, dot);
    if (isPoisonedKey(name)) continue;
    let group = byName.get(name);
    if (!group) byName.set(name, (group = { name, description: null, permissions: [] }));
    if (!group.permissions.some((p) => p.key === key)) group.permissions.push({ key, description: null });
  }
  return [...byName.values()];
}

function groupsOfMap(map: Record<string, unknown>): PermissionGroup[] {
  const out: PermissionGroup[] = [];
  for (const name of Object.keys(map)) {
    const entry = field(map, name);
    if (!isRecord(entry) || name.includes('.')) continue;
    const keys = field(entry, 'keys');
    if (!isRecord(keys)) continue;
    const permissions = Object.keys(keys)
      .filter((key) => !isPoisonedKey(key))
      .map((key) => ({ key: `${name}.${key}`, description: optString(field(keys, key), null) }));
    out.push({ name, description: optString(field(entry, 'description'), null), permissions });
  }
  return out;
}

/** Either shape of `system_permissions` as groups. */
export function normalizePermissionGroups(raw: unknown): PermissionGroup[] {
  const permissions = field(unwrapItem(raw, 'system_permissions'), 'permissions');
  if (Array.isArray(permissions)) return groupsOfList(stringArray(permissions));
  if (!isRecord(permissions)) throw badResponse(`permissions should be a list or an object, got ${describeType(permissions)}`);
  return groupsOfMap(permissions);
}
