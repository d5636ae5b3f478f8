/** Argument schemas of users channels (src/shared/ipc/users.ts), built of ./atoms.ts. */
import type { UserChannels } from '../../../shared/ipc/users';
import type { ChannelSchemas } from './atoms';

export const usersSchemas: ChannelSchemas<keyof UserChannels> = {};
