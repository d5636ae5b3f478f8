/** Argument schemas of schedules channels (src/shared/ipc/schedules.ts), built of ./atoms.ts. */
import type { ScheduleChannels } from '../../../shared/ipc/schedules';
import type { ChannelSchemas } from './atoms';

export const schedulesSchemas: ChannelSchemas<keyof ScheduleChannels> = {};
