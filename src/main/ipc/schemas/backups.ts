/** Argument schemas of backups channels (src/shared/ipc/backups.ts), built of ./atoms.ts. */
import type { BackupChannels } from '../../../shared/ipc/backups';
import type { ChannelSchemas } from './atoms';

export const backupsSchemas: ChannelSchemas<keyof BackupChannels> = {};
