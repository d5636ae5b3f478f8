/**
 * The application menu. Unless an app sets its own, Electron installs File/Edit/View/Window
 * (lib/browser/default-menu.ts), whose View has Reload and Toggle Developer Tools with their
 * accelerators (Ctrl+Shift+I): on Linux and Windows that is each window's menu bar (Alt shows
 * it), in a packaged build too. The app's own:
 * - macOS: the app menu and Edit (its roles are what make Cmd+C/V/X/A work in text fields,
 *   docs/api/menu.md "Standard Menus"), and Window;
 * - Linux and Windows: no menu bar at all (`Menu.setApplicationMenu(null)`): copy and paste are
 *   Chromium's own there, and a tray app's window has nothing to put in one;
 * - an unpackaged run (npm start) adds View with Reload and DevTools for the developer.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] | null {
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ label: 'View', submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] }];
  if (platform === 'darwin') return [{ role: 'appMenu' }, { role: 'editMenu' }, ...developer, { role: 'windowMenu' }];
  return developer.length > 0 ? developer : null;
}
