/**
 * The `electron` module the app imports, when it runs on the double: named exports for
 * `import { app } from 'electron'`, and a default export object for `import electron from
 * 'electron'` (electron-store) and for CommonJS `require('electron')`.
 */
import { boot } from './boot';
import { BrowserWindow } from './browser-window';
import { clipboard } from './clipboard';
import { dialog } from './dialog';
import { globalShortcut } from './global-shortcut';
import { ipcMain } from './ipc-main';
import { Menu, MenuItem } from './menu';
import { NativeImage, nativeImage } from './native-image';
import { Notification } from './notification';
import { session } from './session';
import { shell } from './shell';
import { nativeTheme, net, powerMonitor, screen } from './system';
import { Tray } from './tray';
import { protocol } from './url-protocol';
import { webContents } from './web-contents';

/** The app object. */
export const app = boot();

/** Accepted and ignored: there is nothing to crash-report in a test. */
export const crashReporter = { start: (): void => {}, getLastCrashReport: (): null => null, getUploadedReports: (): never[] => [] };

export {
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  MenuItem,
  NativeImage,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
  webContents,
};

const electron = {
  app,
  BrowserWindow,
  clipboard,
  crashReporter,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  MenuItem,
  NativeImage,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  Tray,
  webContents,
};

// CommonJS `require('electron')` (see register.mjs) hands out this same object.
Object.assign(globalThis, { [Symbol.for('electron-double.module')]: electron });

export default electron;
