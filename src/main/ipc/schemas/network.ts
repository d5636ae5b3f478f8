/** Argument schemas of network channels (src/shared/ipc/network.ts), built of ./atoms.ts. */
import { z } from 'zod';
import type { NetworkChannels } from '../../../shared/ipc/network';
import { one, serverRef, type ChannelSchemas } from './atoms';

/** The panel's allocation ids are positive table integers. */
const allocationId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const allocation = z.strictObject({ server: serverRef, id: allocationId });
/** Up to 256 characters (core checks the panel's count); null clears. */
const notes = z.string().max(1024).nullable();

export const networkSchemas: ChannelSchemas<keyof NetworkChannels> = {
  'network:list': one(serverRef),
  'network:add': one(serverRef),
  'network:set-notes': one(z.strictObject({ server: serverRef, id: allocationId, notes })),
  'network:set-primary': one(allocation),
  'network:remove': one(allocation),
};
