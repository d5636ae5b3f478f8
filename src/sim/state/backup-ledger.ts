/**
 * A server's backups as the panel's table holds them (the seeded ones drawn once, then the API's),
 * soft deletes, and the archives Wings keeps for them: real gzip bytes whose sha1 is the checksum
 * the panel lists (wings server/backup/backup.go `Checksum`).
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { PanelHttpError } from '../http/errors';
import { backupsOf } from './extras';
import type { Item } from './item';
import type { SimServer } from './servers';

/** Bytes of a backup archive the sim serves (a real gzip, so `tar -tzf` at least opens it). */
const ARCHIVE_BYTES = 768 * 1024;

/** One server's backups as the panel's table holds them: the seeded ones, then the API's. */
interface BackupLedger {
  seeded: Item[];
  /** Soft-deleted uuids: gone from every list, still counted by the throttle (`withTrashed()`). */
  deleted: Set<string>;
  /** The archive Wings keeps per completed backup, by uuid. */
  archives: Map<string, Buffer>;
  /** The next backups Wings makes for this server fail (SimControl.failBackups). */
  isFailing: boolean;
}

const ledgers = new WeakMap<SimServer, BackupLedger>();

/** An archive of `size` bytes: gzip of pseudo-random content drawn from `seed`. */
export function makeArchive(seed: string, size = ARCHIVE_BYTES): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (let i = 0; total < size; i += 1) {
    const chunk = createHash('sha256').update(`${seed}:${i}`).digest();
    chunks.push(chunk);
    total += chunk.length;
  }
  // Level 0: stored blocks, so the archive is about `size` bytes and the transfer shows progress.
  return gzipSync(Buffer.concat(chunks).subarray(0, size), { level: 0 });
}

/** The sha1 hex of an archive: what Wings reports (wings server/backup/backup.go `Checksum`, sha1). */
export function sha1Of(archive: Buffer): string {
  return createHash('sha1').update(archive).digest('hex');
}

/** The ledger of a server; the seeded backups are drawn once and get real archives. */
function ledgerOf(server: SimServer): BackupLedger {
  let ledger = ledgers.get(server);
  if (!ledger) {
    ledger = { seeded: backupsOf(server), deleted: new Set(), archives: new Map(), isFailing: false };
    for (const backup of ledger.seeded) {
      const a = backup.attributes;
      if (a.is_successful !== true) continue;
      const archive = makeArchive(String(a.uuid));
      ledger.archives.set(String(a.uuid), archive);
      Object.assign(a, { checksum: `sha1:${sha1Of(archive)}`, bytes: archive.length });
    }
    ledgers.set(server, ledger);
  }
  return ledger;
}

/** The backups the panel lists, oldest first (`$server->backups()`: soft-deleted ones left out). */
export function listedBackups(server: SimServer): Item[] {
  const ledger = ledgerOf(server);
  return [...ledger.seeded, ...server.createdBackups.map((b) => b.item)].filter((b) => !ledger.deleted.has(String(b.attributes.uuid)));
}

/** A listed backup by uuid, or the panel's 404 (route model binding). */
export function findBackup(server: SimServer, uuid: string): Item {
  const found = listedBackups(server).find((b) => b.attributes.uuid === uuid);
  if (!found) throw new PanelHttpError(404, 'NotFoundHttpException', 'The requested resource could not be found on the server.');
  return found;
}

/** Soft-deletes a backup and drops its archive. */
export function deleteListed(server: SimServer, uuid: string): void {
  const ledger = ledgerOf(server);
  ledger.deleted.add(uuid);
  ledger.archives.delete(uuid);
}

/** The archive of a completed, listed backup, or null. */
export function archiveOf(server: SimServer, uuid: string): Buffer | null {
  const ledger = ledgerOf(server);
  return ledger.deleted.has(uuid) ? null : (ledger.archives.get(uuid) ?? null);
}

/** Keeps the archive Wings wrote for a backup. */
export function storeArchive(server: SimServer, uuid: string, archive: Buffer): void {
  ledgerOf(server).archives.set(uuid, archive);
}

/** Makes the server's next backups fail (true) or succeed again (false). */
export function setBackupsFailing(server: SimServer, on: boolean): void {
  ledgerOf(server).isFailing = on;
}

/** Whether Wings fails this server's backups now. */
export function areBackupsFailing(server: SimServer): boolean {
  return ledgerOf(server).isFailing;
}
