import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PanelError } from '../../../../src/core/api/errors';
import { uploadFromFile, uploadFromStream } from '../../../../src/core/transfer';
import { LocalServer, SECRET_TOKEN, readBody } from './helpers/local-server';
import { fallbackNameOf, fileNameOf, parseMultipart } from './helpers/multipart-parser';

const MiB = 1024 * 1024;

interface Received {
  query: URLSearchParams;
  contentLength: string | undefined;
  transferEncoding: string | undefined;
  bodyLength: number;
  parts: ReturnType<typeof parseMultipart>;
}

let server: LocalServer;
let dir: string;
let received: Received[];

/** Wings' upload endpoint, reduced: parse the multipart body, answer 200 with no body. */
function acceptUploads(): void {
  server.handler = (req, res) => {
    void readBody(req).then((body) => {
      received.push({
        query: new URL(req.url ?? '/', 'http://x').searchParams,
        contentLength: req.headers['content-length'],
        transferEncoding: req.headers['transfer-encoding'],
        bodyLength: body.length,
        parts: parseMultipart(body, req.headers['content-type'] ?? ''),
      });
      res.writeHead(200).end();
    });
  };
}

beforeEach(async () => {
  server = await LocalServer.start();
  dir = await mkdtemp(join(tmpdir(), 'pterotray-ul-'));
  received = [];
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

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('uploadFromFile', () => {
  it.each(['plain.txt', 'he said "hi".txt', 'ünïcødé 文件 🎮.txt', 'a#b%c?d&e+f g.txt', '-leading-dash.jar', "it's (1) [final];x=y.txt", 'back\\slash.txt'])(
    'sends %j as one `files` part that round-trips',
    async (name) => {
      acceptUploads();
      const content = randomBytes(100_000);
      const filePath = join(dir, name);
      await writeFile(filePath, content);
      const result = await uploadFromFile({ url: server.url('/upload/file'), directory: '/plugins/My Dir', filePath });
      expect(result).toEqual({ fileName: name, bytes: content.length });
      const [got] = received;
      expect(got?.query.get('token')).toBe(SECRET_TOKEN);
      expect(got?.query.get('directory')).toBe('/plugins/My Dir');
      expect(Number(got?.contentLength)).toBe(got?.bodyLength);
      expect(got?.parts).toHaveLength(1);
      const disposition = got?.parts[0]?.headers['content-disposition'] ?? '';
      expect(disposition).toMatch(/^form-data; name="files"; /);
      expect(fileNameOf(disposition)).toBe(name);
      expect(fallbackNameOf(disposition)).toMatch(/^[\x20-\x7e]+$/);
      expect(sha(got?.parts[0]?.data ?? Buffer.alloc(0))).toBe(sha(content));
    },
  );

  it('uses fileName over the local name', async () => {
    acceptUploads();
    const filePath = join(dir, 'local.bin');
    await writeFile(filePath, 'x');
    await uploadFromFile({ url: server.url('/upload/file'), directory: '/', filePath, fileName: 'remote name.bin' });
    expect(fileNameOf(received[0]?.parts[0]?.headers['content-disposition'] ?? '')).toBe('remote name.bin');
  });

  it('reports progress up to the file size', async () => {
    acceptUploads();
    const content = randomBytes(5 * MiB);
    const filePath = join(dir, 'big.bin');
    await writeFile(filePath, content);
    const seen: [number, number | null][] = [];
    await uploadFromFile({
      url: server.url('/upload/file'),
      directory: '/',
      filePath,
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every(([, total]) => total === content.length)).toBe(true);
    expect(seen.every(([done], i) => i === 0 || done > (seen[i - 1]?.[0] ?? 0))).toBe(true);
    expect(seen.at(-1)).toEqual([content.length, content.length]);
  });

  it('cancels mid-upload on abort', async () => {
    let serverSawAbort: Promise<void> = Promise.resolve();
    server.handler = (req) => {
      serverSawAbort = new Promise((resolve) => req.once('close', resolve));
      req.resume(); // never answers: only the abort can end this
    };
    const filePath = join(dir, 'big.bin');
    await writeFile(filePath, randomBytes(20 * MiB));
    const controller = new AbortController();
    const err = await failure(
      uploadFromFile({
        url: server.url('/upload/file'),
        directory: '/',
        filePath,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    );
    expect(err.kind).toBe('cancelled');
    await serverSawAbort;
  });

  it.each<[number, object, string]>([
    [400, { error: 'File big.bin is larger than the maximum file upload size of 100 MB.' }, 'too-large'],
    [404, { error: 'The requested resource was not found on this server.' }, 'not-found'],
    [403, { error: 'The provided token is invalid.' }, 'forbidden'],
    [400, { error: 'not enough disk space' }, 'validation'],
    [504, { errors: [{ detail: 'gateway' }] }, 'node-unreachable'],
  ])('maps HTTP %i %j to %s', async (status, body, kind) => {
    server.handler = (req, res) => {
      req.resume();
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    const filePath = join(dir, 'f.bin');
    await writeFile(filePath, 'x');
    const err = await failure(uploadFromFile({ url: server.url('/upload/file'), directory: '/', filePath }));
    expect(err.kind).toBe(kind);
    expect(err.status).toBe(status);
    expect(err.message).not.toContain(SECRET_TOKEN);
  });

  it('refuses folders, missing files and names with a slash, before any request', async () => {
    await mkdir(join(dir, 'folder'));
    const url = server.url('/upload/file');
    expect((await failure(uploadFromFile({ url, directory: '/', filePath: join(dir, 'folder') }))).kind).toBe('local-file');
    expect((await failure(uploadFromFile({ url, directory: '/', filePath: join(dir, 'nope') }))).kind).toBe('local-file');
    await writeFile(join(dir, 'ok'), 'x');
    const bad = uploadFromFile({ url, directory: '/', filePath: join(dir, 'ok'), fileName: '../etc/passwd' });
    expect((await failure(bad)).kind).toBe('validation');
    expect(server.requests).toHaveLength(0);
  });
});

describe('uploadFromStream', () => {
  it('sends chunked when the size is unknown', async () => {
    acceptUploads();
    const chunks = [Buffer.from('hello '), Buffer.from('world')];
    const result = await uploadFromStream({
      url: server.url('/upload/file'),
      directory: '/',
      source: Readable.from(chunks),
      fileName: 'greeting.txt',
    });
    expect(result).toEqual({ fileName: 'greeting.txt', bytes: 11 });
    expect(received[0]?.transferEncoding).toBe('chunked');
    expect(received[0]?.contentLength).toBeUndefined();
    expect(received[0]?.parts[0]?.data.toString()).toBe('hello world');
  });

  it('fails as local-file when the stream yields a different size than promised', async () => {
    server.handler = (req) => req.resume();
    const err = await failure(
      uploadFromStream({
        url: server.url('/upload/file'),
        directory: '/',
        source: Readable.from([Buffer.from('short')]),
        fileName: 'x.txt',
        sizeBytes: 100,
      }),
    );
    expect(err.kind).toBe('local-file');
  });
});
