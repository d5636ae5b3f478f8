/** Subuser permission keys (§4.4), in Pterodactyl's and Pelican's spelling. */
import type { SimFlavor } from '../types';

const GROUPS: Record<string, string[]> = {
  websocket: ['connect'],
  control: ['console', 'start', 'stop', 'restart'],
  user: ['create', 'read', 'update', 'delete'],
  file: ['create', 'read', 'read-content', 'update', 'delete', 'archive', 'sftp'],
  backup: ['create', 'read', 'delete', 'download', 'restore'],
  allocation: ['read', 'create', 'update', 'delete'],
  startup: ['read', 'update', 'docker-image'],
  database: ['create', 'read', 'update', 'delete', 'view_password'],
  schedule: ['create', 'read', 'update', 'delete'],
  settings: ['rename', 'reinstall'],
  activity: ['read'],
};

const DESCRIPTIONS: Record<string, string> = {
  websocket: 'Allows the user to connect to the server websocket.',
  control: 'Permissions that control a user\'s ability to control the power state of a server.',
  user: 'Permissions that allow a user to manage other subusers on a server.',
  file: 'Permissions that control a user\'s ability to modify the filesystem for this server.',
  backup: 'Permissions that control a user\'s ability to generate and manage server backups.',
  allocation: 'Permissions that control a user\'s ability to modify the port allocations for this server.',
  startup: 'Permissions that control a user\'s ability to view this server\'s startup parameters.',
  database: 'Permissions that control a user\'s access to the database management for this server.',
  schedule: 'Permissions that control a user\'s access to the schedule management for this server.',
  settings: 'Permissions that control a user\'s access to the settings for this server.',
  activity: 'Permissions that control a user\'s access to the server activity logs.',
};

function spell(group: string, key: string, flavor: SimFlavor): string {
  // Pelican renamed the one underscored key (§9).
  return flavor === 'pelican' && key === 'view_password' ? `${group}.view-password` : `${group}.${key}`;
}

/** Every subuser permission, `group.key`. */
export function allPermissions(flavor: SimFlavor): string[] {
  return Object.entries(GROUPS).flatMap(([group, keys]) => keys.map((key) => spell(group, key, flavor)));
}

/** `GET /api/client/permissions` attributes: nested descriptions, or Pelican's flat list. */
export function systemPermissions(flavor: SimFlavor): unknown {
  if (flavor === 'pelican') return allPermissions(flavor);
  const out: Record<string, { description: string; keys: Record<string, string> }> = {};
  for (const [group, keys] of Object.entries(GROUPS)) {
    out[group] = {
      description: DESCRIPTIONS[group] ?? '',
      keys: Object.fromEntries(keys.map((key) => [key, `Allows the user to ${key.replaceAll(/[_-]/g, ' ')} (${group}).`])),
    };
  }
  return out;
}

/** True when `permissions` (null = owner) grants `needed`. */
export function hasPermission(permissions: string[] | null, needed: string): boolean {
  if (permissions === null || permissions.includes('*')) return true;
  return permissions.includes(needed) || permissions.includes(needed.replace('view-password', 'view_password'));
}
