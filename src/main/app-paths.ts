/**
 * Where the built app finds its parts. The main bundle is out/main/index.js; the preload, the
 * renderer and (unpackaged) the resources sit beside it. The renderer is served from the app's
 * own scheme (app://pterotray/, src/main/app-protocol.ts), never as file:// pages.
 */
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { APP_PAGE_URL } from './app-protocol';

const here = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export interface AppPaths {
  preload: string;
  /** The page the window loads: the dev server's URL in `electron-vite dev`, else app://pterotray/index.html. */
  pageUrl: string;
  /** The built renderer (out/renderer): all that app:// serves. */
  rendererRoot: string;
  resources: string;
  icon: string;
}

export function appPaths(): AppPaths {
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const resources = app.isPackaged ? process.resourcesPath : here('../../resources');
  return {
    preload: here('../preload/index.cjs'),
    pageUrl: devUrl ?? APP_PAGE_URL,
    rendererRoot: here('../renderer'),
    resources,
    icon: `${resources}/icon.png`,
  };
}
