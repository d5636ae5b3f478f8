/**
 * Menu item roles: the default labels Electron gives them on Linux and what clicking one does.
 * Only roles that make sense without a real window system do something; the rest are no-ops.
 */
import { doubleContext } from './context';

const LABELS: Record<string, string> = {
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  pasteandmatchstyle: 'Paste and Match Style',
  delete: 'Delete',
  selectall: 'Select All',
  reload: 'Reload',
  forcereload: 'Force Reload',
  toggledevtools: 'Toggle Developer Tools',
  resetzoom: 'Actual Size',
  zoomin: 'Zoom In',
  zoomout: 'Zoom Out',
  togglefullscreen: 'Toggle Full Screen',
  minimize: 'Minimize',
  close: 'Close Window',
  quit: 'Quit',
  filemenu: 'File',
  editmenu: 'Edit',
  viewmenu: 'View',
  windowmenu: 'Window',
  help: 'Help',
};

/** Electron's default label for a role ('' when it has none). */
export function defaultRoleLabel(role: string | undefined): string {
  if (!role) return '';
  const key = role.toLowerCase();
  if (key === 'about') return `About ${doubleContext().appName()}`;
  if (key === 'hide') return `Hide ${doubleContext().appName()}`;
  return LABELS[key] ?? '';
}

/** Runs a role's built-in action; false when the role has none here (the click handler then runs). */
export function executeRole(role: string | undefined): boolean {
  if (!role) return false;
  const context = doubleContext();
  const focused = context.focusedWindow();
  switch (role.toLowerCase()) {
    case 'quit':
      context.quit();
      return true;
    case 'close':
      focused?.close();
      return true;
    case 'minimize':
      focused?.minimize();
      return true;
    case 'hide':
      focused?.hide();
      return true;
    case 'reload':
    case 'forcereload':
      focused?.webContents.reload();
      return true;
    case 'toggledevtools':
      focused?.webContents.toggleDevTools();
      return true;
    default:
      return false;
  }
}
