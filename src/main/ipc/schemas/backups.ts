/** Argument schemas of backups channels (src/shared/ipc/backups.ts), built of ./atoms.ts. */
import { z } from 'zod';
import type { BackupChannels } from '../../../shared/ipc/backups';
import { MAX_KEEP_NEWEST } from '../../../core/backups/retention';
import { CONTROL, one, serverRef, type ChannelSchemas } from './atoms';

/** A backup's uuid (the panel's route binds `{backup:uuid}`). */
const uuid = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z-]+$/, 'must be a backup uuid');
/** A backup's name: at most 255 (RenameBackupRequest, StoreBackupRequest `max:191` on 1.x is checked by the panel). */
const backupName = z
  .string()
  .max(255)
  .refine((n) => !CONTROL.test(n), 'must not contain control characters');
/** Ignored files: lines of patterns; newlines allowed, other controls not. */
const ignored = z
  .string()
  .max(16_384)
  // eslint-disable-next-line no-control-regex -- rejecting control characters but newlines is the point
  .refine((n) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(n), 'must not contain control characters but newlines');
const ref = z.strictObject({ server: serverRef, uuid });

export const backupsSchemas: ChannelSchemas<keyof BackupChannels> = {
  'backups:list': one(serverRef),
  'backups:create': one(z.strictObject({ server: serverRef, name: backupName, ignored, isLocked: z.boolean() })),
  'backups:delete': one(ref),
  'backups:toggle-lock': one(ref),
  'backups:rename': one(z.strictObject({ server: serverRef, uuid, name: backupName.min(1) })),
  'backups:restore': one(z.strictObject({ server: serverRef, uuid, truncate: z.boolean() })),
  'backups:download': one(ref),
  'backups:set-retention': one(z.strictObject({ server: serverRef, keepNewest: z.number().int().min(1).max(MAX_KEEP_NEWEST).nullable() })),
  'backups:retention-candidates': one(serverRef),
};
