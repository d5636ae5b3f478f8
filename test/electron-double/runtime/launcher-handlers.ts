/**
 * The child's answers to the launcher: what a user does (click a menu item, a notification, close a
 * window), what the test scripts (dialog answers, power events), and what pages send (invoke, send,
 * navigation, window.open).
 */
import { ToChild, type ClickMenuParams, type InvokeParams, type WebContentsEventParams, type WindowOpenParams } from '../shared/protocol';
import type { DialogKind } from '../shared/snapshot';
import type { App } from './app';
import type { Bridge } from './bridge';
import { BrowserWindow } from './browser-window';
import { answerNextDialog } from './dialog';
import type { Rectangle } from 'electron';
import { pressGlobalShortcut, releaseTakenShortcut } from './global-shortcut';
import { Menu, pressAccelerator } from './menu';
import { captureMenu, clickMenuPath } from './menu-view';
import { clickNotification, dismissNotification, expireNotification } from './notification';
import { session } from './session';
import type { ProtocolRequestParams } from './session-protocol';
import { emitPowerEvent, setOnline, setSystemDark, setSystemTrayDark } from './system';
import { findTray } from './tray';
import { decideWindowOpen, handleInvoke, handleSend, handleWillNavigate } from './web-contents-ipc';

function windowById(windowId: number | undefined): BrowserWindow {
  const window = windowId === undefined ? BrowserWindow.getAllWindows()[0] : BrowserWindow.fromId(windowId);
  if (!window) throw new Error(windowId === undefined ? 'the app has no open window' : `window ${windowId} is not open`);
  return window;
}

function clickMenu(params: ClickMenuParams): void {
  if (params.menu === 'application') {
    const menu = Menu.getApplicationMenu();
    if (!menu) throw new Error('the app has no application menu');
    clickMenuPath(captureMenu(menu), params);
  } else {
    findTray(params.trayIndex).userClickMenu(params);
  }
}

function openAllowedWindow(opener: BrowserWindow, params: WindowOpenParams, options: Record<string, unknown> | undefined): void {
  const child = new BrowserWindow(options ?? {});
  opener.webContents.emit('did-create-window', child, { url: params.url, frameName: params.frameName, options: options ?? {} });
  child.loadURL(params.url).catch(() => {});
}

function registerUserActions(bridge: Bridge, app: App): void {
  bridge.handle(ToChild.clickMenu, (params) => clickMenu(params as ClickMenuParams));
  bridge.handle(ToChild.clickTray, (params) => {
    const { trayIndex, button, modifiers } = params as { trayIndex?: number; button?: 'left' | 'right'; modifiers?: ClickMenuParams['modifiers'] };
    findTray(trayIndex).userActivate(button, modifiers);
  });
  bridge.handle(ToChild.clickNotification, (params) => clickNotification((params as { index: number }).index));
  bridge.handle(ToChild.dismissNotification, (params) => dismissNotification((params as { index: number }).index));
  bridge.handle(ToChild.expireNotification, (params) => expireNotification((params as { index: number }).index));
  bridge.handle(ToChild.userCloseWindow, (params) => windowById((params as { windowId?: number }).windowId).close());
  bridge.handle(ToChild.userSetWindowBounds, (params) => {
    const { windowId, bounds } = params as { windowId?: number; bounds: Partial<Rectangle> };
    windowById(windowId).userSetBounds(bounds);
  });
  bridge.handle(ToChild.activateApp, () => app.userActivate());
  bridge.handle(ToChild.pressGlobalShortcut, (params) => pressGlobalShortcut((params as { accelerator: string }).accelerator));
  bridge.handle(ToChild.releaseTakenShortcut, (params) => releaseTakenShortcut((params as { accelerator: string }).accelerator));
  bridge.handle(ToChild.pressAccelerator, (params) => pressAccelerator((params as { accelerator: string }).accelerator));
  bridge.handle(ToChild.setSystemTrayDark, (params) => setSystemTrayDark((params as { dark: boolean }).dark));
  bridge.handle(ToChild.answerDialog, (params) => {
    const { kind, answer } = params as { kind: DialogKind; answer: Record<string, unknown> };
    answerNextDialog(kind, answer);
  });
  bridge.handle(ToChild.emitPowerMonitor, (params) => emitPowerEvent((params as { event: string }).event));
  bridge.handle(ToChild.setOnline, (params) => setOnline((params as { online: boolean }).online));
  bridge.handle(ToChild.setSystemDarkMode, (params) => setSystemDark((params as { dark: boolean }).dark));
  bridge.handle(ToChild.requestPermission, (params) => {
    const { permission, windowId } = params as { permission: string; windowId?: number };
    const window = windowId === undefined ? undefined : windowById(windowId);
    return session.defaultSession.requestPermission(permission, window?.webContents, windowId);
  });
  // Answer first, then quit: the launcher then waits for the process to exit.
  bridge.handle(ToChild.quit, () => {
    setImmediate(() => app.quit());
    return null;
  });
}

function registerPageTraffic(bridge: Bridge, touch: () => void): void {
  bridge.handle(ToChild.invoke, (params) => {
    const call = params as InvokeParams;
    return handleInvoke(windowById(call.windowId).webContents, call);
  });
  bridge.handle(ToChild.send, (params) => {
    const call = params as InvokeParams;
    handleSend(windowById(call.windowId).webContents, call);
  });
  bridge.handle(ToChild.willNavigate, (params) => {
    const { windowId, url } = params as { windowId: number; url: string };
    const window = windowById(windowId);
    const prevented = handleWillNavigate(window.webContents, url);
    window.requests.navigationRequests.push({ url, prevented });
    touch();
    return prevented;
  });
  bridge.handle(ToChild.windowOpen, (params) => {
    const request = params as WindowOpenParams;
    const window = windowById(request.windowId);
    const decision = decideWindowOpen(window.webContents, request);
    window.requests.windowOpenRequests.push({ url: request.url, action: decision.action });
    touch();
    if (decision.action === 'allow') openAllowedWindow(window, request, decision.overrideBrowserWindowOptions);
    return decision.action;
  });
  // Electron runs the handler of the session the requesting window uses.
  bridge.handle(ToChild.protocolRequest, (params) => {
    const request = params as ProtocolRequestParams;
    return windowById(request.windowId).webContents.session.protocol.serve(request);
  });
  bridge.listen(ToChild.webContentsEvent, (params) => {
    const event = params as WebContentsEventParams;
    BrowserWindow.fromId(event.windowId)?.webContents.handleLauncherEvent(event);
  });
}

/** Wires every launcher request to the double's modules. */
export function registerLauncherHandlers(bridge: Bridge, app: App, touch: () => void): void {
  registerUserActions(bridge, app);
  registerPageTraffic(bridge, touch);
}
