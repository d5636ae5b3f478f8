/** `pterotray power <server> <signal>`. */
import { POWER_SIGNALS, type PowerSignal } from '../../core/api/models';
import { UsageError } from '../args';
import type { CommandDefinition } from '../command';
import { EXIT_OK } from '../failure';
import { stripControl } from '../format/sanitize';
import { withServer } from '../resolve-server';

export const powerCommand: CommandDefinition = {
  path: 'power',
  usage: '<server> <start|stop|restart|kill>',
  summary: 'send a power signal to a server',
  details: ['The panel only forwards the signal; it does not wait for the server. Follow the state with', "'pterotray status <server>' or 'pterotray watch'."],
  options: [],
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [query = '', rawSignal = ''] = ctx.args;
    const signal = rawSignal.toLowerCase();
    if (!isPowerSignal(signal)) {
      throw new UsageError(`unknown power signal '${rawSignal}': use ${POWER_SIGNALS.join(', ')}`, ctx.command);
    }
    const { client, server } = await withServer(ctx, query);
    await client.power(server.identifier, signal, { signal: ctx.signal });
    ctx.out.stderr.line(`Sent ${signal} to ${stripControl(server.name)} (${stripControl(server.identifier)}).`);
    return EXIT_OK;
  },
};

function isPowerSignal(value: string): value is PowerSignal {
  return (POWER_SIGNALS as readonly string[]).includes(value);
}
