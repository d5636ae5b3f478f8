// What CommonJS `require('electron')` returns in the app's child process: the double's default
// export, set on globalThis by runtime/index.ts (register.mjs imports it before the app runs).
const electron = globalThis[Symbol.for('electron-double.module')];
if (!electron) throw new Error('electron-double: require("electron") before the double booted (start the app with --import test/electron-double/register.mjs)');
module.exports = electron;
