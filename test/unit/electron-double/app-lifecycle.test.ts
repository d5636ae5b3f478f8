/**
 * The app's lifecycle rules, in-process: quit's event order and who can cancel it, exit(),
 * window-all-closed (quits when nobody listens), and second-instance waiting for 'ready'.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../electron-double/runtime/app';
import { AppPaths } from '../../electron-double/runtime/app-paths';
import { BrowserWindow } from '../../electron-double/runtime/browser-window';
import { installFakeContext } from './fake-context';

let home: string;
let app: App;
let exits: number[];
let events: string[];

function track(window: BrowserWindow, name: string): BrowserWindow {
  for (const event of ['close', 'closed']) window.on(event, () => events.push(`${name}:${event}`));
  return window;
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'electron-double-app-'));
  exits = [];
  events = [];
  app = new App({
    info: { appPath: home, name: 'Lifecycle', version: '9.9.9' },
    paths: new AppPaths(home, 'Lifecycle'),
    touch: () => {},
    warn: () => {},
    exitProcess: (code) => exits.push(code),
  });
  installFakeContext({ isReady: () => app.isReady(), emitAppEvent: (name, ...args) => app.emit(name, ...args), windowDestroyed: () => app.windowDestroyed() });
  for (const event of ['before-quit', 'will-quit', 'quit', 'window-all-closed']) app.on(event, () => events.push(event));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  app.markReady();
});

afterEach(() => {
  for (const window of BrowserWindow.getAllWindows()) window.destroy();
  vi.restoreAllMocks();
  rmSync(home, { recursive: true, force: true });
});

describe('app.quit', () => {
  it('emits before-quit, closes every window, then will-quit and quit, then exits 0', () => {
    track(new BrowserWindow({ show: false }), 'a');
    app.quit();
    expect(events).toEqual(['before-quit', 'a:close', 'a:closed', 'will-quit', 'quit']);
    expect(exits).toEqual([0]);
    expect(app.lifecycle).toEqual(['will-finish-launching', 'ready', 'before-quit', 'will-quit', 'quit']);
  });

  it("is cancelled by a window whose 'close' is prevented (the tray-app pattern), and by before-quit", () => {
    const window = track(new BrowserWindow(), 'a');
    window.on('close', (event: { preventDefault(): void }) => event.preventDefault());
    app.quit();
    expect(events).toEqual(['before-quit', 'a:close']);
    expect(exits).toEqual([]);
    expect(app.isQuitting).toBe(false);
    window.removeAllListeners('close');
    app.once('before-quit', (event: { preventDefault(): void }) => event.preventDefault());
    app.quit();
    expect(window.isDestroyed()).toBe(false);
    expect(exits).toEqual([]);
  });

  it('exit() skips before-quit and close, destroys windows and exits with the code', () => {
    track(new BrowserWindow(), 'a');
    app.exit(3);
    expect(events).toEqual(['a:closed']);
    expect(exits).toEqual([3]);
  });
});

describe('window-all-closed', () => {
  it('quits by default when the last window closes and nobody listens', () => {
    app.removeAllListeners('window-all-closed');
    new BrowserWindow().close();
    expect(events).toEqual(['before-quit', 'will-quit', 'quit']);
    expect(exits).toEqual([0]);
  });

  it('is emitted instead when the app listens, and the app keeps running', () => {
    new BrowserWindow().close();
    expect(events).toEqual(['window-all-closed']);
    expect(exits).toEqual([]);
  });
});

describe('before ready', () => {
  it("refuses BrowserWindow with Electron's message and defers second-instance until ready", () => {
    const early = new App({
      info: { appPath: home, name: 'Early', version: '1.0.0' },
      paths: new AppPaths(home, 'Early'),
      touch: () => {},
      warn: () => {},
      exitProcess: () => {},
    });
    installFakeContext({ isReady: () => early.isReady() });
    expect(() => new BrowserWindow()).toThrow('Cannot create BrowserWindow before app is ready');
    const heard = vi.fn();
    early.on('second-instance', heard);
    (early as unknown as { secondInstance(message: object): void }).secondInstance({ argv: ['x'], workingDirectory: '/', additionalData: {} });
    expect(heard).not.toHaveBeenCalled();
    early.markReady();
    expect(heard).toHaveBeenCalledWith(expect.anything(), ['x'], '/', {});
  });
});
