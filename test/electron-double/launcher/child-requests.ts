/**
 * What the app's child asks of the launcher: pages for its windows, loads, pushes, sizes — and
 * the snapshots and exit notice it sends.
 */
import { ToLauncher, type CreateWindowParams } from '../shared/protocol';
import type { RpcPeer } from '../shared/rpc';
import type { AppSnapshot } from '../shared/snapshot';
import type { BrowserHost } from './browser-host';

/** Where the child's notifications go. */
export interface ChildListeners {
  snapshot(snapshot: AppSnapshot): void;
  exiting(activeResources: string[]): void;
}

interface WindowParams {
  windowId: number;
}

/** Answers the child's requests with the browser host. */
export function serveChild(peer: RpcPeer, host: BrowserHost, listeners: ChildListeners): void {
  peer.handle(ToLauncher.createWindow, (params) => host.createWindow(params as CreateWindowParams));
  peer.handle(ToLauncher.loadURL, async (params) => {
    const { windowId, url, loadId } = params as WindowParams & { url: string; loadId: number };
    await (await host.window(windowId)).load(url, loadId);
  });
  peer.handle(ToLauncher.destroyWindow, (params) => host.destroyWindow((params as WindowParams).windowId));
  peer.handle(ToLauncher.setWindowSize, async (params) => {
    const { windowId, width, height } = params as WindowParams & { width: number; height: number };
    await (await host.page(windowId)).setViewportSize({ width, height });
  });
  peer.handle(ToLauncher.executeJavaScript, async (params) => {
    const { windowId, code } = params as WindowParams & { code: string };
    return (await host.page(windowId)).evaluate(code);
  });
  peer.handle(ToLauncher.reload, async (params) => (await host.window((params as WindowParams).windowId)).reload());
  peer.handle(ToLauncher.runBeforeUnload, async (params) => (await host.window((params as WindowParams).windowId)).runBeforeUnload());
  peer.handle(ToLauncher.settleBeforeUnload, async (params) => {
    const { windowId, proceed } = params as WindowParams & { proceed: boolean };
    await (await host.window(windowId)).settleBeforeUnload(proceed);
  });
  peer.handle(ToLauncher.setColorScheme, (params) => host.setColorScheme((params as { dark: boolean }).dark));
  peer.listen(ToLauncher.sendToPage, (params) => {
    const { windowId, channel, args } = params as WindowParams & { channel: string; args: unknown[] };
    void host.window(windowId).then(
      (window) => window.send(channel, args),
      () => {},
    );
  });
  peer.listen(ToLauncher.snapshot, (params) => listeners.snapshot(params as AppSnapshot));
  peer.listen(ToLauncher.exiting, (params) => listeners.exiting((params as { activeResources: string[] }).activeResources));
}
