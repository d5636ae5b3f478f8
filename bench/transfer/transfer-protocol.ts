/** The job the transfer child runs and what it reports (sent over the fork IPC channel). */

/**
 * One transfer through Pterotray's core, on a signed URL the bench fetched (as it does for curl,
 * so neither side's time includes the panel call). The URL travels over IPC, never on a command
 * line, and no API key reaches the child at all.
 */
export type TransferJob =
  | { type: 'warm-up' }
  | { type: 'download'; url: string; localPath: string }
  | { type: 'upload'; url: string; directory: string; localPath: string; fileName: string };

/** What a transfer took. */
export interface TransferReport {
  bytes: number;
  /** From the request to the last byte written (or acknowledged, for an upload). */
  transferMs: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
  heapUsedBeforeBytes: number;
  peakHeapUsedBytes: number;
}

export type TransferReply = { type: 'done'; report: TransferReport } | { type: 'warm' } | { type: 'failed'; message: string };
