/**
 * `pterotray files …` as a child process, with the odd names (spaces, unicode, `#`, `%`, `?`,
 * `&`, `+`, a leading dash after `--`) through write, ls, cat, get, put, mv, mkdir and rm.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimPanel } from '../../src/sim/types';
import { mapWithConcurrency } from '../../src/cli/concurrency';
import { assertCliBuilt } from '../helpers/cli-process';
import { runAgainst } from '../helpers/cli-sim';
import { contentFor, ODD_NAMES } from '../helpers/odd-names';
import { serverId, startTestSim } from '../helpers/sim';

let sim: SimPanel;

/** Child processes at once: each name is independent, and starting Node is most of the time. */
const PARALLEL = 3;

function eachName(fn: (name: string) => Promise<void>): Promise<void[]> {
  return mapWithConcurrency(ODD_NAMES, PARALLEL, fn);
}
let id: string;
let workDir: string;

beforeAll(async () => {
  assertCliBuilt();
  sim = await startTestSim({ servers: 2, seed: 11 });
  id = serverId(sim, 0);
  workDir = await mkdtemp(join(tmpdir(), 'pterotray-cli-files-'));
});

afterAll(async () => {
  await sim?.close();
  if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
});

describe('files with odd names', () => {
  it('write (stdin) then cat, at the root, every name', async () => {
    await eachName(async (name) => {
      const written = await runAgainst(sim, ['files', 'write', id, '--', name], { stdin: contentFor(name) });
      expect(written.code, written.stderr).toBe(0);
      expect(sim.control.files(id).readText(`/${name}`)).toBe(contentFor(name));
      const cat = await runAgainst(sim, ['files', 'cat', id, '--', name]);
      expect(cat.stdout).toBe(contentFor(name));
    });
  });

  it('ls --json lists them with the API field names', async () => {
    const result = await runAgainst(sim, ['files', 'ls', id, '/', '--json']);
    expect(result.code).toBe(0);
    const entries = JSON.parse(result.stdout) as Array<{ name: string; size: number; is_file: boolean; mimetype: string }>;
    for (const name of ODD_NAMES) {
      expect(entries.find((e) => e.name === name)).toMatchObject({ is_file: true, size: Buffer.byteLength(contentFor(name)) });
    }
  });

  it('get downloads each through its signed URL', async () => {
    const downloads = join(workDir, 'downloads');
    await mkdir(downloads);
    await eachName(async (name) => {
      const result = await runAgainst(sim, ['files', 'get', id, '-o', downloads, '--', name]);
      expect(result.code, `${name}: ${result.stderr}`).toBe(0);
      expect(await readFile(join(downloads, name), 'utf8')).toBe(contentFor(name));
    });
  });

  it('put uploads local files with those names into a directory', async () => {
    const uploads = join(workDir, 'uploads');
    await mkdir(uploads);
    await eachName(async (name) => {
      await writeFile(join(uploads, name), `up ${contentFor(name)}`);
      const result = await runAgainst(sim, ['files', 'put', id, '--', join(uploads, name), '/up loads']);
      expect(result.code, result.stderr).toBe(0);
      expect(sim.control.files(id).readText(`/up loads/${name}`)).toBe(`up ${contentFor(name)}`);
    });
  });

  it('mkdir, mv into it, rm them all in one call', async () => {
    const files = sim.control.files(id);
    expect((await runAgainst(sim, ['files', 'mkdir', id, 'moved & kept'])).code).toBe(0);
    expect(files.stat('/moved & kept')?.isFile).toBe(false);
    await eachName(async (name) => {
      const result = await runAgainst(sim, ['files', 'mv', id, '--', name, 'moved & kept/']);
      expect(result.code, result.stderr).toBe(0);
      expect(files.exists(`/moved & kept/${name}`)).toBe(true);
      expect(files.exists(`/${name}`)).toBe(false);
    });
    const removed = await runAgainst(sim, ['files', 'rm', id, '--', ...ODD_NAMES.map((n) => `moved & kept/${n}`), 'up loads']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(files.list('/moved & kept')).toEqual([]);
    expect(files.exists('/up loads')).toBe(false);
  });

  it('cat of a missing file: exit 1, one line', async () => {
    const result = await runAgainst(sim, ['files', 'cat', id, 'no such file.txt']);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('put of a missing local file: exit 2', async () => {
    const result = await runAgainst(sim, ['files', 'put', id, join(workDir, 'absent.bin')]);
    expect(result.code).toBe(2);
  });
});
