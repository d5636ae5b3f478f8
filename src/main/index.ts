/**
 * The main process entry. One instance only: a second launch shows the first one's window.
 * The app lives in the tray; closing the window does not quit it.
 */
import { app, protocol } from 'electron';
import { startApp } from './app';
import { APP_SCHEME_PRIVILEGES } from './app-protocol';

// Only before ready (docs/api/protocol.md): the renderer's app:// scheme gets an origin and a
// secure context, like https.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setAppUserModelId('app.pterotray');
  let dispose: (() => Promise<void>) | null = null;
  let isDisposed = false;
  app.on('window-all-closed', () => {
    // Stay in the tray.
  });
  // app.quit() (tray Quit, Cmd+Q) first closes the window, whose page may keep an unsaved edit
  // and so cancel the quit (main-window.ts asks). Only once every window is closed, will-quit:
  // then the services close their sockets and the demo panel before the process ends.
  app.on('will-quit', (event) => {
    if (isDisposed || !dispose) return;
    event.preventDefault();
    const run = dispose;
    dispose = null;
    void run().finally(() => {
      isDisposed = true;
      app.quit();
    });
  });
  void app.whenReady().then(async () => {
    dispose = await startApp();
  });
}
