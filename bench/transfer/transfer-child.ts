/**
 * A child process that runs one transfer through Pterotray's core (PanelClient for the signed
 * URL, then downloadToFile / uploadFromFile) and samples its own memory meanwhile, so the figures
 * are the transfer's alone. Started by transfer-runs.ts; one job, then it exits.
 */
import { PanelClient } from '../../src/core/api/client';
import { sampleProcess } from '../lib/proc';
import { downloadToFile, uploadFromFile } from '../../src/core/transfer';
import type { TransferJob, TransferReply, TransferReport } from './transfer-protocol';

// Heap only: the RSS peak comes from the kernel's VmHWM, which misses nothing between samples.
const SAMPLE_EVERY_MS = 100;

type RealJob = Exclude<TransferJob, { type: 'warm-up' }>;

async function transfer(job: RealJob, client: PanelClient): Promise<{ bytes: number; transferMs: number }> {
  if (job.type === 'download') {
    const url = await client.getDownloadUrl(job.server, job.remotePath);
    const startedAt = performance.now();
    const result = await downloadToFile({ url, destinationPath: job.localPath });
    return { bytes: result.bytes, transferMs: performance.now() - startedAt };
  }
  const url = await client.getUploadUrl(job.server);
  const startedAt = performance.now();
  const result = await uploadFromFile({ url, directory: job.directory, filePath: job.localPath, fileName: job.fileName });
  return { bytes: result.bytes, transferMs: performance.now() - startedAt };
}

async function run(job: RealJob): Promise<TransferReport> {
  const client = new PanelClient({ url: job.panelUrl, apiKey: job.apiKey });
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), SAMPLE_EVERY_MS);
  try {
    const { bytes, transferMs } = await transfer(job, client);
    const peakRss = Math.max(before.rss, sampleProcess(process.pid)?.peakRssBytes ?? 0);
    return { bytes, transferMs, rssBeforeBytes: before.rss, peakRssBytes: peakRss, heapUsedBeforeBytes: before.heapUsed, peakHeapUsedBytes: peakHeap };
  } finally {
    clearInterval(sampler);
    client.dispose();
  }
}

async function handle(job: TransferJob): Promise<TransferReply> {
  if (job.type === 'warm-up') return { type: 'warm' };
  try {
    return { type: 'done', report: await run(job) };
  } catch (error) {
    return { type: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

process.once('message', (job) => {
  void handle(job as TransferJob).then((reply) => {
    process.send?.(reply);
    process.disconnect();
  });
});
