/**
 * Whether anyone will show the tray icon. Electron has no API for it: on Linux its Tray is a
 * StatusNotifierItem, shown only if a host owns org.kde.StatusNotifierWatcher on the session
 * bus, and a plain GNOME Shell has none (the icon needs the AppIndicator extension). Asking the
 * bus would need a D-Bus client in main, so this reads what the session says about itself:
 * the desktop (XDG_CURRENT_DESKTOP) and, on GNOME, whether an AppIndicator extension is
 * installed. Desktops that ship a StatusNotifier host (KDE, Ubuntu's GNOME, Cinnamon, Xfce, …)
 * and unknown ones (a tiling WM with its own bar) count as having one: the app then behaves as
 * everywhere else. macOS and Windows always show tray icons.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The GNOME Shell extensions that host StatusNotifierItems. */
const APPINDICATOR_EXTENSIONS = ['appindicatorsupport@rgcjonas.gmail.com', 'ubuntu-appindicators@ubuntu.com'];

function extensionDirs(env: NodeJS.ProcessEnv): string[] {
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  const dataDirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':').filter(Boolean);
  return [dataHome, ...dataDirs].map((dir) => join(dir, 'gnome-shell', 'extensions'));
}

/** False only where the tray icon is known not to show: GNOME without an AppIndicator extension. */
export function hasTrayHost(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, exists: (path: string) => boolean = existsSync): boolean {
  if (platform !== 'linux') return true;
  const desktops = (env.XDG_CURRENT_DESKTOP ?? '').toLowerCase().split(':');
  if (!desktops.includes('gnome') || desktops.includes('ubuntu') || desktops.includes('unity')) return true;
  return extensionDirs(env).some((dir) => APPINDICATOR_EXTENSIONS.some((name) => exists(join(dir, name))));
}
