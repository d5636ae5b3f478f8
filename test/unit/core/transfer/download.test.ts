import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelError } from '../../../../src/core/api/errors';
import type { Logger } from '../../../../src/core/util/deps';
import { downloadToFile } from '../../../../src/core/transfer';
import { LocalServer, SECRET_TOKEN } from './helpers/local-server';

const MiB = 1024 * 1024;

let server: LocalServer;
let dir: string;
let dest: string;

beforeEach(async () => {
  server = await LocalServer.start();
  dir = await mkdtemp(join(tmpdir(), 'pterotray-dl-'));
  dest = join(dir, 'world.zip');
});

afterEach(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<PanelError> {
  const err: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PanelError);
  return err as PanelError;
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

function spyLogger(): Logger & { text(): string } {
  const calls: unknown[] = [];
  const record = (...args: unknown[]): void => void calls.push(args);
  return { debug: record, info: record, warn: record, error: record, text: () => JSON.stringify(calls) };
}

describe('downloadToFile', () => {
  it('streams 200 MiB to disk in constant memory, intact', { timeout: 60_000 }, async () => {
    const blocks = 200;
    const block = randomBytes(MiB);
    const served = createHash('sha256');
    let servedBytes = 0;
    server.handler = (_req, res) => {
      res.writeHead(200, { 'Content-Length': blocks * MiB, 'Content-Type': 'application/octet-stream' });
      let i = 0;
      const source = new Readable({
        read() {
          if (i === blocks) return void this.push(null);
          const chunk = Buffer.from(block);
          chunk.writeUInt32BE(i++, 0);
          served.update(chunk);
          servedBytes += chunk.length;
          this.push(chunk);
        },
      });
      source.pipe(res);
    };
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    let servedAtFirstProgress: number | null = null;
    const totals = new Set<number | null>();
    let calls = 0;
    const result = await downloadToFile({
      url: server.url('/download/file'),
      destinationPath: dest,
      onProgress: (done, total) => {
        servedAtFirstProgress ??= servedBytes;
        totals.add(total);
        if (++calls % 32 === 0) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      },
    });
    expect(result).toEqual({ path: dest, bytes: blocks * MiB });
    expect(servedAtFirstProgress).not.toBeNull();
    expect(servedAtFirstProgress!).toBeLessThan((blocks * MiB) / 2); // bytes arrived while the server was still sending
    expect([...totals]).toEqual([blocks * MiB]);
    expect(calls).toBeGreaterThan(100);
    expect(rssPeak - rssBefore).toBeLessThan(100 * MiB);
    expect(await sha256OfFile(dest)).toBe(served.digest('hex'));
    expect(await readdir(dir)).toEqual(['world.zip']);
  });

  it('rejects a cut-off body and leaves no file, keeping what was there before', async () => {
    await writeFile(dest, 'the previous copy');
    server.handler = (_req, res) => {
      res.writeHead(200, { 'Content-Length': 10 * MiB });
      res.write(Buffer.alloc(MiB), () => res.socket?.destroy());
    };
    const err = await failure(downloadToFile({ url: server.url('/download/file'), destinationPath: dest }));
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/cut off after \d+ of 10485760 bytes/);
    expect(await readFile(dest, 'utf8')).toBe('the previous copy');
    expect(await readdir(dir)).toEqual(['world.zip']);
  });

  it('maps a used link (404 {error}) to not-found, and never shows or logs the token', async () => {
    server.handler = (_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'The requested resource was not found on this server.', request_id: 'r-1' }));
    };
    const logger = spyLogger();
    const err = await failure(downloadToFile({ url: server.url('/download/file'), destinationPath: dest, logger }));
    expect(err).toMatchObject({ kind: 'not-found', status: 404, detail: 'The requested resource was not found on this server.' });
    expect(err.message).toMatch(/expired or was already used/);
    expect(logger.text()).toContain('/download/file');
    for (const text of [err.message, JSON.stringify(err), String(err.stack), logger.text()]) {
      expect(text).not.toContain(SECRET_TOKEN);
      expect(text).not.toContain('signature-secret');
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('cancels on abort mid-stream and removes the partial file', async () => {
    server.handler = (_req, res) => {
      res.writeHead(200, { 'Content-Length': 50 * MiB });
      res.write(Buffer.alloc(MiB)); // then stall: only the abort can end this
    };
    const controller = new AbortController();
    const err = await failure(
      downloadToFile({
        url: server.url('/download/file'),
        destinationPath: dest,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    );
    expect(err.kind).toBe('cancelled');
    expect(await readdir(dir)).toEqual([]);
  });

  it('does not even connect when already aborted', async () => {
    const err = await failure(downloadToFile({ url: server.url('/x'), destinationPath: dest, signal: AbortSignal.abort() }));
    expect(err.kind).toBe('cancelled');
    expect(server.requests).toHaveLength(0);
  });

  it('gives up on a stalled body after the idle timeout', async () => {
    server.handler = (_req, res) => {
      res.writeHead(200, { 'Content-Length': 10 });
      res.write('12345');
    };
    const err = await failure(downloadToFile({ url: server.url('/x'), destinationPath: dest, timeoutMs: 100 }));
    expect(err.kind).toBe('timeout');
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports an unreachable node and a missing folder distinctly', async () => {
    const url = server.url('/download/file');
    await server.stop();
    server = await LocalServer.start(); // afterEach stops this one
    expect((await failure(downloadToFile({ url, destinationPath: dest }))).kind).toBe('node-unreachable');
    server.handler = (_req, res) => res.end('data');
    const nowhere = join(dir, 'missing', 'file.bin');
    const err = await failure(downloadToFile({ url: server.url('/x'), destinationPath: nowhere }));
    expect(err.kind).toBe('local-file');
  });

  it('rejects a malformed link without echoing it', async () => {
    const err = await failure(downloadToFile({ url: `not a url ?token=${SECRET_TOKEN}`, destinationPath: dest }));
    expect(err.kind).toBe('validation');
    expect(JSON.stringify(err) + String(err.stack)).not.toContain(SECRET_TOKEN);
  });

  it('passes the request through an injected requestImpl', async () => {
    server.handler = (_req, res) => res.end('abc');
    const { request } = await import('node:http');
    const requestImpl = vi.fn(request);
    const result = await downloadToFile({ url: server.url('/x'), destinationPath: dest, requestImpl });
    expect(result.bytes).toBe(3);
    expect(requestImpl).toHaveBeenCalledTimes(1);
    expect(await readFile(dest, 'utf8')).toBe('abc');
  });
});
