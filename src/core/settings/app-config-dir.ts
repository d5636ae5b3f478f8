/**
 * Where the app keeps its settings file, as Electron's `app.getPath('userData')` places it for an
 * app named "pterotray": the CLI reads the app's saved accounts from there.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'pterotray';
/** The electron-store file name the app uses (SettingsStore's `name`). */
export const SETTINGS_FILE = 'settings.json';

export function appConfigDir(env: Readonly<Record<string, string | undefined>> = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env.PTEROTRAY_CONFIG_DIR?.trim();
  if (override) return override;
  const home = env.HOME ?? homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME?.trim() || join(home, '.config'), APP_NAME);
}
