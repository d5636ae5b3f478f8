/**
 * Backups tab (issue 13): a backup's download through the transfer manager, checked on disk
 * against the panel's checksum (Wings' sha1: core/backups/checksum.ts) before the transfer is
 * reported done; the verdict and the file's sha256 go to the window.
 */
import { verifyFile } from '../core/backups/checksum';
import type { TransferManager } from '../core/transfer/transfer-manager';
import type { BackupVerifiedEvent } from '../shared/ipc/backups';
import type { BackupsPort } from './ipc/handlers/ports';

export function backupsPort(transfers: Pick<TransferManager, 'downloadFrom'>, onVerified: (event: BackupVerifiedEvent) => void): BackupsPort {
  return {
    download: (ref, backup, destinationPath) =>
      transfers.downloadFrom(ref, {
        name: `${backup.name}.tar.gz`,
        destinationPath,
        urlOf: (client, signal) => client.getBackupDownloadUrl(ref.identifier, backup.uuid, { signal }),
        afterward: async (path, signal, transferId) => {
          const verdict = await verifyFile(path, backup.checksum, signal);
          onVerified({ server: ref, transferId, uuid: backup.uuid, outcome: verdict.outcome, algorithm: verdict.algorithm, sha256: verdict.sha256 });
        },
      }),
  };
}
