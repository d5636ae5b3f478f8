/** The network channels (src/shared/ipc/network.ts) as thin calls into the panel client and main's services. */
import type { Allocation } from '../../../core/api/models';
import type { AllocationView, NetworkChannels } from '../../../shared/ipc/network';
import type { ServerRef } from '../../../shared/types';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

export function allocationView(a: Allocation): AllocationView {
  return { id: a.id, ip: a.ip, ipAlias: a.ipAlias, port: a.port, notes: a.notes, isPrimary: a.isDefault };
}

export function networkHandlers(ports: HandlerPorts): Pick<Handlers, keyof NetworkChannels> {
  const client = (ref: ServerRef) => ports.client(ref.accountId);
  return {
    'network:list': async (ref) => {
      const c = await client(ref);
      const [allocations, details] = await Promise.all([
        c.listAllocations(ref.identifier, { priority: 'user' }),
        c.getServer(ref.identifier, { priority: 'user' }),
      ]);
      return { allocations: allocations.map(allocationView), allocationLimit: details.featureLimits.allocations };
    },
    'network:add': async (ref) => allocationView(await (await client(ref)).createAllocation(ref.identifier)),
    'network:set-notes': async ({ server, id, notes }) => allocationView(await (await client(server)).setAllocationNotes(server.identifier, id, notes)),
    'network:set-primary': async ({ server, id }) => allocationView(await (await client(server)).setPrimaryAllocation(server.identifier, id)),
    'network:remove': async ({ server, id }) => (await client(server)).deleteAllocation(server.identifier, id),
  };
}
