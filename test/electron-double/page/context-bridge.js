// Page side: `contextBridge.exposeInMainWorld` with Electron's copy rules: functions are proxied,
// data is copied (prototypes dropped) and the exposed API frozen, errors keep only their message,
// and ipcRenderer itself arrives as an empty object (Electron 29+). There is no second JavaScript
// world here, so the copies are what keeps the page honest (see README).
// One function expression, pasted into the init script by launcher/init-script.ts.
/* global window, Node */
/* eslint-disable-next-line @typescript-eslint/no-unused-expressions -- a bare function expression, pasted into the init script */
(function createContextBridge(ipcRenderer, contextIsolation) {
  'use strict';
  const copyError = (error) => (error instanceof Error ? new Error(error.message) : bridgeValue(error));

  function bridgeFunction(fn) {
    return function bridged(...args) {
      let result;
      try {
        result = fn(...args.map(bridgeValue));
      } catch (error) {
        throw copyError(error);
      }
      return bridgeValue(result);
    };
  }

  function bridgeValue(value) {
    if (value === ipcRenderer) return {};
    if (typeof value === 'function') return bridgeFunction(value);
    if (typeof value === 'symbol') return undefined;
    if (value === null || typeof value !== 'object') return value;
    if (value instanceof Promise) return value.then(bridgeValue, (error) => Promise.reject(copyError(error)));
    if (value instanceof Error) return copyError(value);
    if ((typeof Node === 'function' && value instanceof Node) || value instanceof Blob) return value;
    if (Array.isArray(value)) return value.map(bridgeValue);
    if ([Date, RegExp, Map, Set, ArrayBuffer].some((type) => value instanceof type) || ArrayBuffer.isView(value)) return structuredClone(value);
    const copy = {};
    for (const key of Object.keys(value)) copy[key] = bridgeValue(value[key]);
    return copy;
  }

  function deepFreeze(value) {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value);
      for (const item of Object.values(value)) deepFreeze(item);
    }
    return value;
  }

  return {
    exposeInMainWorld(apiKey, api) {
      if (!contextIsolation) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      if (apiKey in window) throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(window, apiKey, { value: deepFreeze(bridgeValue(api)), enumerable: true, configurable: false, writable: false });
    },
  };
})
