/** Runs one transfer in a child: Pterotray's core (transfer-child.ts) or curl under GNU time. */
import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TransferJob, TransferReply } from './transfer-protocol';

const CHILD = fileURLToPath(new URL('./transfer-child.ts', import.meta.url));
const REGISTER = new URL('../register.mjs', import.meta.url).href;

/** Runs `job` in a fresh child and returns its reply once the child has exited. */
export async function runInChild(job: TransferJob): Promise<TransferReply> {
  const child = fork(CHILD, [], { execArgv: ['--import', REGISTER], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const reply = new Promise<TransferReply>((resolve) => {
    child.once('message', (message) => resolve(message as TransferReply));
    child.once('exit', (code) => resolve({ type: 'failed', message: `the transfer child exited (${String(code)})` }));
  });
  child.send(job);
  const answer = await reply;
  await exited;
  return answer;
}

/** What curl reported, and its peak memory from GNU time. */
export interface CurlReport {
  bytes: number;
  transferMs: number;
  peakRssBytes: number;
}

/** Parses `-w '%{size_download} %{size_upload} %{time_total}'` plus GNU time's `%M` (KiB) line. */
export function parseCurlOutput(stdout: string, stderr: string): CurlReport {
  const [down, up, seconds] = stdout.trim().split(/\s+/).map(Number);
  const lastLine = stderr.trim().split('\n').pop() ?? '';
  return { bytes: Math.max(down ?? 0, up ?? 0), transferMs: (seconds ?? 0) * 1000, peakRssBytes: Number(lastLine) * 1024 };
}

/** Runs `command` under GNU time; stdout must be curl's `-w` format. The URL is never printed. */
function runTimed(command: string, args: readonly string[], env?: Record<string, string>): Promise<CurlReport> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', command, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      // curl's own error text can quote the URL (a signed token): report the exit code only.
      if (code === 0) resolve(parseCurlOutput(stdout, stderr));
      else reject(new Error(`${command} failed with exit code ${String(code)}`));
    });
  });
}

/** Runs curl with `args` (the URL among them). */
export function runCurl(args: readonly string[]): Promise<CurlReport> {
  return runTimed('curl', ['-sS', '--fail', '-w', '%{size_download} %{size_upload} %{time_total}', ...args]);
}

// The floor for a Node download: http.request piped into fs.createWriteStream, nothing else.
// It prints curl's `-w` format so one parser reads both.
const NODE_REFERENCE = `
const http = require('node:http'), fs = require('node:fs'), { pipeline } = require('node:stream');
const startedAt = performance.now();
http.request(process.env.BENCH_URL, { agent: false }, (res) => {
  let bytes = 0;
  res.on('data', (chunk) => (bytes += chunk.length));
  pipeline(res, fs.createWriteStream(process.env.BENCH_DEST), (error) => {
    if (error) process.exit(1);
    console.log(bytes + ' 0 ' + (performance.now() - startedAt) / 1000);
  });
}).end();`;

/** Downloads `url` to `destination` with plain Node (no Pterotray code), for reference. */
export function runNodeReference(url: string, destination: string): Promise<CurlReport> {
  return runTimed(process.execPath, ['-e', NODE_REFERENCE], { BENCH_URL: url, BENCH_DEST: destination });
}
