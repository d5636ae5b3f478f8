/**
 * Launch at login, done the way each desktop does it, and written only when the wanted state
 * differs from what the system holds (not on every settings change).
 *
 * - macOS and Windows: `app.setLoginItemSettings` (docs/api/app.md, "_macOS_ _Windows_"). On
 *   Windows the entry is an executable with arguments, `process.execPath` and [] by default; run
 *   from `npm start` (`process.defaultApp`) that is the bare electron.exe, which would open
 *   Electron's default app, so the app's path goes in the arguments (as the docs' example shows).
 *   On macOS an unpackaged run would register Electron.app itself: only the installed app can.
 * - Linux: Electron does nothing. Desktops start what `$XDG_CONFIG_HOME/autostart/*.desktop`
 *   lists (freedesktop "Desktop Application Autostart Specification"), so the app writes its
 *   entry there: Exec= is the AppImage when run from one ($APPIMAGE, the AppImage runtime's
 *   variable), else the installed executable. An unpackaged run has no executable worth starting.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DesktopInfo } from '../../shared/types';

/** The part of Electron's `app` this needs. */
export interface LoginItemApp {
  isPackaged: boolean;
  getAppPath(): string;
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void;
  getLoginItemSettings(options?: { path?: string; args?: string[] }): { openAtLogin: boolean };
}

export interface LoginItemOptions {
  app: LoginItemApp;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  execPath: string;
  /** True when started as `electron <app>` (npm start): Electron's `process.defaultApp`. */
  isDefaultApp: boolean;
  /** The desktop entry's file name and Name=. */
  appName: string;
}

/** Quotes one Exec= argument as the Desktop Entry Specification asks ("The Exec key"). */
function quoteExecArgument(argument: string): string {
  return `"${argument.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The XDG autostart entry that starts `executable`. */
export function autostartEntry(appName: string, executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${appName}`,
    'Comment=Watches your game servers from the tray',
    `Exec=${quoteExecArgument(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export class LoginItem {
  readonly #options: LoginItemOptions;
  /** What the system was last told (or found to hold); null until synced. */
  #applied: boolean | null = null;

  constructor(options: LoginItemOptions) {
    this.#options = options;
  }

  /** Whether it can work here, for the Settings page. */
  support(): DesktopInfo['launchAtLogin'] {
    const { platform, app, env } = this.#options;
    if (platform === 'win32') return { isAvailable: true, reason: null };
    if (platform === 'darwin' || platform === 'linux') {
      const isInstalled = app.isPackaged || (platform === 'linux' && Boolean(env.APPIMAGE));
      return isInstalled ? { isAvailable: true, reason: null } : { isAvailable: false, reason: 'unpackaged' };
    }
    return { isAvailable: false, reason: null };
  }

  /** Makes the system match `isWanted`, touching it only when it differs. */
  apply(isWanted: boolean): void {
    if (!this.support().isAvailable) return;
    if (this.#applied === null) this.#applied = this.#isRegistered();
    if (this.#applied === isWanted) return;
    this.#write(isWanted);
    this.#applied = isWanted;
  }

  /** Where the Linux entry lives: $XDG_CONFIG_HOME (default ~/.config)/autostart/<name>.desktop. */
  autostartPath(): string {
    const configHome = this.#options.env.XDG_CONFIG_HOME || join(homedir(), '.config');
    return join(configHome, 'autostart', `${this.#options.appName.toLowerCase()}.desktop`);
  }

  #windowsEntry(): { path: string; args: string[] } {
    const { execPath, isDefaultApp, app } = this.#options;
    return { path: execPath, args: isDefaultApp ? [app.getAppPath()] : [] };
  }

  #executable(): string {
    return this.#options.env.APPIMAGE || this.#options.execPath;
  }

  #isRegistered(): boolean {
    const { platform, app, appName } = this.#options;
    if (platform === 'linux') {
      const path = this.autostartPath();
      return existsSync(path) && readFileSync(path, 'utf8') === autostartEntry(appName, this.#executable());
    }
    return app.getLoginItemSettings(platform === 'win32' ? this.#windowsEntry() : undefined).openAtLogin;
  }

  #write(isWanted: boolean): void {
    const { platform, app, appName } = this.#options;
    if (platform === 'linux') {
      const path = this.autostartPath();
      if (!isWanted) {
        rmSync(path, { force: true });
        return;
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, autostartEntry(appName, this.#executable()));
      return;
    }
    app.setLoginItemSettings({ openAtLogin: isWanted, ...(platform === 'win32' ? this.#windowsEntry() : {}) });
  }
}
