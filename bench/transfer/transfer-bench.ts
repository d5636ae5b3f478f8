// One sim version (default, or SIM_VERSION's): transfers use Wings' signed URLs, served alike by every release (client-files.test.ts runs them on each).
/**
 * Section 3: a 1 GiB download and upload through the signed Wings URLs, Pterotray's core against
 * curl on the same loopback, in the same run, rounds interleaved. Every transfer runs in its own
 * process, so each peak-memory figure is that transfer's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PanelClient } from '../../src/core/api/client';
import { sampleProcess } from '../lib/proc';
import { SimFleet, type FleetPanel } from '../sim/sim-fleet';
import { runCurl, runInChild, runNodeReference, type CurlReport } from './transfer-runs';
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

/**
 * Writes what earlier transfers left dirty in the page cache to disk first, so no transfer pays
 * for the write-back of the one before it (without this, whichever runs first in a round after
 * a 1 GiB write is the slowest, whatever it is).
 */
function settleDisk(): void {
  execFileSync('sync');
}

/** An outside tool's transfer (curl, plain Node), after the disk settled. */
async function timed(run: () => Promise<CurlReport>): Promise<TransferSample> {
  settleDisk();
  return { ...(await run()), rssBeforeBytes: null, peakHeapUsedBytes: null };
}

async function inChild(job: TransferJob): Promise<TransferSample> {
  settleDisk();
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
  const downloadUrl = (): Promise<string> => client.getDownloadUrl(server, REMOTE_FILE);
  const local = join(scratch, 'pterotray.bin');
  // Every download writes a new file, as curl's and the reference's do: replacing last round's
  // 1 GiB file would add its unlink to this one's time.
  rmSync(local, { force: true });
  ctx.record(ROWS.pterotrayDown, await inChild({ type: 'download', url: await downloadUrl(), localPath: local }));
  const curlNull = await timed(async () => runCurl(['-o', '/dev/null', await downloadUrl()]));
  ctx.record(ROWS.curlDownNull, curlNull);
  const scratchFile = join(scratch, 'other.bin');
  ctx.record(ROWS.curlDownFile, await timed(async () => runCurl(['-o', scratchFile, await downloadUrl()])));
  rmSync(scratchFile, { force: true });
  ctx.record(ROWS.nodeDown, await timed(async () => runNodeReference(await downloadUrl(), scratchFile)));
  rmSync(scratchFile, { force: true });
  const upName = `pterotray-${round}.bin`;
  ctx.record(
    ROWS.pterotrayUp,
    await inChild({ type: 'upload', url: await client.getUploadUrl(server), directory: UPLOAD_DIR, localPath: local, fileName: upName }),
  );
  await panel.control.files(server).remove(`${UPLOAD_DIR}/${upName}`);
  const uploadUrl = async (): Promise<string> => `${await client.getUploadUrl(server)}&directory=${encodeURIComponent(UPLOAD_DIR)}`;
  ctx.record(ROWS.curlUp, await timed(async () => runCurl(['-o', '/dev/null', '-F', `files=@${local};filename=curl-${round}.bin`, await uploadUrl()])));
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
