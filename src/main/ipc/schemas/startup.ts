/** Argument schemas of startup channels (src/shared/ipc/startup.ts), built of ./atoms.ts. */
import type { StartupChannels } from '../../../shared/ipc/startup';
import type { ChannelSchemas } from './atoms';

export const startupSchemas: ChannelSchemas<keyof StartupChannels> = {};
