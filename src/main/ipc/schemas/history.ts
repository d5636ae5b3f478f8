/** Argument schemas of history channels (src/shared/ipc/history.ts), built of ./atoms.ts. */
import { z } from 'zod';
import { STORED_RANGES, type HistoryChannels } from '../../../shared/ipc/history';
import { one, serverRef, type ChannelSchemas } from './atoms';

/** More servers than any dashboard lists (the monitor follows at most a few thousand). */
const MAX_SUMMARIES = 5_000;

const range = z.enum(STORED_RANGES);

export const historySchemas: ChannelSchemas<keyof HistoryChannels> = {
  'history:series': one(z.strictObject({ server: serverRef, range })),
  'history:uptime': one(z.strictObject({ server: serverRef, per: z.enum(['day', 'week']) })),
  'history:summaries': one(z.strictObject({ servers: z.array(serverRef).max(MAX_SUMMARIES) })),
  'history:export-csv': one(z.strictObject({ server: serverRef, range })),
};
