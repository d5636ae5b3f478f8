/**
 * Runs the window's downloads and uploads: fetches a fresh signed URL per file (they are single
 * use), streams in the background, reports progress at a bounded rate, and cancels on request.
 * Nothing here blocks a caller: start() returns an id at once.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ClientApi } from '../api/client-types';
import { PanelError } from '../api/errors';
import type { Clock, Logger } from '../util/deps';
import { silentLogger, systemClock } from '../util/deps';
import { downloadToFile } from './download';
import { uploadFromFile } from './upload';
import type { IpcError, ServerRef, TransferProgress } from '../../shared/types';

export interface TransferManagerOptions {
  client(accountId: string): Promise<ClientApi>;
  onProgress(progress: TransferProgress): void;
  clock?: Clock;
  logger?: Logger;
  /** Progress events per transfer at most this often (the first and last always go out). */
  progressIntervalMs?: number;
  /** The transfer functions; injectable for tests. */
  download?: typeof downloadToFile;
  upload?: typeof uploadFromFile;
}

interface Running {
  progress: TransferProgress;
  controller: AbortController;
  lastSentMs: number;
}

function toError(error: unknown): IpcError {
  if (error instanceof PanelError) return { code: error.kind, message: error.message };
  return { code: 'internal', message: 'The transfer failed unexpectedly.' };
}

export class TransferManager {
  readonly #options: TransferManagerOptions;
  readonly #running = new Map<string, Running>();

  constructor(options: TransferManagerOptions) {
    this.#options = options;
  }

  /** Downloads `remotePath` to `destinationPath`; returns the transfer id at once. */
  download(server: ServerRef, remotePath: string, destinationPath: string): string {
    return this.#start(server, 'download', basename(remotePath), async (client, run) => {
      const url = await client.getDownloadUrl(server.identifier, remotePath, { signal: run.controller.signal });
      await (this.#options.download ?? downloadToFile)({
        url,
        destinationPath,
        signal: run.controller.signal,
        onProgress: (done, total) => this.#progress(run, done, total),
        logger: this.#logger,
      });
    });
  }

  /**
   * A download from a signed URL other than a file's (a backup's: issue 13). `urlOf` fetches the
   * link once the transfer runs; `afterward` runs on the finished file before the transfer is
   * reported done (a checksum check), and its failure fails the transfer.
   */
  downloadFrom(
    server: ServerRef,
    spec: {
      name: string;
      destinationPath: string;
      urlOf(client: ClientApi, signal: AbortSignal): Promise<string>;
      afterward?(path: string, signal: AbortSignal, transferId: string): Promise<void>;
    },
  ): string {
    return this.#start(server, 'download', spec.name, async (client, run) => {
      const signal = run.controller.signal;
      const url = await spec.urlOf(client, signal);
      const { path } = await (this.#options.download ?? downloadToFile)({
        url,
        destinationPath: spec.destinationPath,
        signal,
        onProgress: (done, total) => this.#progress(run, done, total),
        logger: this.#logger,
      });
      await spec.afterward?.(path, signal, run.progress.transferId);
    });
  }

  /** Uploads a local file into `directory`; returns the transfer id at once. */
  upload(server: ServerRef, directory: string, localPath: string): string {
    return this.#start(server, 'upload', basename(localPath), async (client, run) => {
      const url = await client.getUploadUrl(server.identifier, { signal: run.controller.signal });
      await (this.#options.upload ?? uploadFromFile)({
        url,
        directory,
        filePath: localPath,
        signal: run.controller.signal,
        onProgress: (done, total) => this.#progress(run, done, total),
        logger: this.#logger,
      });
    });
  }

  cancel(transferId: string): void {
    this.#running.get(transferId)?.controller.abort();
  }

  /** What is running now (a reopened window shows it). */
  active(): TransferProgress[] {
    return [...this.#running.values()].map((r) => ({ ...r.progress }));
  }

  dispose(): void {
    for (const run of this.#running.values()) run.controller.abort();
  }

  get #logger(): Logger {
    return this.#options.logger ?? silentLogger;
  }

  get #clock(): Clock {
    return this.#options.clock ?? systemClock;
  }

  #start(server: ServerRef, direction: 'download' | 'upload', name: string, work: (client: ClientApi, run: Running) => Promise<void>): string {
    const transferId = randomUUID();
    const run: Running = {
      progress: { transferId, direction, server, name, transferredBytes: 0, totalBytes: null, status: 'running', error: null },
      controller: new AbortController(),
      lastSentMs: Number.NEGATIVE_INFINITY,
    };
    this.#running.set(transferId, run);
    this.#emit(run);
    void this.#options
      .client(server.accountId)
      .then((client) => {
        // Cancelled before it began: do not fetch a signed URL for nothing.
        run.controller.signal.throwIfAborted();
        return work(client, run);
      })
      .then(
        () => this.#finish(run, 'done', null),
        (error: unknown) => this.#finish(run, run.controller.signal.aborted ? 'cancelled' : 'failed', run.controller.signal.aborted ? null : toError(error)),
      );
    return transferId;
  }

  #progress(run: Running, transferredBytes: number, totalBytes: number | null): void {
    run.progress = { ...run.progress, transferredBytes, totalBytes };
    const now = this.#clock.now();
    if (now - run.lastSentMs >= (this.#options.progressIntervalMs ?? 100)) this.#emit(run);
  }

  #finish(run: Running, status: TransferProgress['status'], error: IpcError | null): void {
    this.#running.delete(run.progress.transferId);
    run.progress = { ...run.progress, status, error };
    if (status === 'failed') this.#logger.warn('transfer failed', { direction: run.progress.direction, code: error?.code });
    this.#emit(run);
  }

  #emit(run: Running): void {
    run.lastSentMs = this.#clock.now();
    this.#options.onProgress({ ...run.progress });
  }
}
