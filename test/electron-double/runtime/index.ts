/**
 * The `electron` module the app imports, when it runs on the double: named exports for
 * `import { app } from 'electron'`, and a default export object for `import electron from
 * 'electron'` (electron-store) and for CommonJS `require('electron')`.
 *
 * Only what main uses (its built bundle's one `import … from "electron"`), and `session` for the
 * double's fixture app: the double is a bounded test tool, not a second Electron. A module the
 * app starts using is added here with its tests.
 */
import { boot } from './boot';
import { BrowserWindow } from './browser-window';
import { clipboard } from './clipboard';
import { dialog } from './dialog';
import { globalShortcut } from './global-shortcut';
import { ipcMain } from './ipc-main';
import { Menu } from './menu';
import { nativeImage } from './native-image';
import { Notification } from './notification';
import { session } from './session';
import { shell } from './shell';
import { nativeTheme, net, powerMonitor } from './system';
import { Tray } from './tray';
import { protocol } from './url-protocol';

/** The app object. */
export const app = boot();

export {
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  Tray,
};

const electron = {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  session,
  shell,
  Tray,
};

// CommonJS `require('electron')` (see register.mjs) hands out this same object.
Object.assign(globalThis, { [Symbol.for('electron-double.module')]: electron });

export default electron;
