/**
 * Uploads and downloads as main reports them (`transfers:progress`), for the transfers tray. It
 * lives for the window, not the panel, so switching tabs does not forget a running download.
 * Upload folders are remembered by transfer id, so the folder on screen can refresh when an
 * upload into it finishes.
 */
import { api } from '../../../lib/api';
import { sameRef } from '../../../lib/state/app-state.svelte';
import type { ServerRef, TransferProgress } from '../../../../../shared/types';
import { describeError } from './file-errors';

type UploadDone = (server: ServerRef, directory: string) => void;

export interface TrackOptions {
  server: ServerRef;
  direction: TransferProgress['direction'];
  /** Shown until main's first progress event names the transfer. */
  name: string;
  /** For uploads: the folder the file goes to. */
  directory?: string;
}

export class TransfersState {
  rows = $state<TransferProgress[]>([]);
  // Bookkeeping, never shown: plain collections, not reactive ones.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #uploadDirectories = new Map<string, string>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #uploadDone = new Set<UploadDone>();
  #unsubscribe: (() => void) | null = null;
  #attached = 0;

  /** Follows main's progress events while at least one panel is attached; returns the detach. */
  attach(): () => void {
    if (this.#attached++ === 0) this.#unsubscribe = api.onTransfersProgress((progress) => this.apply(progress));
    let isAttached = true;
    return () => {
      if (!isAttached) return;
      isAttached = false;
      if (--this.#attached === 0) {
        this.#unsubscribe?.();
        this.#unsubscribe = null;
      }
    };
  }

  /** Calls `listener` when an upload started here finishes; returns the unsubscribe. */
  onUploadDone(listener: UploadDone): () => void {
    this.#uploadDone.add(listener);
    return () => this.#uploadDone.delete(listener);
  }

  /** Shows transfers main just started, before their first progress event. */
  track(transferIds: readonly string[], options: TrackOptions): void {
    for (const transferId of transferIds) {
      if (options.directory !== undefined) this.#uploadDirectories.set(transferId, options.directory);
      if (this.rows.some((row) => row.transferId === transferId)) continue;
      this.rows.push({
        transferId,
        direction: options.direction,
        server: options.server,
        name: options.name,
        transferredBytes: 0,
        totalBytes: null,
        status: 'running',
        error: null,
      });
    }
  }

  apply(progress: TransferProgress): void {
    const index = this.rows.findIndex((row) => row.transferId === progress.transferId);
    if (index < 0) this.rows.push(progress);
    else this.rows[index] = progress;
    if (progress.status === 'done') this.#notifyUploadDone(progress);
  }

  async cancel(transferId: string): Promise<void> {
    try {
      await api.transfersCancel({ transferId });
    } catch (error) {
      const row = this.rows.find((r) => r.transferId === transferId);
      const shown = describeError(error);
      if (row && row.status === 'running') row.error = { code: shown.code === 'unknown' ? 'internal' : shown.code, message: shown.text };
    }
  }

  dismiss(transferId: string): void {
    this.rows = this.rows.filter((row) => row.transferId !== transferId);
    this.#uploadDirectories.delete(transferId);
  }

  clearFinished(server: ServerRef): void {
    this.rows = this.rows.filter((row) => row.status === 'running' || !sameRef(row.server, server));
  }

  forServer(server: ServerRef): TransferProgress[] {
    return this.rows.filter((row) => sameRef(row.server, server));
  }

  #notifyUploadDone(progress: TransferProgress): void {
    const directory = this.#uploadDirectories.get(progress.transferId);
    if (progress.direction !== 'upload' || directory === undefined) return;
    this.#uploadDirectories.delete(progress.transferId);
    this.#uploadDone.forEach((listener) => listener(progress.server, directory));
  }
}

/** The window's one transfers list. */
export const transfers = new TransfersState();
