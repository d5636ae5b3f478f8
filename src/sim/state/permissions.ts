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
  control: "Permissions that control a user's ability to control the power state of a server.",
  user: 'Permissions that allow a user to manage other subusers on a server.',
  file: "Permissions that control a user's ability to modify the filesystem for this server.",
  backup: "Permissions that control a user's ability to generate and manage server backups.",
  allocation: "Permissions that control a user's ability to modify the port allocations for this server.",
  startup: "Permissions that control a user's ability to view this server's startup parameters.",
  database: "Permissions that control a user's access to the database management for this server.",
  schedule: "Permissions that control a user's access to the schedule management for this server.",
  settings: "Permissions that control a user's access to the settings for this server.",
  activity: "Permissions that control a user's access to the server activity logs.",
};

/**
 * Pelican's `SubuserPermission` cases in their order (pelican-dev/panel
 * `app/Enums/SubuserPermission.php`): a hyphen in `view-password`, and `mount.*`,
 * `settings.description`, `settings.change-icon` that Pterodactyl has not.
 */
const PELICAN_PERMISSIONS: readonly string[] = [
  'websocket.connect',
  ...['console', 'start', 'stop', 'restart'].map((k) => `control.${k}`),
  ...['read', 'read-content', 'create', 'update', 'delete', 'archive', 'sftp'].map((k) => `file.${k}`),
  ...['read', 'create', 'delete', 'download', 'restore'].map((k) => `backup.${k}`),
  ...['read', 'create', 'update', 'delete'].map((k) => `schedule.${k}`),
  ...['read', 'create', 'update', 'delete'].map((k) => `user.${k}`),
  ...['read', 'create', 'update', 'delete', 'view-password'].map((k) => `database.${k}`),
  ...['read', 'create', 'update', 'delete'].map((k) => `allocation.${k}`),
  'activity.read',
  'mount.read',
  'mount.update',
  ...['read', 'update', 'docker-image'].map((k) => `startup.${k}`),
  ...['rename', 'description', 'reinstall', 'change-icon'].map((k) => `settings.${k}`),
];

/** Every subuser permission, `group.key`. */
export function allPermissions(flavor: SimFlavor): string[] {
  if (flavor === 'pelican') return [...PELICAN_PERMISSIONS];
  return Object.entries(GROUPS).flatMap(([group, keys]) => keys.map((key) => `${group}.${key}`));
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
