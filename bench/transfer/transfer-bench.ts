/**
 * Section 3: a 1 GiB download and upload through the signed Wings URLs, Pterotray's core against
 * curl on the same loopback, in the same run, rounds interleaved. Every transfer runs in its own
 * process, so each peak-memory figure is that transfer's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PanelClient } from '../../src/core/api/client';
import { sampleProcess } from '../lib/proc';
import { SimFleet, type FleetPanel } from '../sim/sim-fleet';
import { runCurl, runInChild, runNodeReference } from './transfer-runs';
import type { TransferJob } from './transfer-protocol';

/** One measured transfer. */
export interface TransferSample {
  bytes: number;
  transferMs: number;
  peakRssBytes: number;
  rssBeforeBytes: number | null;
  peakHeapUsedBytes: number | null;
}

/** Every sample by row label (`download · Pterotray`…), and the sim host's peak. */
export interface TransferFigures {
  bytes: number;
  rounds: number;
  samples: Map<string, TransferSample[]>;
  simHostPeakRssBytes: number | null;
}

export const ROWS = {
  pterotrayDown: 'Download · Pterotray (downloadToFile, to a file)',
  curlDownNull: 'Download · curl -o /dev/null',
  curlDownFile: 'Download · curl -o file',
  nodeDown: 'Download · plain Node http → file (reference)',
  pterotrayUp: 'Upload · Pterotray (uploadFromFile)',
  curlUp: 'Upload · curl -F files=@file',
} as const;

const REMOTE_FILE = '/bench-1g.bin';
const UPLOAD_DIR = '/bench-uploads';

async function inChild(job: TransferJob): Promise<TransferSample> {
  const reply = await runInChild(job);
  if (reply.type !== 'done') throw new Error(`Pterotray ${job.type} failed: ${reply.type === 'failed' ? reply.message : reply.type}`);
  return reply.report;
}

interface RoundContext {
  panel: FleetPanel;
  server: string;
  client: PanelClient;
  scratch: string;
  record(row: string, sample: TransferSample): void;
}

async function oneRound(ctx: RoundContext, round: number): Promise<void> {
  const { panel, server, client, scratch } = ctx;
  const common = { panelUrl: panel.url, apiKey: panel.apiKey, server };
  const local = join(scratch, 'pterotray.bin');
  ctx.record(ROWS.pterotrayDown, await inChild({ type: 'download', ...common, remotePath: REMOTE_FILE, localPath: local }));
  const curlNull = await runCurl(['-o', '/dev/null', await client.getDownloadUrl(server, REMOTE_FILE)]);
  ctx.record(ROWS.curlDownNull, { ...curlNull, rssBeforeBytes: null, peakHeapUsedBytes: null });
  const curlFile = join(scratch, 'curl.bin');
  const curlToFile = await runCurl(['-o', curlFile, await client.getDownloadUrl(server, REMOTE_FILE)]);
  ctx.record(ROWS.curlDownFile, { ...curlToFile, rssBeforeBytes: null, peakHeapUsedBytes: null });
  rmSync(curlFile, { force: true });
  const nodeRef = await runNodeReference(await client.getDownloadUrl(server, REMOTE_FILE), curlFile);
  ctx.record(ROWS.nodeDown, { ...nodeRef, rssBeforeBytes: null, peakHeapUsedBytes: null });
  rmSync(curlFile, { force: true });
  const upName = `pterotray-${round}.bin`;
  ctx.record(ROWS.pterotrayUp, await inChild({ type: 'upload', ...common, directory: UPLOAD_DIR, localPath: local, fileName: upName }));
  await panel.control.files(server).remove(`${UPLOAD_DIR}/${upName}`);
  const uploadUrl = `${await client.getUploadUrl(server)}&directory=${encodeURIComponent(UPLOAD_DIR)}`;
  const curlUp = await runCurl(['-o', '/dev/null', '-F', `files=@${local};filename=curl-${round}.bin`, uploadUrl]);
  ctx.record(ROWS.curlUp, { ...curlUp, rssBeforeBytes: null, peakHeapUsedBytes: null });
  await panel.control.files(server).remove(`${UPLOAD_DIR}/curl-${round}.bin`);
}

/** Runs `rounds` interleaved rounds of every transfer of `bytes`. */
export async function runTransfers(options: { bytes: number; rounds: number }, progress: (line: string) => void): Promise<TransferFigures> {
  const fleet = await SimFleet.start([{ servers: 1, seed: 11, uploadLimitBytes: 2 * options.bytes }]);
  const scratch = mkdtempSync(join(tmpdir(), 'pterotray-bench-transfer-'));
  const panel = fleet.panels[0];
  const client = panel ? new PanelClient({ url: panel.url, apiKey: panel.apiKey }) : null;
  const samples = new Map<string, TransferSample[]>();
  try {
    if (!panel || !client) throw new Error('the transfer panel did not start');
    const [first] = await panel.control.servers();
    if (!first) throw new Error('the transfer panel has no server');
    await panel.control.files(first.identifier).createLarge(REMOTE_FILE, options.bytes);
    await panel.control.files(first.identifier).mkdir(UPLOAD_DIR);
    // Fills the transpile cache first, so no measured child loads the TypeScript compiler.
    await runInChild({ type: 'warm-up' });
    const record = (row: string, sample: TransferSample): void => void samples.set(row, [...(samples.get(row) ?? []), sample]);
    for (let round = 1; round <= options.rounds; round++) {
      progress(`transfer: round ${round} of ${options.rounds} (${Math.round(options.bytes / 1048576)} MiB each way, Pterotray and curl)`);
      await oneRound({ panel, server: first.identifier, client, scratch, record }, round);
    }
    return { bytes: options.bytes, rounds: options.rounds, samples, simHostPeakRssBytes: fleet.pid ? (sampleProcess(fleet.pid)?.peakRssBytes ?? null) : null };
  } finally {
    client?.dispose();
    rmSync(scratch, { recursive: true, force: true });
    await fleet.close();
  }
}
