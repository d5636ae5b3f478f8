import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ODD_FILE_NAMES, startSimPanel } from '../../../src/sim';
import type { SimPanel } from '../../../src/sim';
import { getJson, json } from './sim-test-kit';

const MIB = 1024 * 1024;

async function sha256Of(response: Response): Promise<{ hash: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { hash: hash.digest('hex'), bytes };
}

describe('signed downloads and uploads', () => {
  let sim: SimPanel;
  let id: string;
  beforeAll(async () => {
    sim = await startSimPanel({ servers: 1, uploadLimitBytes: 16 * MIB, uploadSpillBytes: MIB });
    id = sim.control.servers()[0]!.identifier;
  });
  afterAll(() => sim.close());

  const downloadUrl = async (file: string): Promise<string> =>
    (await getJson(sim, `/api/client/servers/${id}/files/download?file=${encodeURIComponent(file)}`)).body.attributes.url;
  const uploadUrl = async (): Promise<string> => (await getJson(sim, `/api/client/servers/${id}/files/upload`)).body.attributes.url;

  test('a download URL points at Wings, streams an attachment once, then 404s', async () => {
    const url = await downloadUrl('/server.properties');
    expect(url.startsWith(`${sim.wingsUrl}/download/file?token=`)).toBe(true);
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="server.properties"');
    expect(first.headers.get('content-length')).toBe(String(sim.control.files(id).stat('/server.properties')!.sizeBytes));
    expect(await first.text()).toBe(sim.control.files(id).readText('/server.properties'));
    const reuse = await fetch(url);
    expect(reuse.status).toBe(404);
    expect(await json(reuse)).toHaveProperty('error');
    expect((await fetch(url.replace(/token=.*/, 'token=forged'))).status).toBe(403);
  });

  test('a 32 MiB generated file downloads with the sha256 the sim reports', async () => {
    const files = sim.control.files(id);
    files.createLarge('/world.bin', 32 * MIB);
    const expected = await files.sha256('/world.bin');
    const response = await fetch(await downloadUrl('/world.bin'));
    expect(response.headers.get('content-length')).toBe(String(32 * MIB));
    expect(await sha256Of(response)).toEqual({ hash: expected, bytes: 32 * MIB });
  });

  test('multipart upload round-trips every odd file name, into &directory=', async () => {
    const form = new FormData();
    for (const name of ODD_FILE_NAMES) form.append('files', new Blob([`uploaded ${name}`]), name);
    form.append('other', 'ignored');
    const response = await fetch(`${await uploadUrl()}&directory=${encodeURIComponent('/up loads/ü')}`, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const files = sim.control.files(id);
    for (const name of ODD_FILE_NAMES) expect(files.readText(`/up loads/ü/${name}`)).toBe(`uploaded ${name}`);
    const listed = (await getJson(sim, `/api/client/servers/${id}/files/list?directory=${encodeURIComponent('/up loads/ü')}`)).body.data;
    expect(listed.map((d: { attributes: { name: string } }) => d.attributes.name).sort()).toEqual([...ODD_FILE_NAMES].sort());
  });

  test('an upload URL is single use', async () => {
    const url = await uploadUrl();
    const form = (): FormData => {
      const f = new FormData();
      f.append('files', new Blob(['x']), 'once.txt');
      return f;
    };
    expect((await fetch(url, { method: 'POST', body: form() })).status).toBe(200);
    expect((await fetch(url, { method: 'POST', body: form() })).status).toBe(404);
  });

  test('a large upload spills to disk and downloads back byte for byte', async () => {
    const payload = Buffer.alloc(12 * MIB);
    for (let i = 0; i < payload.length; i += 4096) payload.writeUInt32LE(i, i);
    const form = new FormData();
    form.append('files', new Blob([payload]), 'big upload.bin');
    expect((await fetch(await uploadUrl(), { method: 'POST', body: form })).status).toBe(200);
    const expected = createHash('sha256').update(payload).digest('hex');
    expect(await sim.control.files(id).sha256('/big upload.bin')).toBe(expected);
    expect(await sha256Of(await fetch(await downloadUrl('/big upload.bin')))).toEqual({ hash: expected, bytes: payload.length });
  });

  test('a file over the upload limit is refused with a Wings error and nothing is written', async () => {
    const form = new FormData();
    form.append('files', new Blob(['small']), 'small.txt');
    form.append('files', new Blob([Buffer.alloc(17 * MIB)]), 'huge.bin');
    const response = await fetch(await uploadUrl(), { method: 'POST', body: form });
    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatch(/huge\.bin is larger than the maximum file upload size of 16 MB/);
    expect(sim.control.files(id).exists('/small.txt')).toBe(false);
  });
});
