/** The Backups tab's handlers: rename offered where the panel shows it, retention saved and listed, the download's dialog. */
import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../../../src/core/api/client-types';
import type { Backup } from '../../../../src/core/api/models';
import { backupFileName, backupsHandlers } from '../../../../src/main/ipc/handlers/backups';
import type { HandlerPorts } from '../../../../src/main/ipc/handlers/ports';
import type { Settings } from '../../../../src/shared/types';

const ref = { accountId: 'acc-1', identifier: 'abcd1234' };

function backup(uuid: string, day: number, patch: Partial<Backup> = {}): Backup {
  const at = `2026-12-0${day}T10:00:00+00:00`;
  return {
    uuid,
    name: uuid,
    isSuccessful: true,
    isLocked: false,
    isScheduled: null,
    ignoredFiles: [],
    checksum: `sha1:${'a'.repeat(40)}`,
    bytes: 1,
    createdAt: at,
    completedAt: at,
    ...patch,
  };
}

function setup(backups: Backup[], save: string | null = '/tmp/b.tar.gz') {
  let settings = { backupRetention: {} } as Settings;
  const calls: string[] = [];
  const client = {
    listBackupsWithCount: async () => ({ backups, backupCount: backups.length }),
    listBackups: async () => backups,
    getServer: async () => ({ featureLimits: { backups: 5, databases: 0, allocations: 0 } }),
    getBackup: async (_s: string, uuid: string) => backups.find((b) => b.uuid === uuid)!,
  } as unknown as ClientApi;
  const ports = {
    client: async () => client,
    settings: { settings: () => settings, update: (patch: Partial<Settings>) => (settings = { ...settings, ...patch }) },
    dialogs: { chooseSavePath: async (name: string) => (calls.push(`save:${name}`), save) },
    backups: {
      download: (_r: unknown, b: { uuid: string; checksum: string | null }, to: string) => (calls.push(`download:${b.uuid}:${b.checksum}:${to}`), 't-1'),
    },
  } as unknown as HandlerPorts;
  return { handlers: backupsHandlers(ports), calls, settings: () => settings };
}

describe('backup handlers', () => {
  it('lists with the limit; rename is offered only when the panel sends is_scheduled (Pelican)', async () => {
    const ptero = await setup([backup('a', 1)]).handlers['backups:list'](ref);
    expect(ptero).toMatchObject({ limit: 5, backupCount: 1, canRename: false, keepNewest: null });
    expect((await setup([backup('a', 1, { isScheduled: false })]).handlers['backups:list'](ref)).canRename).toBe(true);
  });

  it('saves "keep the newest N" per server and lists what it would delete, deleting nothing', async () => {
    const s = setup([backup('a', 1), backup('b', 2, { isLocked: true }), backup('c', 3), backup('d', 4)]);
    expect(await s.handlers['backups:retention-candidates'](ref)).toEqual([]);
    await s.handlers['backups:set-retention']({ server: ref, keepNewest: 1 });
    expect(s.settings().backupRetention).toEqual({ 'acc-1/abcd1234': 1 });
    expect((await s.handlers['backups:retention-candidates'](ref)).map((b) => b.uuid)).toEqual(['a', 'c']);
    expect((await s.handlers['backups:list'](ref)).keepNewest).toBe(1);
    await s.handlers['backups:set-retention']({ server: ref, keepNewest: null });
    expect(s.settings().backupRetention).toEqual({});
  });

  it('asks where to save under the backup’s name, and downloads only once a place was chosen', async () => {
    const cancelled = setup([backup('Backup at 2026-12-03 19:00:00', 3)], null);
    expect(await cancelled.handlers['backups:download']({ server: ref, uuid: 'Backup at 2026-12-03 19:00:00' })).toBeNull();
    expect(cancelled.calls).toEqual(['save:Backup at 2026-12-03 19-00-00.tar.gz']);
    const chosen = setup([backup('u1', 1)]);
    expect(await chosen.handlers['backups:download']({ server: ref, uuid: 'u1' })).toEqual({ transferId: 't-1' });
    expect(chosen.calls).toEqual(['save:u1.tar.gz', `download:u1:sha1:${'a'.repeat(40)}:/tmp/b.tar.gz`]);
  });

  it('makes a safe file name of any backup name', () => {
    expect(backupFileName('a/b\\c:d*e?"f<g>h|i')).toBe('a-b-c-d-e-f-g-h-i.tar.gz');
    expect(backupFileName('..')).toBe('backup.tar.gz');
    expect(backupFileName('x\u0000\u001b[2Jy')).toBe('x-[2Jy.tar.gz');
  });
});
