/** Argument schemas of schedules channels (src/shared/ipc/schedules.ts), built of ./atoms.ts. */
import { z } from 'zod';
import type { ScheduleChannels } from '../../../shared/ipc/schedules';
import { CONTROL, one, serverRef, type ChannelSchemas } from './atoms';

/** A panel id: a positive integer the panel could have made. */
const numberId = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);
/** One cron field: short, no whitespace or control characters (the panel splits on whitespace). */
const cronField = z
  .string()
  .min(1)
  .max(64)
  .refine((v) => !/\s/.test(v) && !CONTROL.test(v), 'must be one cron field');
const cron = z.strictObject({ minute: cronField, hour: cronField, dayOfMonth: cronField, month: cronField, dayOfWeek: cronField });
const draft = z.strictObject({
  // StoreScheduleRequest: max:191 on Pterodactyl (Pelican 255): the smaller bound for both.
  name: z
    .string()
    .min(1)
    .max(191)
    .refine((v) => !CONTROL.test(v), 'must not contain control characters'),
  cron,
  isActive: z.boolean(),
  onlyWhenOnline: z.boolean(),
});
const task = z
  .strictObject({
    action: z.enum(['command', 'power', 'backup']),
    // A command is one line; a backup's payload is its ignored files, one a line.
    payload: z.string().max(4096),
    timeOffsetS: z.number().int().min(0).max(900),
    continueOnFailure: z.boolean(),
    sequenceId: z.number().int().min(1).max(1000).optional(),
  })
  .refine((t) => t.action === 'backup' || (t.payload !== '' && !CONTROL.test(t.payload)), 'a command or power task needs a one-line payload');
const onSchedule = { server: serverRef, scheduleId: numberId };

export const schedulesSchemas: ChannelSchemas<keyof ScheduleChannels> = {
  'schedules:list': one(z.strictObject({ server: serverRef })),
  'schedules:create': one(z.strictObject({ server: serverRef, schedule: draft })),
  'schedules:update': one(z.strictObject({ ...onSchedule, schedule: draft })),
  'schedules:delete': one(z.strictObject(onSchedule)),
  'schedules:run': one(z.strictObject(onSchedule)),
  'schedules:create-task': one(z.strictObject({ ...onSchedule, task })),
  'schedules:update-task': one(z.strictObject({ ...onSchedule, taskId: numberId, task })),
  'schedules:delete-task': one(z.strictObject({ ...onSchedule, taskId: numberId })),
  'schedules:export': one(z.strictObject(onSchedule)),
  'schedules:import': one(z.strictObject({ server: serverRef })),
};
