/** `pterotray console <server>`: the live console over the Wings websocket. */
import type { CommandDefinition } from '../command';
import { ConsoleSession } from '../console-session';
import { EXIT_OK } from '../failure';
import { withServer } from '../resolve-server';

export const consoleCommand: CommandDefinition = {
  path: 'console',
  usage: '<server>',
  summary: 'stream the console; each line of stdin is sent as a command',
  details: [
    'Ends on end of input (Ctrl-D) or Ctrl-C. Piped input is sent once connected, e.g.',
    '  echo "say hello" | pterotray console lobby',
    'Console lines go to stdout (colours removed unless stdout is a terminal); connection',
    'news goes to stderr.',
  ],
  options: [],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const { client, server } = await withServer(ctx, ctx.args[0] ?? '');
    const socket = ctx.deps.createSocket({
      panelUrl: client.url,
      fetchCredentials: () => client.getWebsocketCredentials(server.identifier, { signal: ctx.signal }),
      clock: ctx.deps.clock,
      logger: ctx.logger,
    });
    const session = new ConsoleSession({
      client,
      server,
      socket,
      stdin: ctx.deps.stdin,
      out: ctx.out,
      clock: ctx.deps.clock,
      signal: ctx.signal,
    });
    await session.run();
    return EXIT_OK;
  },
};
