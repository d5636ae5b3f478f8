// Page side: the preload's `ipcRenderer`. invoke/send go to the launcher's bindings with the page's
// URL at call time; arguments must be what Electron's IPC can carry (structured clone, no DOM
// objects); a handler error rejects with Electron's "Error invoking remote method" message.
// One function expression, pasted into the init script by launcher/init-script.ts.
/* global location, Node, ImageBitmap, reportError */
/* eslint-disable-next-line @typescript-eslint/no-unused-expressions -- a bare function expression, pasted into the init script */
(function createIpcRenderer(bindings, codec) {
  'use strict';
  const refuseDom = (value) => {
    const isDom = (typeof Node === 'function' && value instanceof Node) || value instanceof Blob || (typeof ImageBitmap === 'function' && value instanceof ImageBitmap);
    if (isDom) throw new Error('An object could not be cloned.');
    if (value && typeof value === 'object') for (const item of value instanceof Map ? [...value.keys(), ...value.values()] : Object.values(value)) refuseDom(item);
  };
  const encodeArgs = (args) => {
    try {
      refuseDom(args);
      return codec.encode(args);
    } catch (error) {
      const own = error && String(error.message).startsWith('electron-double');
      throw new Error(own ? error.message : 'An object could not be cloned.', { cause: error });
    }
  };
  const listeners = new Map();
  const ipcRenderer = {
    async invoke(channel, ...args) {
      const reply = await bindings.invoke(String(channel), encodeArgs(args), location.href);
      if (!reply.ok) throw new Error(`Error invoking remote method '${channel}': ${reply.error}`);
      return codec.decode(reply.value);
    },
    send(channel, ...args) {
      void bindings.send(String(channel), encodeArgs(args), location.href);
    },
    sendSync() {
      throw new Error('electron-double: ipcRenderer.sendSync is not supported (it would block the page)');
    },
    postMessage() {
      throw new Error('electron-double: ipcRenderer.postMessage (MessagePorts) is not supported');
    },
    on(channel, listener) {
      listeners.set(channel, [...(listeners.get(channel) || []), listener]);
      return ipcRenderer;
    },
    once(channel, listener) {
      const wrapper = (...args) => {
        ipcRenderer.removeListener(channel, wrapper);
        listener(...args);
      };
      wrapper.listener = listener;
      return ipcRenderer.on(channel, wrapper);
    },
    removeListener(channel, listener) {
      const list = listeners.get(channel) || [];
      const index = list.map((fn) => fn === listener || fn.listener === listener).lastIndexOf(true);
      if (index !== -1) list.splice(index, 1);
      return ipcRenderer;
    },
    removeAllListeners(channel) {
      if (channel === undefined) listeners.clear();
      else listeners.delete(channel);
      return ipcRenderer;
    },
    listenerCount(channel) {
      return (listeners.get(channel) || []).length;
    },
  };
  ipcRenderer.addListener = ipcRenderer.on;
  ipcRenderer.off = ipcRenderer.removeListener;

  // webContents.send arrives here; a throwing listener is reported like any uncaught page error.
  function dispatch(channel, encodedArgs) {
    const args = codec.decode(encodedArgs);
    const event = { sender: ipcRenderer, senderId: 0, ports: [] };
    for (const listener of [...(listeners.get(channel) || [])]) {
      try {
        listener(event, ...args);
      } catch (error) {
        reportError(error);
      }
    }
  }

  return { ipcRenderer, dispatch };
})
