/**
 * The server window's tabs and their keyboard model (WAI-ARIA tabs with automatic activation):
 * arrows move and select, Home/End jump, Ctrl/Cmd+1..9 select from anywhere in the view.
 *
 * Console, Files and Stats live in the app's navigation (a tray item or a notification opens
 * them); the others are the view's own. A tab of the panel's pages shows only when the key's
 * permissions on the server allow reading it (issue 13), as the panel's own navigation does
 * (resources/scripts/routers/routes.ts: each route's `permission`).
 */
import type { ServerPermissions } from '../../../../shared/ipc-contract';

export const SERVER_TABS = [
  'console',
  'files',
  'stats',
  'backups',
  'schedules',
  'databases',
  'users',
  'network',
  'startup',
  'activity',
  // ── incidents (issue 14) ── what the app saw, with the panel's activity merged in.
  'timeline',
  'settings',
  'notifications',
] as const;

export type ServerTab = (typeof SERVER_TABS)[number];

/** The tabs that live in the app's navigation. */
export const ROUTED_TABS = ['console', 'files', 'stats'] as const;
export type RoutedTab = (typeof ROUTED_TABS)[number];

/** The view's own tabs (no route: the routed tab underneath stays where it was). */
export type LocalTab = Exclude<ServerTab, RoutedTab>;

export function isRoutedTab(tab: ServerTab): tab is RoutedTab {
  return (ROUTED_TABS as readonly string[]).includes(tab);
}

/**
 * What a tab needs: any one of these permissions (`*` holds them all). Tabs not listed are always
 * there (Settings shows at least the SFTP details, which every user of the server can see).
 */
export const TAB_PERMISSIONS: Partial<Record<ServerTab, readonly string[]>> = {
  console: ['websocket.connect'],
  files: ['file.read', 'file.read-content'],
  backups: ['backup.read'],
  schedules: ['schedule.read'],
  databases: ['database.read'],
  users: ['user.read'],
  network: ['allocation.read'],
  startup: ['startup.read'],
  activity: ['activity.read'],
};

/** Pelican writes `database.view-password` where Pterodactyl writes `database.view_password`. */
const SAME_PERMISSION: Record<string, string> = {
  'database.view_password': 'database.view-password',
  'database.view-password': 'database.view_password',
};

/**
 * Whether the key may do `permission` on the server. Unknown permissions (null: not loaded, or the
 * panel did not say) allow everything: the panel decides, and a 403 is explained where it happens.
 */
export function can(permissions: ServerPermissions | null, permission: string): boolean {
  if (permissions === null) return true;
  if (permissions.isOwner || permissions.permissions.includes('*')) return true;
  const other = SAME_PERMISSION[permission];
  return permissions.permissions.includes(permission) || (other !== undefined && permissions.permissions.includes(other));
}

/**
 * The tabs shown, in order. Until the permissions are known only the tabs everyone had before
 * (console, files, stats, notifications) show, so no tab appears and then vanishes; if they cannot
 * be read at all (`'unknown'`), every tab shows and each explains a refusal itself.
 */
export function visibleTabs(permissions: ServerPermissions | null | 'unknown'): ServerTab[] {
  if (permissions === null) return ['console', 'files', 'stats', 'notifications'];
  if (permissions === 'unknown') return [...SERVER_TABS];
  return SERVER_TABS.filter((tab) => {
    const needs = TAB_PERMISSIONS[tab];
    // Console, Files and Stats stay: the server's state and its banners explain what is refused.
    if (!needs || isRoutedTab(tab)) return true;
    return needs.some((p) => can(permissions, p));
  });
}

/** The tab a key on the tablist moves to, or null when the key is not a tab key. */
export function tabForKey(current: ServerTab, key: string, tabs: readonly ServerTab[] = SERVER_TABS): ServerTab | null {
  const index = Math.max(0, tabs.indexOf(current));
  const last = tabs.length - 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return tabs[index === last ? 0 : index + 1] ?? null;
    case 'ArrowLeft':
    case 'ArrowUp':
      return tabs[index === 0 ? last : index - 1] ?? null;
    case 'Home':
      return tabs[0] ?? null;
    case 'End':
      return tabs[last] ?? null;
    default:
      return null;
  }
}

/** The tab for Ctrl/Cmd+digit (1..9 over the tabs shown), or null. */
export function tabForShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  tabs: readonly ServerTab[] = SERVER_TABS,
): ServerTab | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const digit = Number.parseInt(event.key, 10);
  if (!Number.isInteger(digit) || digit < 1 || digit > 9) return null;
  return tabs[digit - 1] ?? null;
}
