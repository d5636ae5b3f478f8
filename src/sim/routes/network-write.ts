/**
 * The allocation writes as both panels answer them (app/Http/Controllers/Api/Client/Servers/
 * NetworkAllocationController.php in pterodactyl/panel and pelican-dev/panel):
 * - store: `allocations.count >= allocation_limit` (a null or 0 limit too) → 400 "Cannot assign
 *   additional allocations to this server: limit has been reached."; then
 *   FindAssignableAllocationService: auto-allocation off → 400 "Server auto-allocation is not
 *   enabled for this instance."; an unassigned allocation of the node on the primary's IP
 *   (Pelican: within range_start–range_end), else a new port in the range; none → 400 "Cannot
 *   assign additional allocation: no more space available on node." The panel picks at random
 *   (`inRandomOrder`, `array_rand`); the sim takes the lowest, so tests can name it.
 * - update: UpdateAllocationRequest `notes` nullable|string|max:256|present.
 * - setPrimary: the server's `allocation_id`.
 * - delete: `empty(allocation_limit)` → 400 "You cannot delete allocations for this server: no
 *   allocation limit is set."; Pterodactyl then refuses the primary ("You cannot delete the
 *   primary allocation for this server."); Pelican does not since "Server Without Allocations"
 *   (pelican-dev/panel #1432): the server is left with no primary. The allocation goes back to the
 *   node with its notes cleared.
 * The `{allocation}` binding is one of this server's allocations, else 404.
 */
import { PanelHttpError, PanelValidationError, notFound } from '../http/errors';
import { sendJson, sendNoContent } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { serverOf } from '../http/route-types';
import { item } from '../http/transform';
import type { SimAllocation, SimServer } from '../state/servers';
import type { SimState } from '../state/sim-state';

/** Allocations released back to the node (server_id null), per panel. */
const released = new WeakMap<SimState, SimAllocation[]>();

function poolOf(state: SimState): SimAllocation[] {
  let pool = released.get(state);
  if (!pool) released.set(state, (pool = []));
  return pool;
}

function display(message: string): PanelHttpError {
  return new PanelHttpError(400, 'DisplayException', message);
}

/** The client AllocationTransformer. */
function view(a: SimAllocation): unknown {
  return item('allocation', { id: a.id, ip: a.ip, ip_alias: a.ipAlias, port: a.port, notes: a.notes, is_default: a.isDefault });
}

function bound(ctx: RouteContext): SimAllocation {
  const found = serverOf(ctx).allocations.find((a) => String(a.id) === ctx.params.allocation);
  if (!found) throw notFound();
  return found;
}

function primaryIp(server: SimServer): string {
  return (server.allocations.find((a) => a.isDefault) ?? server.allocations[0])?.ip ?? '10.0.0.5';
}

function assignable(state: SimState, server: SimServer): SimAllocation {
  const range = state.options.autoAllocation;
  if (range === false) throw display('Server auto-allocation is not enabled for this instance.');
  const ip = primaryIp(server);
  const inRange = (port: number): boolean => port >= range.rangeStart && port <= range.rangeEnd;
  const pool = poolOf(state);
  const free = pool.filter((a) => a.ip === ip && (state.options.flavor !== 'pelican' || inRange(a.port))).sort((a, b) => a.port - b.port)[0];
  if (free) {
    pool.splice(pool.indexOf(free), 1);
    return { ...free, notes: null, isDefault: false };
  }
  const all = [...state.servers.flatMap((s) => s.allocations), ...pool];
  const taken = new Set(all.filter((a) => a.ip === ip).map((a) => a.port));
  let port = range.rangeStart;
  while (port <= range.rangeEnd && taken.has(port)) port++;
  if (port > range.rangeEnd) throw display('Cannot assign additional allocation: no more space available on node.');
  return { id: Math.max(0, ...all.map((a) => a.id)) + 1, ip, ipAlias: null, port, notes: null, isDefault: false };
}

function store(ctx: RouteContext): void {
  const server = serverOf(ctx);
  if (server.allocations.length >= server.featureLimits.allocations) {
    throw display('Cannot assign additional allocations to this server: limit has been reached.');
  }
  const allocation = assignable(ctx.state, server);
  server.allocations.push(allocation);
  sendJson(ctx, 200, view(allocation));
}

function update(ctx: RouteContext): void {
  const allocation = bound(ctx);
  const body = ctx.json !== null && typeof ctx.json === 'object' && !Array.isArray(ctx.json) ? (ctx.json as Record<string, unknown>) : {};
  const fail = (rule: string, detail: string): never => {
    throw new PanelValidationError([{ field: 'notes', rule, detail }]);
  };
  if (!('notes' in body)) fail('present', 'The notes field must be present.');
  // ConvertEmptyStringsToNull: "" is saved as null.
  const notes = body.notes === '' || body.notes === null ? null : body.notes;
  if (notes !== null && typeof notes !== 'string') fail('string', 'The notes field must be a string.');
  if (typeof notes === 'string' && [...notes].length > 256) fail('max', 'The notes field must not be greater than 256 characters.');
  allocation.notes = notes as string | null;
  sendJson(ctx, 200, view(allocation));
}

function primary(ctx: RouteContext): void {
  const allocation = bound(ctx);
  for (const a of serverOf(ctx).allocations) a.isDefault = a === allocation;
  sendJson(ctx, 200, view(allocation));
}

function destroy(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const allocation = bound(ctx);
  if (server.featureLimits.allocations === 0) throw display('You cannot delete allocations for this server: no allocation limit is set.');
  if (allocation.isDefault && ctx.state.options.flavor !== 'pelican') throw display('You cannot delete the primary allocation for this server.');
  server.allocations.splice(server.allocations.indexOf(allocation), 1);
  poolOf(ctx.state).push({ ...allocation, notes: null, isDefault: false });
  sendNoContent(ctx);
}

const base = '/api/client/servers/:server/network/allocations';

/** The allocation write routes. */
export const networkWriteRoutes: PanelRoute[] = [
  { method: 'POST', path: base, permission: 'allocation.create', limit: 'allocationCreate', handler: store },
  { method: 'POST', path: `${base}/:allocation`, permission: 'allocation.update', handler: update },
  { method: 'POST', path: `${base}/:allocation/primary`, permission: 'allocation.update', handler: primary },
  { method: 'DELETE', path: `${base}/:allocation`, permission: 'allocation.delete', handler: destroy },
];
