/**
 * The server window's tabs and their keyboard model (WAI-ARIA tabs with automatic activation):
 * arrows move and select, Home/End jump, Ctrl/Cmd+1..4 select from anywhere in the view.
 */

export const SERVER_TABS = ['console', 'files', 'stats', 'notifications'] as const;

export type ServerTab = (typeof SERVER_TABS)[number];

/** The tabs that live in the app's navigation; Notifications is local to the view. */
export type RoutedTab = Exclude<ServerTab, 'notifications'>;

export function isRoutedTab(tab: ServerTab): tab is RoutedTab {
  return tab !== 'notifications';
}

/** The tab a key on the tablist moves to, or null when the key is not a tab key. */
export function tabForKey(current: ServerTab, key: string): ServerTab | null {
  const index = SERVER_TABS.indexOf(current);
  const last = SERVER_TABS.length - 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return SERVER_TABS[index === last ? 0 : index + 1] ?? null;
    case 'ArrowLeft':
    case 'ArrowUp':
      return SERVER_TABS[index === 0 ? last : index - 1] ?? null;
    case 'Home':
      return SERVER_TABS[0];
    case 'End':
      return SERVER_TABS[last] ?? null;
    default:
      return null;
  }
}

/** The tab for Ctrl/Cmd+digit, or null. */
export function tabForShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): ServerTab | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const digit = Number.parseInt(event.key, 10);
  if (!Number.isInteger(digit) || digit < 1) return null;
  return SERVER_TABS[digit - 1] ?? null;
}
