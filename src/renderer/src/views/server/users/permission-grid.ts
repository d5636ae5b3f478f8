/**
 * The permission grid of the Users tab as pure functions: which boxes are on, which the key's
 * user may not give (the panel refuses permissions it does not hold itself:
 * `SubuserRequest::validatePermissionsCanBeAssigned` in both panels), and what a group's
 * "all" box does. Works on the groups as the panel sends them (Pterodactyl's nested map with
 * descriptions or Pelican's flat list, both normalised to groups in core).
 */
import type { ServerPermissions } from '../../../../../shared/ipc-contract';
import type { PermissionGroupView } from '../../../../../shared/ipc/users';
import { can } from '../server-tabs';

/** The panel adds this to every subuser (`getDefaultPermissions` / `getCleanedPermissions`). */
export const ALWAYS_GIVEN = 'websocket.connect';

export type GroupState = 'all' | 'some' | 'none';

/** Whether the key's user may give `key` (null permissions: unknown, the panel decides). */
export function mayGive(permissions: ServerPermissions | null, key: string): boolean {
  return key !== ALWAYS_GIVEN && can(permissions, key);
}

/** The keys of a group the key's user may switch. */
export function givable(group: PermissionGroupView, permissions: ServerPermissions | null): string[] {
  return group.permissions.map((p) => p.key).filter((key) => mayGive(permissions, key));
}

/** How much of a group is on, counting the boxes that can be switched. */
export function groupState(group: PermissionGroupView, selected: ReadonlySet<string>, permissions: ServerPermissions | null): GroupState {
  const keys = givable(group, permissions);
  const on = keys.filter((k) => selected.has(k)).length;
  if (keys.length === 0 || on === 0) return 'none';
  return on === keys.length ? 'all' : 'some';
}

/** The group's "all" box: all on when any is off, else all off; what cannot be given stays as it was. */
export function toggleGroup(group: PermissionGroupView, selected: ReadonlySet<string>, permissions: ServerPermissions | null): Set<string> {
  const next = new Set(selected);
  const keys = givable(group, permissions);
  const turnOn = groupState(group, selected, permissions) !== 'all';
  for (const key of keys) {
    if (turnOn) next.add(key);
    else next.delete(key);
  }
  return next;
}

/** One box. */
export function toggleOne(selected: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(selected);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/** What is sent: the boxes on plus websocket.connect, in the panel's order. */
export function permissionsToSend(groups: readonly PermissionGroupView[], selected: ReadonlySet<string>): string[] {
  const order = groups.flatMap((g) => g.permissions.map((p) => p.key));
  const known = order.filter((k) => selected.has(k) || k === ALWAYS_GIVEN);
  const unknown = [...selected].filter((k) => !order.includes(k));
  return [...new Set([ALWAYS_GIVEN, ...known, ...unknown])];
}

/** `view_password` → `View password`, `read-content` → `Read content`. */
export function keyLabel(key: string): string {
  const name = key.slice(key.indexOf('.') + 1).replaceAll(/[_-]/g, ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `allocation` → `Allocation`. */
export function groupLabel(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
