/** The job the transfer child runs and what it reports (sent over the fork IPC channel). */

/** One transfer through Pterotray's core. The key travels over IPC, never on a command line. */
export type TransferJob =
  | { type: 'warm-up' }
  | { type: 'download'; panelUrl: string; apiKey: string; server: string; remotePath: string; localPath: string }
  | { type: 'upload'; panelUrl: string; apiKey: string; server: string; directory: string; localPath: string; fileName: string };

/** What a transfer took. */
export interface TransferReport {
  bytes: number;
  /** From the first byte asked to the last written, signed-URL fetch excluded (as for curl). */
  transferMs: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
  heapUsedBeforeBytes: number;
  peakHeapUsedBytes: number;
}

export type TransferReply = { type: 'done'; report: TransferReport } | { type: 'warm' } | { type: 'failed'; message: string };
