/**
 * Each server's state from `GET /resources`, for `servers`. A server the panel will
 * not report on (409, node down) gets a state saying why; failures that concern the whole panel
 * (bad key, network, rate limit) still fail the command.
 */
import type { CallOptions, ClientApi } from '../core/api/client-types';
import { isPanelError, type PanelErrorKind } from '../core/api/errors';
import type { Server } from '../core/api/models';
import { observedStateFromError, type ObservedState, type ServerSnapshot } from '../core/monitor/diff';
import { mapWithConcurrency } from './concurrency';

/**
 * How many `/resources` calls run at once. The panel allows 720 a minute (256 on Pelican) per
 * user, and one person's CLI should not saturate it; four keeps 250 servers under ten seconds.
 */
export const RESOURCE_CONCURRENCY = 4;

// Errors about one server only: show them in that server's row and carry on.
const PER_SERVER_KINDS: ReadonlySet<PanelErrorKind> = new Set(['conflict', 'node-unreachable', 'server-offline', 'not-found', 'forbidden', 'bad-response']);

/** One server's observed state; rethrows failures that are not about this server alone. */
export async function fetchObservedState(client: ClientApi, server: Server, call: CallOptions = {}): Promise<ObservedState> {
  try {
    const resources = await client.getResources(server.identifier, call);
    return resources.state;
  } catch (error) {
    if (isPanelError(error) && PER_SERVER_KINDS.has(error.kind)) return observedStateFromError(error);
    throw error;
  }
}

/** Every server with its state, in the panel's order. */
export async function fetchStates(
  client: ClientApi,
  servers: readonly Server[],
  call: CallOptions = {},
): Promise<Array<{ server: Server; state: ObservedState }>> {
  return mapWithConcurrency(servers, RESOURCE_CONCURRENCY, async (server) => ({ server, state: await fetchObservedState(client, server, call) }), call.signal);
}

/** The snapshot `diffSnapshots` compares. */
export function toSnapshot(rows: ReadonlyArray<{ server: Server; state: ObservedState }>): ServerSnapshot {
  return rows.map(({ server, state }) => ({ identifier: server.identifier, name: server.name, state }));
}
