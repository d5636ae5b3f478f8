/**
 * The channels of the Backups tab: list, create, download, restore, lock, rename, delete, retention (issue 13). The contract (../ipc-contract.ts) is the union of these
 * domain files; a channel is written here once, with its arguments and result.
 */
import type { ServerRef } from '../types';

/** One backup as the window shows it (the panel's BackupTransformer, in the app's words). */
export interface BackupView {
  uuid: string;
  name: string;
  isSuccessful: boolean;
  isLocked: boolean;
  /** Pelican: made by a schedule; null where the panel does not say (Pterodactyl). */
  isScheduled: boolean | null;
  ignoredFiles: string[];
  /** `sha1:<hex>` as Wings reported it; null while pending or when failed. */
  checksum: string | null;
  bytes: number;
  createdAt: string | null;
  completedAt: string | null;
}

/** The Backups page: the list, what counts against the limit, and this server's retention rule. */
export interface BackupsPage {
  backups: BackupView[];
  /** The panel's `meta.backup_count` (non-failed backups); null when it sent none. */
  backupCount: number | null;
  /** The server's `feature_limits.backups`; 0 means none may be made; null when unknown. */
  limit: number | null;
  /**
   * Whether the panel offers renaming (Pelican's `PUT /rename`). Told by the list: only Pelican's
   * BackupTransformer sends `is_scheduled`. False when it cannot tell (no backups to rename).
   */
  canRename: boolean;
  /** "Keep the newest N" for this server, or null when off. */
  keepNewest: number | null;
}

/** `backups:create`. */
export interface BackupCreateArgs {
  server: ServerRef;
  /** Empty: the panel names it by date. */
  name: string;
  /** One pattern a line, as the panel's form takes them. */
  ignored: string;
  isLocked: boolean;
}

/** A backup of a server. */
export interface BackupRefArgs {
  server: ServerRef;
  uuid: string;
}

/** Wings said a backup finished (`backup completed`), pushed to the window. */
export interface BackupCompletedEvent {
  server: ServerRef;
  uuid: string;
  isSuccessful: boolean;
  checksum: string | null;
}

/** A downloaded backup checked against the panel's checksum. */
export interface BackupVerifiedEvent {
  server: ServerRef;
  transferId: string;
  uuid: string;
  /** `unchecked`: the panel listed no checksum this can compare. */
  outcome: 'match' | 'mismatch' | 'unchecked';
  /** The algorithm the panel's checksum names (Wings: sha1). */
  algorithm: 'sha1' | 'sha256' | null;
  /** The file's sha256, shown for the person to compare elsewhere. */
  sha256: string;
}

export interface BackupChannels {
  'backups:list': { args: [ServerRef]; result: BackupsPage };
  'backups:create': { args: [BackupCreateArgs]; result: BackupView };
  /** Refused by the panel for a locked, completed backup (its words kept). */
  'backups:delete': { args: [BackupRefArgs]; result: void };
  /** The panel toggles; the answer is the backup as it is now. */
  'backups:toggle-lock': { args: [BackupRefArgs]; result: BackupView };
  /** Pelican only. */
  'backups:rename': { args: [BackupRefArgs & { name: string }]; result: BackupView };
  /** `truncate`: delete every file first ("Delete all files before restoring"). */
  'backups:restore': { args: [BackupRefArgs & { truncate: boolean }]; result: void };
  /** Asks where to save (a native dialog), then streams in main and checks the checksum. Null when cancelled. */
  'backups:download': { args: [BackupRefArgs]; result: { transferId: string } | null };
  /** Sets "keep the newest N" for a server (null: off). */
  'backups:set-retention': { args: [{ server: ServerRef; keepNewest: number | null }]; result: void };
  /** The backups the server's rule would delete now, oldest first; empty when off. Deleting stays the window's, after asking. */
  'backups:retention-candidates': { args: [ServerRef]; result: BackupView[] };
}

/** Every channel above, in order (checked against the interface in ../ipc-contract.ts). */
export const BACKUP_CHANNELS = [
  'backups:list',
  'backups:create',
  'backups:delete',
  'backups:toggle-lock',
  'backups:rename',
  'backups:restore',
  'backups:download',
  'backups:set-retention',
  'backups:retention-candidates',
] as const satisfies readonly (keyof BackupChannels)[];

/** The push events of the Backups tab. */
export interface BackupPushEvents {
  'backups:completed': BackupCompletedEvent;
  'backups:verified': BackupVerifiedEvent;
}
