/**
 * PanelClient's backup calls against the sim (both panel kinds) and, for the transport rule, a
 * fake adapter: the panel's words kept, the throttle as `rate-limited` with when, rename not
 * offered on Pterodactyl said as such.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PanelClient } from '../../../../src/core/api/client';
import { PanelError } from '../../../../src/core/api/errors';
import { startSimPanel, type SimPanel, type SimPanelVersion } from '../../../../src/sim';
import { fakeAdapter } from './helpers/fake-adapter';

const clients: PanelClient[] = [];
let sim: SimPanel | null = null;

afterEach(async () => {
  for (const c of clients.splice(0)) c.dispose();
  await sim?.close();
  sim = null;
});

async function onSim(version: SimPanelVersion): Promise<{ c: PanelClient; id: string; panel: SimPanel }> {
  // A tick long enough that "restoring" outlasts the next request even on a loaded machine.
  sim = await startSimPanel({ version, servers: 1, tickMs: 250 });
  const c = new PanelClient({ url: sim.url, apiKey: sim.apiKey });
  clients.push(c);
  return { c, id: sim.control.servers()[0]!.identifier, panel: sim };
}

async function caught(p: Promise<unknown>): Promise<PanelError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PanelError) return err;
    throw err;
  }
  throw new Error('expected a PanelError');
}

/** Polls the panel's record until Wings has reported the backup (completed_at set). */
async function completed(c: PanelClient, id: string, uuid: string) {
  for (;;) {
    const backup = await c.getBackup(id, uuid);
    if (backup.completedAt !== null) return backup;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe.each(['pterodactyl-1.11', 'pterodactyl-1.12', 'pelican'] as const)('backups on %s', (version) => {
  it('lists with the panel’s backup_count, creates, locks, refuses a locked delete in the panel’s words, deletes', async () => {
    const { c, id } = await onSim(version);
    const before = await c.listBackupsWithCount(id);
    expect(before.backupCount).toBe(before.backups.length);
    const created = await c.createBackup(id, { name: 'weekly', ignored: 'logs/*\n*.tmp', isLocked: true });
    expect(created).toMatchObject({ name: 'weekly', isLocked: true, ignoredFiles: ['logs/*', '*.tmp'] });
    const done = await completed(c, id, created.uuid);
    expect(done.checksum).toMatch(/^sha1:[0-9a-f]{40}$/);
    expect(done.isScheduled).toBe(version === 'pelican' ? false : null);
    const refused = await caught(c.deleteBackup(id, created.uuid));
    expect(refused).toMatchObject({ status: 400, code: 'BackupLockedException', message: 'Cannot delete a backup that is marked as locked.' });
    expect((await c.toggleBackupLock(id, created.uuid)).isLocked).toBe(false);
    await c.deleteBackup(id, created.uuid);
    expect((await caught(c.getBackup(id, created.uuid))).kind).toBe('not-found');
    expect((await c.listBackupsWithCount(id)).backups.map((b) => b.uuid)).not.toContain(created.uuid);
  });

  it('renames on Pelican; on Pterodactyl says the panel does not offer it', async () => {
    const { c, id } = await onSim(version);
    const created = await c.createBackup(id, {});
    await completed(c, id, created.uuid);
    if (version === 'pelican') {
      expect((await c.renameBackup(id, created.uuid, '  before the update ')).name).toBe('before the update');
    } else {
      const err = await caught(c.renameBackup(id, created.uuid, 'x'));
      expect(err).toMatchObject({ kind: 'not-found', code: 'RenameNotOffered' });
      expect(err.message).toMatch(/does not offer renaming backups/);
    }
    // A backup that does not exist stays a plain not-found on either.
    const missing = await caught(c.renameBackup(id, '00000000-0000-4000-8000-000000000000', 'x'));
    expect(missing.kind).toBe('not-found');
    expect(missing.code).not.toBe('RenameNotOffered');
  });

  it('restore needs the truncate choice; the server is restoring, and a second restore is refused', async () => {
    const { c, id, panel } = await onSim(version);
    const created = await c.createBackup(id, {});
    await completed(c, id, created.uuid);
    // @ts-expect-error -- the panel requires truncate; a caller without it is refused before sending
    await expect(caught(c.restoreBackup(id, created.uuid, {}))).resolves.toMatchObject({ kind: 'validation' });
    await c.restoreBackup(id, created.uuid, { truncate: true });
    expect(panel.control.servers()[0]!.status).toBe('restoring_backup');
    const busy = await caught(c.restoreBackup(id, created.uuid, { truncate: false }));
    expect(busy).toMatchObject({ kind: 'conflict', conflictReason: 'restoring' });
  });

  it('a throttle the panel counted for another client comes back rate-limited with when', async () => {
    const { c, id, panel } = await onSim(version);
    const other = new PanelClient({ url: panel.url, apiKey: panel.apiKey });
    clients.push(other);
    await other.createBackup(id, {});
    await other.createBackup(id, {});
    const err = await caught(c.createBackup(id, {}));
    expect(err.kind).toBe('rate-limited');
    expect(err.retryAfterMs).toBeGreaterThan(590_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(600_000);
  });

  it('the signed download URL is Wings’ /download/backup', async () => {
    const { c, id, panel } = await onSim(version);
    const created = await c.createBackup(id, {});
    await completed(c, id, created.uuid);
    expect((await c.getBackupDownloadUrl(id, created.uuid)).startsWith(`${panel.wingsUrl}/download/backup?token=`)).toBe(true);
  });
});

describe('getBackupDownloadUrl transport', () => {
  it('refuses a plain-http link off this machine from an https panel, without echoing it', async () => {
    const { adapter } = fakeAdapter(() => ({
      body: { object: 'signed_url', attributes: { url: 'http://node.example.com:8080/download/backup?token=SECRET' } },
    }));
    const c = new PanelClient({ url: 'https://panel.example.com', apiKey: 'ptlc_testtesttest' }, { adapter });
    clients.push(c);
    const err = await caught(c.getBackupDownloadUrl('aaaa1111', '5b3b2b63-0000-4000-8000-000000000001'));
    expect(err.kind).toBe('insecure-transport');
    expect(err.message).not.toContain('SECRET');
  });

  it('refuses a uuid that could change the route', async () => {
    const { adapter, calls } = fakeAdapter(() => ({ body: {} }));
    const c = new PanelClient({ url: 'https://panel.example.com', apiKey: 'ptlc_testtesttest' }, { adapter });
    clients.push(c);
    expect((await caught(c.deleteBackup('aaaa1111', '../files'))).kind).toBe('validation');
    expect(calls).toHaveLength(0);
  });
});
