/**
 * A child process that runs one transfer through Pterotray's core (downloadToFile or
 * uploadFromFile, as the app's TransferManager calls them) and watches its own memory meanwhile,
 * so the figures are the transfer's alone. Started by transfer-runs.ts; one job, then it exits.
 */
import { downloadToFile, uploadFromFile } from '../../src/core/transfer';
import { sampleProcess } from '../lib/proc';
import type { TransferJob, TransferReply, TransferReport } from './transfer-protocol';

// Heap only: the RSS peak comes from the kernel's VmHWM, which misses nothing between samples.
const SAMPLE_EVERY_MS = 100;

type RealJob = Exclude<TransferJob, { type: 'warm-up' }>;

async function transfer(job: RealJob): Promise<number> {
  if (job.type === 'download') return (await downloadToFile({ url: job.url, destinationPath: job.localPath })).bytes;
  return (await uploadFromFile({ url: job.url, directory: job.directory, filePath: job.localPath, fileName: job.fileName })).bytes;
}

async function run(job: RealJob): Promise<TransferReport> {
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), SAMPLE_EVERY_MS);
  try {
    const startedAt = performance.now();
    const bytes = await transfer(job);
    const transferMs = performance.now() - startedAt;
    const peakRss = Math.max(before.rss, sampleProcess(process.pid)?.peakRssBytes ?? 0);
    return { bytes, transferMs, rssBeforeBytes: before.rss, peakRssBytes: peakRss, heapUsedBeforeBytes: before.heapUsed, peakHeapUsedBytes: peakHeap };
  } finally {
    clearInterval(sampler);
  }
}

async function handle(job: TransferJob): Promise<TransferReply> {
  if (job.type === 'warm-up') return { type: 'warm' };
  try {
    return { type: 'done', report: await run(job) };
  } catch (error) {
    // PanelError messages from the transfer code never carry the signed URL's token.
    return { type: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

process.once('message', (job) => {
  void handle(job as TransferJob).then((reply) => {
    process.send?.(reply);
    process.disconnect();
  });
});
