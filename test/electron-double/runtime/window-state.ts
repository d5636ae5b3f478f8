/**
 * A BrowserWindow's plain state and how Electron derives it from the constructor options
 * (800×600 by default, centred in the work area, shown unless `show: false`).
 */
import type { Rectangle } from 'electron';
import { ToLauncher, type CreateWindowParams } from '../shared/protocol';
import { doubleContext } from './context';
import { themeState } from './system';

/** Everything about a window that is data. */
export interface WindowState {
  bounds: Rectangle;
  visible: boolean;
  minimized: boolean;
  title: string;
  webPreferences: Record<string, unknown>;
  windowOpenRequests: { url: string; action: string }[];
  navigationRequests: { url: string; prevented: boolean }[];
}

const WORK_AREA = { x: 0, y: 32, width: 1920, height: 1048 };

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The initial state for `new BrowserWindow(options)`. */
export function windowState(options: Record<string, unknown>, webPreferences: Record<string, unknown>, appName: string): WindowState {
  const width = numberOr(options.width, 800);
  const height = numberOr(options.height, 600);
  const x = numberOr(options.x, WORK_AREA.x + Math.round((WORK_AREA.width - width) / 2));
  const y = numberOr(options.y, WORK_AREA.y + Math.round((WORK_AREA.height - height) / 2));
  return {
    bounds: { x, y, width, height },
    visible: options.show !== false,
    minimized: false,
    title: typeof options.title === 'string' ? options.title : appName,
    webPreferences,
    windowOpenRequests: [],
    navigationRequests: [],
  };
}

/** Asks the launcher for the window's page; loads and sends wait on the returned promise. */
export function requestPage(windowId: number, state: WindowState, webPreferences: Record<string, unknown>): Promise<void> {
  const params: CreateWindowParams = {
    windowId,
    width: state.bounds.width,
    height: state.bounds.height,
    show: state.visible,
    title: state.title,
    colorScheme: themeState().shouldUseDarkColors ? 'dark' : 'light',
    contextIsolation: webPreferences.contextIsolation !== false,
  };
  if (typeof webPreferences.preload === 'string') params.preloadPath = webPreferences.preload;
  const ready = doubleContext()
    .bridge.request(ToLauncher.createWindow, params)
    .then(() => undefined);
  ready.catch((error: unknown) => doubleContext().warn(`BrowserWindow ${windowId}: no page: ${error instanceof Error ? error.message : String(error)}`));
  return ready;
}
