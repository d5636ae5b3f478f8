import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HUGE_LOG_PATH, ODD_FILE_NAMES, startSimPanel } from '../../../src/sim';
import type { SimPanel } from '../../../src/sim';
import { api, getJson, postJson, json } from './sim-test-kit';

describe('files routes', () => {
  let sim: SimPanel;
  let base: string;
  let id: string;
  beforeAll(async () => {
    sim = await startSimPanel({ servers: 1000, bigFolderEntries: 10_000 });
    id = sim.control.servers()[0]!.identifier;
    base = `/api/client/servers/${id}/files`;
  });
  afterAll(() => sim.close());

  const names = async (directory: string): Promise<string[]> =>
    (await getJson(sim, `${base}/list?directory=${encodeURIComponent(directory)}`)).body.data.map((d: { attributes: { name: string } }) => d.attributes.name);

  test('list: file_object items, directories first, odd names present', async () => {
    const { body } = await getJson(sim, `${base}/list?directory=/`);
    const entries = body.data.map((d: { object: string; attributes: Record<string, unknown> }) => d);
    expect(entries[0].object).toBe('file_object');
    const kinds = entries.map((e: { attributes: { is_file: boolean } }) => e.attributes.is_file);
    expect(kinds.indexOf(true)).toBeGreaterThan(kinds.lastIndexOf(false));
    const properties = entries.find((e: { attributes: { name: string } }) => e.attributes.name === 'server.properties').attributes;
    expect(properties).toMatchObject({ mode: '-rw-r--r--', mode_bits: '644', is_symlink: false, mimetype: 'text/plain; charset=utf-8' });
    expect(properties.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(entries.find((e: { attributes: { name: string } }) => e.attributes.name === 'server.jar').attributes.mimetype).toBe('application/jar');
    const listed = entries.map((e: { attributes: { name: string } }) => e.attributes.name);
    for (const name of ODD_FILE_NAMES) expect(listed).toContain(name);
    expect((await getJson(sim, `${base}/list?directory=/nope`)).status).toBe(404);
  });

  test('the big folder lists 10,000 entries, through the API and through control.files', async () => {
    expect(await names('/big')).toHaveLength(10_000);
    expect(sim.control.files(sim.control.servers()[1]!.identifier).list('/big')).toHaveLength(10_000);
  });

  test('contents: raw text for odd names; 400 FileSizeTooLargeException above 4 MiB', async () => {
    for (const name of ODD_FILE_NAMES) {
      const response = await api(sim, `${base}/contents?file=${encodeURIComponent(`/${name}`)}`);
      expect(response.status, name).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain');
      expect(await response.text()).toBe(`This file is called "${name}".\n`);
    }
    const huge = await getJson(sim, `${base}/contents?file=${HUGE_LOG_PATH}`);
    expect(huge.status).toBe(400);
    expect(huge.body.errors[0].code).toBe('FileSizeTooLargeException');
  });

  test('write takes the raw text/plain body; create-folder; delete', async () => {
    const write = await api(sim, `${base}/write?file=${encodeURIComponent('/notes/a+b & c.txt')}`, {
      method: 'POST',
      body: '{"not":"json"} as text',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(write.status).toBe(204);
    expect(sim.control.files(id).readText('/notes/a+b & c.txt')).toBe('{"not":"json"} as text');
    expect((await postJson(sim, `${base}/create-folder`, { root: '/notes', name: 'deeper' })).status).toBe(204);
    expect(await names('/notes')).toEqual(['deeper', 'a+b & c.txt']);
    expect((await postJson(sim, `${base}/delete`, { root: '/', files: ['notes'] })).status).toBe(204);
    expect(sim.control.files(id).exists('/notes')).toBe(false);
  });

  test('rename moves with ../, refuses an existing target, ignores a missing source', async () => {
    const files = sim.control.files(id);
    files.write('/plugins/move-me.txt', 'x');
    const moved = await postJson(sim, `${base}/rename`, { root: '/plugins', files: [{ from: 'move-me.txt', to: '../moved.txt' }] }, 'PUT');
    expect(moved.status).toBe(204);
    expect(files.exists('/moved.txt')).toBe(true);
    expect(files.exists('/plugins/move-me.txt')).toBe(false);
    const clash = await postJson(sim, `${base}/rename`, { root: '/', files: [{ from: 'moved.txt', to: 'eula.txt' }] }, 'PUT');
    expect(clash.status).toBe(400);
    expect((await json(clash)).errors[0].detail).toContain('destination already exists');
    expect((await postJson(sim, `${base}/rename`, { root: '/', files: [{ from: 'ghost', to: 'x' }] }, 'PUT')).status).toBe(204);
    const escape = await postJson(sim, `${base}/rename`, { root: '/', files: [{ from: 'moved.txt', to: '../../x' }] }, 'PUT');
    expect(escape.status).toBe(400);
  });

  test('copy uses Wings naming: "a copy.txt", then "a copy 1.txt"', async () => {
    await postJson(sim, `${base}/copy`, { location: '/eula.txt' });
    await postJson(sim, `${base}/copy`, { location: '/eula.txt' });
    const listed = await names('/');
    expect(listed).toContain('eula copy.txt');
    expect(listed).toContain('eula copy 1.txt');
    expect(sim.control.files(id).readText('/eula copy 1.txt')).toBe('eula=true\n');
  });

  test('compress returns the archive file_object; decompress restores the contents', async () => {
    const files = sim.control.files(id);
    const compress = await postJson(sim, `${base}/compress`, { root: '/', files: ['config', ODD_FILE_NAMES[1]] });
    expect(compress.status).toBe(200);
    const archive = (await json(compress)) as { object: string; attributes: { name: string; size: number; mimetype: string } };
    expect(archive.object).toBe('file_object');
    expect(archive.attributes.name).toMatch(/^archive-.*\.tar$/);
    expect(archive.attributes.mimetype).toBe('application/x-tar');
    expect(files.stat(`/${archive.attributes.name}`)!.sizeBytes).toBe(archive.attributes.size);
    const original = files.readText('/config/settings.json');
    await postJson(sim, `${base}/delete`, { root: '/', files: ['config', ODD_FILE_NAMES[1]] });
    await postJson(sim, `${base}/create-folder`, { root: '/', name: 'restore' });
    expect((await postJson(sim, `${base}/decompress`, { root: '/restore', file: archive.attributes.name })).status).toBe(404);
    expect((await postJson(sim, `${base}/decompress`, { root: '/', file: archive.attributes.name })).status).toBe(204);
    expect(files.readText('/config/settings.json')).toBe(original);
    expect(files.readText(`/${ODD_FILE_NAMES[1]}`)).toContain(ODD_FILE_NAMES[1]);
    // The archive bytes are a real tar: copied as plain bytes, it still decompresses.
    files.write('/restore/plain.tar', files.read(`/${archive.attributes.name}`));
    expect((await postJson(sim, `${base}/decompress`, { root: '/restore', file: 'plain.tar' })).status).toBe(204);
    expect(files.readText('/restore/config/settings.json')).toBe(original);
  });

  test('chmod takes a mode string; a number is refused', async () => {
    expect((await postJson(sim, `${base}/chmod`, { root: '/', files: [{ file: 'start.sh', mode: '700' }] })).status).toBe(204);
    expect(sim.control.files(id).stat('/start.sh')!.modeBits).toBe('700');
    const numeric = await postJson(sim, `${base}/chmod`, { root: '/', files: [{ file: 'start.sh', mode: 755 }] });
    expect(numeric.status).toBe(400);
  });

  test('pull is a 204 and validates the url', async () => {
    expect((await postJson(sim, `${base}/pull`, { url: 'https://example.com/plugin.jar', directory: '/plugins' })).status).toBe(204);
    expect(sim.control.files(id).exists('/plugins/plugin.jar')).toBe(true);
    const invalid = await postJson(sim, `${base}/pull`, { url: 'not a url' });
    expect(invalid.status).toBe(422);
    expect((await json(invalid)).errors[0].meta).toEqual({ source_field: 'url', rule: 'url' });
  });
});
