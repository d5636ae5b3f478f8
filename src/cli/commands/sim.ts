/** `pterotray sim`: a simulated panel to try the CLI (and the app) against. */
import { parseIntegerOption } from '../args';
import type { CommandDefinition } from '../command';
import { EXIT_OK } from '../failure';

export const simCommand: CommandDefinition = {
  path: 'sim',
  usage: '',
  summary: 'run a simulated panel and print how to point the CLI at it',
  details: [
    "Prints PTEROTRAY_PANEL_URL=… and PTEROTRAY_API_KEY=… lines (the demo panel's own random",
    'key, not yours): export them in another shell, then try "pterotray servers". Runs until Ctrl-C.',
  ],
  options: ['servers', 'port', 'seed'],
  minArgs: 0,
  maxArgs: 0,
  async run(ctx) {
    const command = ctx.command;
    const servers = parseIntegerOption(ctx.options.servers, { name: 'servers', min: 0, max: 1000, fallback: 6, command });
    const port = parseIntegerOption(ctx.options.port, { name: 'port', min: 0, max: 65_535, fallback: 0, command });
    const seed = parseIntegerOption(ctx.options.seed, { name: 'seed', min: 0, max: 2 ** 31 - 1, fallback: 1337, command });
    const sim = await ctx.deps.startSim({ servers, port, seed });
    try {
      ctx.out.stdout.line(`PTEROTRAY_PANEL_URL=${sim.url}`);
      ctx.out.stdout.line(`PTEROTRAY_API_KEY=${sim.apiKey}`);
      ctx.out.stderr.line(`[pterotray] simulated panel with ${servers} servers at ${sim.url} (node ${sim.wingsUrl}); Ctrl-C to stop`);
      await untilAborted(ctx.signal);
    } finally {
      await sim.close();
    }
    return EXIT_OK;
  },
};

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
