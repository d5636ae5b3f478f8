/**
 * Where the built app finds its parts. The main bundle is out/main/index.js; the preload, the
 * renderer and (unpackaged) the resources sit beside it.
 */
import { fileURLToPath } from 'node:url';
import { app } from 'electron';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export interface AppPaths {
  preload: string;
  /** The renderer page: the dev server's URL in `electron-vite dev`, else the built file. */
  page: { file: string } | { url: string };
  resources: string;
  icon: string;
}

export function appPaths(): AppPaths {
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const resources = app.isPackaged ? process.resourcesPath : here('../../resources');
  return {
    preload: here('../preload/index.cjs'),
    page: devUrl ? { url: devUrl } : { file: here('../renderer/index.html') },
    resources,
    icon: `${resources}/icon.png`,
  };
}

/** True when `url` is the app's own page (the sender check of every IPC call relies on it). */
export function appUrlMatcher(page: AppPaths['page']): (url: string) => boolean {
  if ('url' in page) {
    const origin = new URL(page.url).origin;
    return (url) => {
      try {
        return new URL(url).origin === origin;
      } catch {
        return false;
      }
    };
  }
  const expected = new URL(`file://${page.file}`);
  return (url) => {
    try {
      const actual = new URL(url);
      return actual.protocol === 'file:' && actual.pathname === expected.pathname;
    } catch {
      return false;
    }
  };
}
