/** Argument schemas of databases channels (src/shared/ipc/databases.ts), built of ./atoms.ts. */
import { z } from 'zod';
import type { DatabaseChannels } from '../../../shared/ipc/databases';
import { CONTROL, id, one, serverRef, type ChannelSchemas } from './atoms';

/** Bounded here; the panel's own rules (3–48, alpha_dash; the remote pattern) are core's to check. */
const field = z
  .string()
  .min(1)
  .max(80)
  .refine((s) => !CONTROL.test(s), 'must not contain control characters');
const database = z.strictObject({ server: serverRef, id });

export const databasesSchemas: ChannelSchemas<keyof DatabaseChannels> = {
  'databases:list': one(serverRef),
  'databases:create': one(z.strictObject({ server: serverRef, database: field, remote: field })),
  'databases:rotate': one(database),
  'databases:reveal': one(database),
  'databases:copy-url': one(z.strictObject({ server: serverRef, id, kind: z.enum(['jdbc', 'mysql']) })),
  'databases:delete': one(database),
};
