/** Argument schemas of activity channels (src/shared/ipc/activity.ts), built of ./atoms.ts. */
import { z } from 'zod';
import type { ActivityChannels } from '../../../shared/ipc/activity';
import { CONTROL, one, serverRef, type ChannelSchemas } from './atoms';

export const activitySchemas: ChannelSchemas<keyof ActivityChannels> = {
  'activity:list': one(
    z.strictObject({
      server: serverRef,
      page: z.number().int().min(1).max(100_000),
      // A part of an event name (`subuser`, `server:power.start`); empty for all of them.
      event: z
        .string()
        .max(100)
        .refine((e) => !CONTROL.test(e), 'must not contain control characters'),
    }),
  ),
};
