/** Argument schemas of activity channels (src/shared/ipc/activity.ts), built of ./atoms.ts. */
import type { ActivityChannels } from '../../../shared/ipc/activity';
import type { ChannelSchemas } from './atoms';

export const activitySchemas: ChannelSchemas<keyof ActivityChannels> = {};
