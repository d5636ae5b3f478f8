/** Every regular file below `dir`, recursively (for searching an app's data folder). */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) return [];
    if (info.isDirectory()) return filesUnder(path);
    return info.isFile() ? [path] : [];
  });
}
