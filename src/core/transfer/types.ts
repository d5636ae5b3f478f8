/** Options and results of signed-URL transfers to and from Wings. */
import type { ClientRequest, RequestOptions } from 'node:http';
import type { Readable } from 'node:stream';
import type { Logger } from '../util/deps';

/** Called as bytes move; `totalBytes` is null when the size is unknown. */
export type ProgressCallback = (transferredBytes: number, totalBytes: number | null) => void;

/**
 * Opens one HTTP(S) request, like `http.request`/`https.request`. Injected so the app can pass
 * its own agent (a node's private CA) and tests can observe requests. Defaults by URL scheme.
 */
export type RequestImpl = (url: URL, options: RequestOptions) => ClientRequest;

/** What every transfer accepts. */
export interface TransferCommonOptions {
  /** The signed Wings URL. It carries a bearer-equivalent token: it is never logged. */
  url: string;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Gives up when no byte moves for this long (an idle timeout, not a total). Default 60 000 ms. */
  timeoutMs?: number;
  requestImpl?: RequestImpl;
  logger?: Logger;
}

/** `downloadToFile` options. */
export interface DownloadOptions extends TransferCommonOptions {
  /** Where the file ends up; written only once the whole body has arrived. Replaced if present. */
  destinationPath: string;
}

/** What a finished download wrote. */
export interface DownloadResult {
  path: string;
  bytes: number;
}

/** Where an upload goes. */
export interface UploadTarget extends TransferCommonOptions {
  /** The server directory to upload into, e.g. `/plugins`. */
  directory: string;
}

/** `uploadFromFile` options. */
export interface UploadFileOptions extends UploadTarget {
  filePath: string;
  /** The name on the server; defaults to the local file's base name. */
  fileName?: string;
}

/** `uploadFromStream` options. */
export interface UploadStreamOptions extends UploadTarget {
  source: Readable;
  fileName: string;
  /** When known, sent as part of Content-Length; otherwise the body is sent chunked. */
  sizeBytes?: number;
}

/** What a finished upload sent. */
export interface UploadResult {
  fileName: string;
  bytes: number;
}
