/** `pterotray status <server>`: state and live resource use of one server. */
import { isPanelError } from '../../core/api/errors';
import type { ClientApi } from '../../core/api/client-types';
import type { Server, ServerResources } from '../../core/api/models';
import { observedStateFromError, type ObservedState } from '../../core/monitor/diff';
import type { CommandDefinition } from '../command';
import type { CommandContext } from '../context';
import { EXIT_OK } from '../failure';
import { limitsJson, resourcesJson } from '../format/api-shapes';
import { printFields, printJson } from '../format/print';
import { formatBytes, formatCpuLimit, formatDuration, formatLimitMib } from '../format/units';
import { withServer } from '../resolve-server';

export const statusCommand: CommandDefinition = {
  path: 'status',
  usage: '<server>',
  summary: "show a server's state and resource use",
  details: ['A suspended, installing or unreachable server shows that as its state, with no resources.'],
  options: ['json'],
  minArgs: 1,
  maxArgs: 1,
  run: runStatus,
};

async function runStatus(ctx: CommandContext): Promise<number> {
  const { client, server } = await withServer(ctx, ctx.args[0] ?? '');
  const { state, resources } = await readState(client, server, ctx.signal);
  const isSuspended = resources?.isSuspended ?? server.isSuspended;
  if (ctx.options.json) {
    printJson(ctx.out.stdout, {
      identifier: server.identifier,
      uuid: server.uuid,
      name: server.name,
      state,
      is_suspended: isSuspended,
      resources: resources === null ? null : resourcesJson(resources),
      limits: limitsJson(server),
    });
    return EXIT_OK;
  }
  printFields(ctx.out.stdout, [
    ['server', `${server.name} (${server.identifier})`],
    ['state', state],
    ['suspended', isSuspended ? 'yes' : 'no'],
    ...(resources === null ? [] : resourceFields(server, resources)),
  ]);
  return EXIT_OK;
}

/** The server's resources, or (for a 409 or a down node, which are answers too) why there are none. */
async function readState(client: ClientApi, server: Server, signal: AbortSignal): Promise<{ state: ObservedState; resources: ServerResources | null }> {
  try {
    const resources = await client.getResources(server.identifier, { signal });
    return { state: resources.state, resources };
  } catch (error) {
    if (!isPanelError(error) || (error.kind !== 'conflict' && error.kind !== 'node-unreachable')) throw error;
    return { state: observedStateFromError(error), resources: null };
  }
}

function resourceFields(server: Server, resources: ServerResources): Array<readonly [string, string]> {
  const { limits } = server;
  return [
    ['memory', `${formatBytes(resources.memoryBytes)} of ${formatLimitMib(limits.memoryMib)}`],
    ['cpu', `${resources.cpuAbsolute.toFixed(2)}% of ${formatCpuLimit(limits.cpuPercent)}`],
    ['disk', `${formatBytes(resources.diskBytes)} of ${formatLimitMib(limits.diskMib)}`],
    ['network', `${formatBytes(resources.networkRxBytes)} in, ${formatBytes(resources.networkTxBytes)} out`],
    ['uptime', resources.uptimeMs > 0 ? formatDuration(resources.uptimeMs) : '-'],
  ];
}
