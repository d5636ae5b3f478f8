/**
 * `GET /api/client` (§3.1): paginated servers with `type`, `filter[...]` (unknown filters are a
 * 400 `InvalidFilterQuery`, like spatie/laravel-query-builder) and `include`.
 */
import { PanelHttpError } from '../http/errors';
import { sendJson } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { includesOf, pageParams, paginated, serverItem } from '../http/transform';
import type { SimServer } from '../state/servers';

const ALLOWED_FILTERS = ['uuid', 'name', 'description', 'external_id', '*'];

function filtersOf(query: URLSearchParams): Map<string, string> {
  const filters = new Map<string, string>();
  for (const [key, value] of query) {
    const match = /^filter\[(.*)\]$/.exec(key);
    if (match) filters.set(match[1] ?? '', value);
  }
  const unknown = [...filters.keys()].filter((key) => !ALLOWED_FILTERS.includes(key));
  if (unknown.length > 0) {
    throw new PanelHttpError(
      400,
      'InvalidFilterQuery',
      `Requested filter(s) \`${unknown.join(', ')}\` are not allowed. Allowed filter(s) are \`${ALLOWED_FILTERS.join(', ')}\`.`,
    );
  }
  return filters;
}

function contains(haystack: string, needle: string): boolean {
  return haystack.toLowerCase().includes(needle.toLowerCase());
}

/** `MultiFieldServerFilter`: uuid prefix, identifier, name substring, or an allocation ip / ip:port / :port. */
function matchesAny(server: SimServer, value: string): boolean {
  const allocation = /^(\d{1,3}(?:\.\d{1,3}){3})?(?::(\d+))?$/.exec(value);
  if (allocation && (allocation[1] || allocation[2])) {
    const [, ip, port] = allocation;
    return server.allocations.some((a) => (!ip || a.ip === ip) && (!port || String(a.port) === port));
  }
  return server.uuid.startsWith(value) || server.identifier === value || contains(server.name, value);
}

function matches(server: SimServer, filters: Map<string, string>): boolean {
  for (const [key, value] of filters) {
    if (value === '') continue;
    if (key === '*' && !matchesAny(server, value)) return false;
    if (key === 'uuid' && !contains(server.uuid, value)) return false;
    if (key === 'name' && !contains(server.name, value)) return false;
    if (key === 'description' && !contains(server.description, value)) return false;
    if (key === 'external_id') return false; // no server of the sim has an external id
  }
  return true;
}

function byType(servers: SimServer[], type: string | null): SimServer[] {
  // The sim's user is not a root admin: `admin` and `admin-all` give nothing (ClientController).
  if (type === 'admin' || type === 'admin-all') return [];
  if (type === 'owner') return servers.filter((s) => s.permissions === null);
  return servers;
}

function listServers(ctx: RouteContext): void {
  const filters = filtersOf(ctx.query);
  const { page, perPage } = pageParams(ctx.query, 50, 100);
  const includes = includesOf(ctx.query);
  const selected = byType(ctx.state.servers, ctx.query.get('type')).filter((s) => matches(s, filters));
  const start = (page - 1) * perPage;
  // Only the requested page is transformed; the rest are placeholders for the count.
  const items: unknown[] = selected.map((s, i) => (i >= start && i < start + perPage ? serverItem(ctx.state, s, includes) : null));
  sendJson(ctx, 200, paginated(`${ctx.state.panelUrl}/api/client`, ctx.query, items, page, perPage));
}

/** `GET /api/client`. */
export const serverListRoutes: PanelRoute[] = [{ method: 'GET', path: '/api/client', handler: listServers }];
