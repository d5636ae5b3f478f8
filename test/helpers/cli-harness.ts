/**
 * Runs the CLI in-process with fake streams, environment and client, for fast tests of parsing,
 * output and exit codes without building or spawning anything.
 */
import { PassThrough, Readable } from 'node:stream';
import { COMMANDS } from '../../src/cli/commands';
import type { CliDeps } from '../../src/cli/context';
import { runCli } from '../../src/cli/run';
import { systemClock } from '../../src/core/util/deps';
import { createFakeClient, type FakeClient } from './fake-client';

/** A test key: 48 characters like a real one, so the redactor treats it as a secret. */
export const TEST_KEY = 'ptlc_TESTKEY0001abcdefghijklmnopqrstuvwxyz012345';

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface InProcessOptions {
  client?: FakeClient;
  env?: Record<string, string | undefined>;
  stdin?: Readable;
  deps?: Partial<CliDeps>;
  /** Called with an `interrupt()` that acts like Ctrl-C, once the run has started. */
  onStart?: (controls: { interrupt: () => void; stdout: PassThrough; stderr: PassThrough }) => void;
}

/** Runs `argv` through `runCli` and collects both streams. */
export async function runInProcess(argv: string[], options: InProcessOptions = {}): Promise<InProcessResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const listeners = new Set<() => void>();
  const client = options.client ?? createFakeClient();
  const deps: CliDeps = {
    env: options.env ?? { PTEROTRAY_PANEL_URL: 'https://panel.test', PTEROTRAY_API_KEY: TEST_KEY },
    stdin: options.stdin ?? Readable.from([]),
    stdout,
    stderr,
    cwd: process.cwd(),
    clock: systemClock,
    onInterrupt: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    createClient: () => client,
    createSocket: () => {
      throw new Error('no socket in this test');
    },
    downloadToFile: () => Promise.reject(new Error('no download in this test')),
    uploadFromFile: () => Promise.reject(new Error('no upload in this test')),
    startSim: () => Promise.reject(new Error('no sim in this test')),
    ...options.deps,
  };
  const running = runCli(argv, deps, COMMANDS);
  options.onStart?.({ interrupt: () => [...listeners].forEach((l) => l()), stdout, stderr });
  const code = await running;
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
