/** Argument schemas of the console view's channel (src/shared/ipc/console-view.ts). */
import { z } from 'zod';
import { CONSOLE_COPY_MAX_CHARS, type ConsoleViewChannels } from '../../../shared/ipc/console-view';
import { one, type ChannelSchemas } from './atoms';

export const consoleViewSchemas: ChannelSchemas<keyof ConsoleViewChannels> = {
  'console:copy': one(z.strictObject({ text: z.string().min(1).max(CONSOLE_COPY_MAX_CHARS) })),
};
