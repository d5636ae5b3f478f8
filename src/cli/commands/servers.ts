/** `pterotray servers`: every server on every page, with its state and limits. */
import type { CommandDefinition } from '../command';
import { EXIT_OK } from '../failure';
import { serverRowJson } from '../format/api-shapes';
import { printJson, printLines } from '../format/print';
import { formatTable } from '../format/table';
import { formatCpuLimit, formatLimitMib } from '../format/units';
import { fetchStates } from '../server-states';

export const serversCommand: CommandDefinition = {
  path: 'servers',
  usage: '',
  summary: 'list every server with its state and limits',
  details: [
    'The state is the power state (offline, starting, running, stopping) or, when the panel',
    'cannot report one, why: suspended, installing, transferring, restoring, node-maintenance,',
    'unreachable (the node did not answer) or unknown.',
  ],
  options: ['json'],
  minArgs: 0,
  maxArgs: 0,
  async run(ctx) {
    const client = await ctx.client();
    const servers = await client.listServers(undefined, { signal: ctx.signal });
    const rows = await fetchStates(client, servers, { signal: ctx.signal });
    if (ctx.options.json) {
      printJson(
        ctx.out.stdout,
        rows.map(({ server, state }) => serverRowJson(server, state)),
      );
      return EXIT_OK;
    }
    if (rows.length === 0) {
      ctx.out.stderr.line('No servers on this account.');
      return EXIT_OK;
    }
    const table = formatTable(
      [
        { header: 'IDENTIFIER' },
        { header: 'NAME' },
        { header: 'NODE' },
        { header: 'STATE' },
        { header: 'MEMORY', alignRight: true },
        { header: 'DISK', alignRight: true },
        { header: 'CPU', alignRight: true },
      ],
      rows.map(({ server, state }) => [
        server.identifier,
        server.name,
        server.node,
        state,
        formatLimitMib(server.limits.memoryMib),
        formatLimitMib(server.limits.diskMib),
        formatCpuLimit(server.limits.cpuPercent),
      ]),
    );
    printLines(ctx.out.stdout, table);
    return EXIT_OK;
  },
};
