/** Argument schemas of network channels (src/shared/ipc/network.ts), built of ./atoms.ts. */
import type { NetworkChannels } from '../../../shared/ipc/network';
import type { ChannelSchemas } from './atoms';

export const networkSchemas: ChannelSchemas<keyof NetworkChannels> = {};
