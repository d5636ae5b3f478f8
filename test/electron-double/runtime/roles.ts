/**
 * Menu item roles: the default labels Electron gives them on Linux and what clicking one does.
 * Only roles that make sense without a real window system do something; the rest are no-ops.
 */
import { doubleContext } from './context';
import { doublePlatform } from './platform';

type Template = Array<{ role?: string; type?: 'separator' }>;

/** lib/browser/api/menu-item-roles.ts: the submenus of the menu roles, per platform. */
function defaultSubmenus(): Record<string, Template> {
  const isMac = doublePlatform() === 'darwin';
  const sep = { type: 'separator' as const };
  return {
    appmenu: [{ role: 'about' }, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
    filemenu: [isMac ? { role: 'close' } : { role: 'quit' }],
    editmenu: [
      { role: 'undo' },
      { role: 'redo' },
      sep,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' }, { role: 'delete' }, { role: 'selectAll' }] : [{ role: 'delete' }, sep, { role: 'selectAll' }]),
    ],
    viewmenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      { role: 'toggleDevTools' },
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
    windowmenu: [{ role: 'minimize' }, { role: 'zoom' }, ...(isMac ? [sep, { role: 'front' }] : [{ role: 'close' }])],
  };
}

/** The submenu Electron gives a menu role when the template has none (undefined for other roles). */
export function defaultRoleSubmenu(role: string | undefined): Template | undefined {
  return role ? defaultSubmenus()[role.toLowerCase()] : undefined;
}

/** menu-item-roles.ts accelerators for the roles a window's keyboard can reach. */
export function defaultRoleAccelerator(role: string | undefined): string | undefined {
  const isMac = doublePlatform() === 'darwin';
  const accelerators: Record<string, string> = {
    reload: 'CmdOrCtrl+R',
    forcereload: 'Shift+CmdOrCtrl+R',
    toggledevtools: isMac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    undo: 'CommandOrControl+Z',
    redo: isMac ? 'Shift+CommandOrControl+Z' : 'Control+Y',
    cut: 'CommandOrControl+X',
    copy: 'CommandOrControl+C',
    paste: 'CommandOrControl+V',
    selectall: 'CommandOrControl+A',
    quit: isMac ? 'CommandOrControl+Q' : '',
    close: 'CommandOrControl+W',
    minimize: 'CommandOrControl+M',
  };
  return role ? accelerators[role.toLowerCase()] || undefined : undefined;
}

/** An accelerator as a set of keys for this platform ('CmdOrCtrl' is Command on macOS, else Control). */
export function normalizeAccelerator(accelerator: string): string {
  const isMac = doublePlatform() === 'darwin';
  const names: Record<string, string> = {
    cmdorctrl: isMac ? 'cmd' : 'ctrl',
    commandorcontrol: isMac ? 'cmd' : 'ctrl',
    command: 'cmd',
    cmd: 'cmd',
    control: 'ctrl',
    ctrl: 'ctrl',
    alt: 'alt',
    option: 'alt',
    shift: 'shift',
    super: 'super',
    meta: 'super',
  };
  return accelerator
    .split('+')
    .map((part) => names[part.trim().toLowerCase()] ?? part.trim().toLowerCase())
    .sort()
    .join('+');
}

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
  hideothers: 'Hide Others',
  unhide: 'Show All',
  services: 'Services',
  zoom: 'Zoom',
  front: 'Bring All to Front',
};

/** Electron's default label for a role ('' when it has none). */
export function defaultRoleLabel(role: string | undefined): string {
  if (!role) return '';
  const key = role.toLowerCase();
  if (key === 'about') return `About ${doubleContext().appName()}`;
  if (key === 'hide') return `Hide ${doubleContext().appName()}`;
  if (key === 'appmenu') return doubleContext().appName();
  if (key === 'quit' && doublePlatform() === 'darwin') return `Quit ${doubleContext().appName()}`;
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
