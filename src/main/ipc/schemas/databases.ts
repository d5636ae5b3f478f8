/** Argument schemas of databases channels (src/shared/ipc/databases.ts), built of ./atoms.ts. */
import type { DatabaseChannels } from '../../../shared/ipc/databases';
import type { ChannelSchemas } from './atoms';

export const databasesSchemas: ChannelSchemas<keyof DatabaseChannels> = {};
