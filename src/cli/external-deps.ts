/**
 * The CLI's view of the core pieces beyond the REST client: the Wings socket, signed-URL
 * transfers and the simulated panel. Narrow on purpose: in-process tests fake just this much.
 */
import type { DownloadOptions, DownloadResult, UploadFileOptions, UploadResult } from '../core/transfer/types';
import type { Disposer } from '../core/util/deps';
import type { WingsSocketLike } from '../core/monitor';
import type { WingsEvents, WingsSocketOptions } from '../core/wings/types';
import type { SimPanel, SimPanelOptions } from '../sim/types';

/** The part of `WingsSocket` the console uses. */
export interface ConsoleSocket {
  connect(): void;
  dispose(): void;
  on<E extends keyof WingsEvents>(event: E, cb: (payload: WingsEvents[E]) => void): Disposer;
  /** False when not authenticated: nothing was sent. */
  sendCommand(command: string): boolean;
}

/** Core pieces the CLI reaches through its deps. */
export interface ExternalDeps {
  createSocket(options: WingsSocketOptions): ConsoleSocket;
  /** Streams a signed download URL into a file (written only once complete). */
  downloadToFile(options: DownloadOptions): Promise<DownloadResult>;
  /** Streams a local file to a signed upload URL. */
  uploadFromFile(options: UploadFileOptions): Promise<UploadResult>;
  /** The sockets of `watch`'s monitor; absent: the monitor's own (a real WingsSocket). */
  createMonitorSocket?: (options: WingsSocketOptions) => WingsSocketLike;
  /** Starts the simulated panel (`pterotray sim`). */
  startSim(options: SimPanelOptions): Promise<SimPanel>;
}
