/**
 * The app's identity as Electron derives it for an unpackaged app: the nearest package.json above
 * the main script gives the app path, the name (productName, else name) and the version.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** What Electron reads from the app's package.json. */
export interface PackageInfo {
  appPath: string;
  name: string;
  version: string;
}

/** Reads the package.json nearest to `mainScript`; falls back to the script's own folder. */
export function readPackageInfo(mainScript: string): PackageInfo {
  let dir = dirname(resolve(mainScript));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const json = JSON.parse(readFileSync(candidate, 'utf8')) as Record<string, unknown>;
      const name = typeof json.productName === 'string' ? json.productName : json.name;
      return {
        appPath: dir,
        name: typeof name === 'string' ? name : 'Electron',
        version: typeof json.version === 'string' ? json.version : '0.0.0',
      };
    }
    const parent = dirname(dir);
    if (parent === dir) return { appPath: dirname(resolve(mainScript)), name: 'Electron', version: '0.0.0' };
    dir = parent;
  }
}
