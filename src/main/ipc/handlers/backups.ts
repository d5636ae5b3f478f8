/**
 * The backups channels (src/shared/ipc/backups.ts) as thin calls into the panel client and main's
 * services. Downloads go through the transfer manager (ports.backups), which checks the file
 * against the panel's checksum before it reports the transfer done. Retention only lists: the
 * window asks the person before any backup is deleted.
 */
import type { Backup } from '../../../core/api/models';
import { retentionCandidates } from '../../../core/backups/retention';
import type { BackupChannels, BackupView } from '../../../shared/ipc/backups';
import { serverKey } from '../../../shared/server-key';
import type { ServerRef } from '../../../shared/types';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

/** The window's view of a backup: the same fields, copied so nothing else of the model leaks. */
function backupView(b: Backup): BackupView {
  return {
    uuid: b.uuid,
    name: b.name,
    isSuccessful: b.isSuccessful,
    isLocked: b.isLocked,
    isScheduled: b.isScheduled,
    ignoredFiles: [...b.ignoredFiles],
    checksum: b.checksum,
    bytes: b.bytes,
    createdAt: b.createdAt,
    completedAt: b.completedAt,
  };
}

/** A file name from a backup's name: what a save dialog proposes (`Backup at 2026-12-03 19:00:00.tar.gz`). */
export function backupFileName(name: string): string {
  const safe = name
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '-')
    .trim()
    .slice(0, 200);
  return `${safe === '' || safe === '.' || safe === '..' ? 'backup' : safe}.tar.gz`;
}

export function backupsHandlers(ports: HandlerPorts): Pick<Handlers, keyof BackupChannels> {
  const api = (ref: ServerRef) => ports.client(ref.accountId);
  const keepNewestOf = (ref: ServerRef): number | null => ports.settings.settings().backupRetention?.[serverKey(ref)] ?? null;
  return {
    'backups:list': async (ref) => {
      const client = await api(ref);
      const [{ backups, backupCount }, server] = await Promise.all([client.listBackupsWithCount(ref.identifier), client.getServer(ref.identifier)]);
      return {
        backups: backups.map(backupView),
        backupCount,
        limit: server.featureLimits.backups,
        // Only Pelican's BackupTransformer sends is_scheduled (and only Pelican routes /rename).
        canRename: backups.some((b) => b.isScheduled !== null),
        keepNewest: keepNewestOf(ref),
      };
    },
    'backups:create': async ({ server, name, ignored, isLocked }) => {
      const options = { name: name.trim() === '' ? undefined : name.trim(), ignored: ignored.trim() === '' ? undefined : ignored, isLocked };
      return backupView(await (await api(server)).createBackup(server.identifier, options));
    },
    'backups:delete': async ({ server, uuid }) => (await api(server)).deleteBackup(server.identifier, uuid),
    'backups:toggle-lock': async ({ server, uuid }) => backupView(await (await api(server)).toggleBackupLock(server.identifier, uuid)),
    'backups:rename': async ({ server, uuid, name }) => backupView(await (await api(server)).renameBackup(server.identifier, uuid, name)),
    'backups:restore': async ({ server, uuid, truncate }) => (await api(server)).restoreBackup(server.identifier, uuid, { truncate }),
    // The account is checked and the backup read first (its name for the dialog, its checksum for
    // the check); no signed link is asked for until the person chose where (gesture-contract.ts).
    'backups:download': async ({ server, uuid }) => {
      const backup = await (await api(server)).getBackup(server.identifier, uuid);
      const destination = await ports.dialogs.chooseSavePath(backupFileName(backup.name));
      if (destination === null) return null;
      return { transferId: ports.backups.download(server, { uuid, name: backup.name, checksum: backup.checksum }, destination) };
    },
    'backups:set-retention': async ({ server, keepNewest }) => {
      // Only for a panel that is configured: a rule for no account would only litter the file.
      await api(server);
      const rules = { ...(ports.settings.settings().backupRetention ?? {}) };
      if (keepNewest === null) delete rules[serverKey(server)];
      else rules[serverKey(server)] = keepNewest;
      ports.settings.update({ backupRetention: rules });
    },
    'backups:retention-candidates': async (ref) => {
      const keep = keepNewestOf(ref);
      if (keep === null) return [];
      return retentionCandidates(await (await api(ref)).listBackups(ref.identifier), keep).map(backupView);
    },
  };
}
