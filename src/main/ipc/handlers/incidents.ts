/**
 * The incident channels (src/shared/ipc/incidents.ts) over the recorder's store. A server's first
 * page merges the panel's activity log first (its newest page, at most once a minute per server),
 * so the Timeline shows what others did on the panel beside what the app saw; a panel that does
 * not answer, or a key without `activity.read`, only leaves those entries out.
 */
import type { ActivityEntry } from '../../../core/api/models';
import type { IncidentQuery } from '../../../core/incidents/incident-store';
import type { IncidentChannels, IncidentView } from '../../../shared/ipc/incidents';
import { INCIDENT_PAGE_SIZE } from '../../../shared/ipc/incidents';
import { serverKey } from '../../../shared/server-key';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

/** A server's activity is fetched again after this long. */
export const ACTIVITY_MERGE_EVERY_MS = 60_000;

export function incidentsHandlers(ports: HandlerPorts): Pick<Handlers, keyof IncidentChannels> {
  const mergedAt = new Map<string, number>();
  const mergeActivity = async (ref: { accountId: string; identifier: string }): Promise<void> => {
    const key = serverKey(ref);
    const last = mergedAt.get(key);
    if (last !== undefined && ports.now() - last < ACTIVITY_MERGE_EVERY_MS) return;
    mergedAt.set(key, ports.now());
    try {
      const client = await ports.client(ref.accountId);
      const page = await client.queryActivity(ref.identifier, { page: 1 });
      ports.incidents.importActivity(ref, page.items as ActivityEntry[]);
    } catch (error) {
      ports.incidents.logger.info('incidents: the panel activity log was not merged', { error: error instanceof Error ? error.name : 'unknown' });
    }
  };
  return {
    'incidents:list': async (filter) => {
      if (filter.server !== null && filter.beforeMs === null) await mergeActivity(filter.server);
      const query: IncidentQuery = {
        ...(filter.server
          ? { accountId: filter.server.accountId, identifier: filter.server.identifier }
          : filter.accountId
            ? { accountId: filter.accountId }
            : {}),
        ...(filter.kinds.length > 0 ? { kinds: filter.kinds } : {}),
        ...(filter.sinceMs !== null ? { fromMs: filter.sinceMs } : {}),
        ...(filter.beforeMs !== null ? { toMs: filter.beforeMs } : {}),
        text: filter.text,
        limit: INCIDENT_PAGE_SIZE + 1,
      };
      const found = ports.incidents.store.list(query);
      return { incidents: found.slice(0, INCIDENT_PAGE_SIZE) satisfies IncidentView[], hasMore: found.length > INCIDENT_PAGE_SIZE };
    },
    'incidents:get': ({ id }) => ports.incidents.store.get(id),
  };
}
