// The page side of the double: runs as an init script before any page script, in the page's main
// world (there is no context isolation here, see README). It takes the launcher's Playwright
// bindings off `window`, routes window.open through the app's handler, and builds the `electron`
// module a sandboxed preload gets from require('electron'): contextBridge, ipcRenderer, webUtils.
// One function expression; launcher/init-script.ts pastes it (and `parts`, the other page files)
// into the init script, with the preload after it.
/* global window, location */
/* eslint-disable-next-line @typescript-eslint/no-unused-expressions -- a bare function expression, pasted into the init script */
(function electronDoubleShim(config, codec, parts) {
  'use strict';
  const take = (name) => {
    const binding = window[name];
    delete window[name];
    return binding;
  };
  const bindings = { invoke: take('__electronDoubleInvoke'), send: take('__electronDoubleSend'), report: take('__electronDoubleReport') };
  parts.installWindowOpen(take('__electronDoubleWindowOpen'));

  // Preloads run in the main frame only (nodeIntegrationInSubFrames is off), and not on about:blank.
  if (window.top !== window || location.href === 'about:blank') return null;

  // webContents 'input-event': Electron emits it in main for input the person sends to the page
  // (docs/api/web-contents.md). Only trusted events count: a page script's synthetic ones are not input.
  const INPUT_TYPES = { mousedown: 'mouseDown', keydown: 'rawKeyDown' };
  for (const [domType, inputType] of Object.entries(INPUT_TYPES)) {
    window.addEventListener(domType, (event) => {
      if (event.isTrusted) void bindings.report('input-event', { type: inputType });
    }, true);
  }

  const { ipcRenderer, dispatch } = parts.createIpcRenderer(bindings, codec);
  const filePaths = new Map();
  const webUtils = {
    getPathForFile(file) {
      if (!(file instanceof File)) throw new TypeError('Expected a File object');
      return filePaths.get(`${file.name}\u0000${file.size}`) || '';
    },
  };
  // The launcher's handle into the page: pushes (webContents.send) and test-registered file paths.
  Object.defineProperty(window, '__electronDoubleControl', {
    value: Object.freeze({ dispatch, registerFilePath: (name, size, path) => filePaths.set(`${name}\u0000${size}`, path) }),
    enumerable: false,
  });
  const electron = Object.freeze({ contextBridge: parts.createContextBridge(ipcRenderer, config.contextIsolation), ipcRenderer, webUtils });
  const noop = () => undefined;
  return {
    module: { exports: {} },
    filename: config.preloadPath,
    dirname: config.preloadPath.replace(/\/[^/]*$/, ''),
    require(id) {
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id}`);
    },
    process: Object.freeze({
      type: 'renderer',
      platform: 'linux',
      sandboxed: true,
      contextIsolated: config.contextIsolation,
      versions: Object.freeze({ electron: config.electronVersion }),
      env: Object.freeze({}),
      argv: Object.freeze([]),
      on: noop,
      once: noop,
    }),
    preloadFailed(error) {
      console.error(`Unable to load preload script: ${config.preloadPath}`);
      console.error(error);
      void bindings.report('preload-error', { preloadPath: config.preloadPath, message: String(error && error.message ? error.message : error) });
    },
  };
})
