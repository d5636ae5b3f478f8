/**
 * `pterotray backups ls|create|download|restore|rm` as a child process against every panel kind:
 * create --wait prints the uuid and checksum; download writes a file whose sha1 is the panel's
 * checksum and prints its sha256; a failed backup, a locked delete, a restore without --yes off a
 * terminal and the panel's throttle each end non-zero with a line that says why.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimPanel, SimPanelOptions } from '../../src/sim/types';
import { assertCliBuilt } from '../helpers/cli-process';
import { runAgainst } from '../helpers/cli-sim';
import { startTestSim } from '../helpers/sim';

const CASES: ReadonlyArray<{ label: string; options: SimPanelOptions }> = [
  { label: 'pterodactyl-1.11', options: { version: 'pterodactyl-1.11' } },
  { label: 'pterodactyl-1.12', options: { version: 'pterodactyl-1.12' } },
  { label: 'pelican', options: { version: 'pelican' } },
];

describe.each(CASES)('pterotray backups against $label', ({ label, options }) => {
  let sim: SimPanel;
  let dir: string;

  beforeAll(async () => {
    assertCliBuilt();
    sim = await startTestSim({ servers: 3, seed: 7, ...options });
    dir = await mkdtemp(join(tmpdir(), 'pterotray-backups-'));
  });

  afterAll(async () => {
    await sim?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const id = (index = 0) => sim.control.servers()[index]!.identifier;

  it('create --wait, ls, download (verified), rm', async () => {
    const created = await runAgainst(sim, ['backups', 'create', id(), '--name', 'ci run', '--ignore', 'logs/*', '--ignore', '*.tmp', '--wait']);
    expect(created.stderr).toContain('Backing up');
    expect(created.code).toBe(0);
    const [uuid, checksum] = created.stdout.trim().split(' ');
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(checksum).toMatch(/^sha1:[0-9a-f]{40}$/);

    const listed = await runAgainst(sim, ['backups', 'ls', id(), '--json']);
    expect(listed.code).toBe(0);
    const mine = (JSON.parse(listed.stdout) as Array<Record<string, unknown>>).find((b) => b.uuid === uuid)!;
    expect(mine).toMatchObject({
      name: 'ci run',
      is_successful: true,
      ignored_files: ['logs/*', '*.tmp'],
      checksum,
      is_scheduled: label === 'pelican' ? false : null,
    });
    const table = await runAgainst(sim, ['backups', 'ls', id()]);
    expect(table.stdout).toMatch(/UUID\s+NAME\s+STATE/);
    expect(table.stderr).toMatch(/^\d+ of 5 backups used\.$/m);

    const output = join(dir, `${label}.tar.gz`);
    const downloaded = await runAgainst(sim, ['backups', 'download', id(), uuid!, '-o', output]);
    expect(downloaded.code).toBe(0);
    const bytes = await readFile(output);
    expect(`sha1:${createHash('sha1').update(bytes).digest('hex')}`).toBe(checksum);
    expect(downloaded.stdout.trim()).toBe(`${createHash('sha256').update(bytes).digest('hex')}  ${output}`);
    expect(downloaded.stderr).toContain("sha1 matches the panel's checksum");

    const refused = await runAgainst(sim, ['backups', 'rm', id(), uuid!]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('stdin is not a terminal. Pass --yes');
    const removed = await runAgainst(sim, ['backups', 'rm', id(), uuid!, '--yes']);
    expect([removed.code, removed.stderr.trim()]).toEqual([0, 'Deleted the backup "ci run".']);
    const gone = await runAgainst(sim, ['backups', 'ls', id(), '--json']);
    expect((JSON.parse(gone.stdout) as Array<{ uuid: string }>).map((b) => b.uuid)).not.toContain(uuid);
  });

  it('a locked backup is not deleted; a failed one exits 1 with --wait', async () => {
    const locked = await runAgainst(sim, ['backups', 'create', id(1), '--locked', '--wait', '--json']);
    expect(locked.code).toBe(0);
    const backup = JSON.parse(locked.stdout) as { uuid: string; is_locked: boolean };
    expect(backup.is_locked).toBe(true);
    const refused = await runAgainst(sim, ['backups', 'rm', id(1), backup.uuid, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is locked: unlock it first/);

    sim.control.failBackups(id(1), true);
    const failed = await runAgainst(sim, ['backups', 'create', id(1), '--wait']);
    sim.control.failBackups(id(1), false);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/failed on the node/);
  });

  it('restore: refused without --yes off a terminal; with it the server restores; a busy server is refused', async () => {
    const made = await runAgainst(sim, ['backups', 'create', id(2), '--wait']);
    const [uuid] = made.stdout.trim().split(' ');
    const noYes = await runAgainst(sim, ['backups', 'restore', id(2), uuid!]);
    expect(noYes.code).toBe(2);
    expect(sim.control.servers()[2]!.status).toBe(null);
    sim.control.setStatus(id(2), 'installing');
    const busy = await runAgainst(sim, ['backups', 'restore', id(2), uuid!, '--yes']);
    sim.control.setStatus(id(2), null);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/install/i);
    const restored = await runAgainst(sim, ['backups', 'restore', id(2), uuid!, '--truncate', '--yes']);
    expect(restored.code).toBe(0);
    expect(restored.stderr).toContain('Restoring');
    const log = sim.control.requestLog().filter((e) => e.method === 'POST' && /\/restore$/.test(e.path));
    expect(log.at(-1)?.status).toBe(204);
  });

  it('the throttle (2 per 10 minutes per server) comes back with when the next is possible', async () => {
    // Server 0 made one backup in the first test; one more fills the window.
    expect((await runAgainst(sim, ['backups', 'create', id()])).code).toBe(0);
    const third = await runAgainst(sim, ['backups', 'create', id()]);
    expect(third.code).toBe(1);
    expect(third.stderr).toMatch(/2 backups per 10 minutes|try again in \d+ min/);
  });
});
