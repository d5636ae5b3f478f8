/**
 * `app.getPath`/`setPath`, with every path under one temp dir the test owns
 * (PTEROTRAY_DOUBLE_HOME), laid out the way Electron lays them out on Linux.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const HOME_FOLDERS: Record<string, string> = {
  desktop: 'Desktop',
  documents: 'Documents',
  downloads: 'Downloads',
  music: 'Music',
  pictures: 'Pictures',
  videos: 'Videos',
};

/** The app's well-known directories. */
export class AppPaths {
  private readonly overrides = new Map<string, string>();

  constructor(
    private readonly root: string,
    private readonly appName: string,
  ) {
    for (const dir of [this.get('home'), this.get('userData'), this.get('temp')]) mkdirSync(dir, { recursive: true });
  }

  /** Like Electron: unknown names throw `Failed to get '<name>' path`. */
  get(name: string): string {
    const override = this.overrides.get(name);
    if (override !== undefined) return override;
    const derived = this.derive(name);
    if (derived === undefined) throw new Error(`Failed to get '${name}' path`);
    return derived;
  }

  /** Like Electron: the directory must exist (create it first). */
  set(name: string, path: string): void {
    if (!existsSync(path)) throw new Error(`Failed to set path: '${path}' does not exist`);
    this.overrides.set(name, path);
  }

  private derive(name: string): string | undefined {
    const home = join(this.root, 'home');
    const appData = join(this.root, 'config');
    const folder = HOME_FOLDERS[name];
    if (folder) return join(home, folder);
    switch (name) {
      case 'home':
        return home;
      case 'appData':
        return appData;
      case 'userData':
        return this.overrides.get('userData') ?? join(appData, this.appName);
      case 'sessionData':
        return this.get('userData');
      case 'temp':
        return join(this.root, 'tmp');
      case 'logs':
        return join(this.get('userData'), 'logs');
      case 'crashDumps':
        return join(this.get('userData'), 'Crashpad');
      case 'exe':
      case 'module':
        return process.execPath;
      default:
        return undefined;
    }
  }
}
