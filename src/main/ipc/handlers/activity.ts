/** The activity channels (src/shared/ipc/activity.ts) as thin calls into the panel client and main's services. */
import type { ActivityChannels } from '../../../shared/ipc/activity';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

export function activityHandlers(ports: HandlerPorts): Pick<Handlers, keyof ActivityChannels> {
  return {
    'activity:list': async ({ server, page, event }) => {
      const client = await ports.client(server.accountId);
      const answer = await client.queryActivity(server.identifier, { page, event });
      const { currentPage, totalPages, total, perPage } = answer.pagination;
      return { entries: answer.items.map((e) => ({ ...e, properties: { ...e.properties } })), page: currentPage, totalPages, total, perPage };
    },
  };
}
