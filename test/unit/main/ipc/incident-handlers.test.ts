import { describe, expect, it } from 'vitest';
import type { ClientApi } from '../../../../src/core/api/client-types';
import { IncidentStore, type Incident } from '../../../../src/core/incidents';
import { openStore } from '../../../../src/core/store/database';
import { STORE_MODULES } from '../../../../src/core/store/modules';
import { silentLogger } from '../../../../src/core/util/deps';
import { ACTIVITY_MERGE_EVERY_MS, incidentsHandlers } from '../../../../src/main/ipc/handlers/incidents';
import type { HandlerPorts } from '../../../../src/main/ipc/handlers/ports';
import { INCIDENT_PAGE_SIZE, type IncidentFilter } from '../../../../src/shared/ipc/incidents';

const REF = { accountId: 'acc-1', identifier: 'abcd1234' };
const ALL: IncidentFilter = { server: null, accountId: null, kinds: [], sinceMs: null, text: '', beforeMs: null };

function incident(n: number, identifier = REF.identifier): Incident {
  return {
    id: `state:${n}:${identifier}`,
    at: 1_000_000 + n,
    kind: 'state',
    severity: 'info',
    accountId: REF.accountId,
    accountName: 'Home',
    server: { identifier, name: identifier },
    node: null,
    title: `went down ${n}`,
    detail: '',
    actor: null,
    source: 'app',
    crash: null,
  };
}

function rig(options: { activityFails?: boolean } = {}) {
  const store = new IncidentStore(openStore(':memory:', STORE_MODULES, { logger: silentLogger }).db);
  let now = 5_000_000;
  const asked: string[] = [];
  const imported: number[] = [];
  const client = {
    queryActivity: async (identifier: string) => {
      asked.push(identifier);
      if (options.activityFails) throw new Error('403');
      return { items: [{ id: 'e1' }], pagination: { currentPage: 1, totalPages: 1, total: 1, perPage: 25 } };
    },
  } as unknown as ClientApi;
  const fake = {
    client: async () => client,
    now: () => now,
    incidents: { store, importActivity: (_ref: unknown, entries: unknown[]) => (imported.push(entries.length), entries.length), logger: silentLogger },
  } as unknown as HandlerPorts;
  return { handlers: incidentsHandlers(fake), store, asked, imported, tick: (ms: number) => (now += ms) };
}

describe('incident handlers', () => {
  it('pages newest first, with hasMore, and reads one incident', async () => {
    const { handlers, store } = rig();
    for (let n = 0; n < INCIDENT_PAGE_SIZE + 5; n++) store.add(incident(n));
    const first = await handlers['incidents:list'](ALL);
    expect(first.incidents).toHaveLength(INCIDENT_PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    const rest = await handlers['incidents:list']({ ...ALL, beforeMs: first.incidents.at(-1)!.at });
    expect(rest.incidents.map((i) => i.title)).toEqual(['went down 4', 'went down 3', 'went down 2', 'went down 1', 'went down 0']);
    expect(rest.hasMore).toBe(false);
    expect(await handlers['incidents:get']({ id: incident(3).id })).toEqual(incident(3));
    expect(await handlers['incidents:get']({ id: 'nope' })).toBeNull();
  });

  it('merges a server’s panel activity on its first page, at most once a minute; never for every server or a later page', async () => {
    const { handlers, asked, imported, tick } = rig();
    await handlers['incidents:list'](ALL);
    await handlers['incidents:list']({ ...ALL, server: REF });
    await handlers['incidents:list']({ ...ALL, server: REF });
    await handlers['incidents:list']({ ...ALL, server: REF, beforeMs: 2_000_000 });
    expect(asked).toEqual([REF.identifier]);
    tick(ACTIVITY_MERGE_EVERY_MS);
    await handlers['incidents:list']({ ...ALL, server: REF });
    expect(asked).toEqual([REF.identifier, REF.identifier]);
    expect(imported).toEqual([1, 1]);
  });

  it('a panel that refuses its activity log still gives the timeline', async () => {
    const { handlers, store } = rig({ activityFails: true });
    store.add(incident(1));
    store.add(incident(2, 'other123'));
    const page = await handlers['incidents:list']({ ...ALL, server: REF });
    expect(page.incidents.map((i) => i.id)).toEqual([incident(1).id]);
  });
});
