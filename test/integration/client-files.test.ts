/**
 * Files through the core client and the signed-URL transfers: the odd names round-trip through
 * list, upload and download, and a 200 MiB download arrives intact (sha256 on both sides, streamed);
 * once per panel release the sim imitates (SIM_VERSION narrows it to one).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PanelClient } from '../../src/core/api/client';
import { downloadToFile, uploadFromFile } from '../../src/core/transfer';
import type { SimPanel } from '../../src/sim/types';
import { sha256File } from '../helpers/hash';
import { contentFor, ODD_NAMES } from '../helpers/odd-names';
import { clientFor, serverId, startTestSim } from '../helpers/sim';
import { simVersions } from '../helpers/sim-versions';

describe.each(simVersions())('files on %s', (version) => {
  let sim: SimPanel;
  let client: PanelClient;
  let id: string;
  let workDir: string;

  beforeAll(async () => {
    sim = await startTestSim({ version, servers: 2, seed: 9 });
    client = clientFor(sim);
    id = serverId(sim, 0);
    workDir = await mkdtemp(join(tmpdir(), 'pterotray-client-files-'));
  });

  afterAll(async () => {
    client?.dispose();
    await sim?.close();
    if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
  });

  describe('odd file names', () => {
    it.each(ODD_NAMES)('%s: write, list, read, download, upload', async (name) => {
      const files = sim.control.files(id);
      const dir = '/odd names';
      const path = `${dir}/${name}`;
      await client.writeFile(id, path, contentFor(name));
      expect(files.readText(path)).toBe(contentFor(name));
      expect((await client.listFiles(id, dir)).map((f) => f.name)).toContain(name);
      expect(await client.readFile(id, path)).toBe(contentFor(name));

      const local = join(workDir, `dl-${ODD_NAMES.indexOf(name)}`);
      await downloadToFile({ url: await client.getDownloadUrl(id, path), destinationPath: local });
      expect(await readFile(local, 'utf8')).toBe(contentFor(name));

      const uploadDir = '/uploaded';
      const source = join(workDir, `up-${ODD_NAMES.indexOf(name)}`);
      await writeFile(source, `uploaded ${contentFor(name)}`);
      await uploadFromFile({ url: await client.getUploadUrl(id), directory: uploadDir, filePath: source, fileName: name });
      expect(files.readText(`${uploadDir}/${name}`)).toBe(`uploaded ${contentFor(name)}`);
      expect((await client.listFiles(id, uploadDir)).map((f) => f.name)).toContain(name);
    });

    it('a signed download URL is single-use', async () => {
      const url = await client.getDownloadUrl(id, '/eula.txt');
      await downloadToFile({ url, destinationPath: join(workDir, 'once') });
      await expect(downloadToFile({ url, destinationPath: join(workDir, 'twice') })).rejects.toMatchObject({ name: 'PanelError' });
    });
  });

  describe('large files', () => {
    it('downloads 200 MiB intact (sha256 streamed on both sides)', async () => {
      const files = sim.control.files(id);
      files.createLarge('/big/world.bin', 200 * 1024 * 1024, { seed: 5 });
      const local = join(workDir, 'world.bin');
      let lastProgress = 0;
      const result = await downloadToFile({
        url: await client.getDownloadUrl(id, '/big/world.bin'),
        destinationPath: local,
        onProgress: (bytes) => (lastProgress = bytes),
      });
      expect(result.bytes).toBe(200 * 1024 * 1024);
      expect(lastProgress).toBe(200 * 1024 * 1024);
      const [remote, downloaded] = await Promise.all([files.sha256('/big/world.bin'), sha256File(local)]);
      expect(downloaded).toBe(remote);
      await rm(local);
    });
  });
});
