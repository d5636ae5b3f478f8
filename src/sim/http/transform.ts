/**
 * The panel's transformers (§4): items `{object, attributes}`, lists `{object:"list", data}`,
 * relationships inside `attributes`, pagination meta with links (§1.2).
 */
import { invocationOf, variablesOf } from '../state/extras';
import type { Item } from '../state/extras';
import { hasPermission } from '../state/permissions';
import type { SimServer } from '../state/servers';
import { subuserBook } from '../state/subusers';
import type { SimState } from '../state/sim-state';
import type { SimFlavor } from '../types';

/** An item. */
export function item(object: string, attributes: Record<string, unknown>): Item {
  return { object, attributes };
}

/** A collection. */
export function list(data: unknown[]): { object: 'list'; data: unknown[] } {
  return { object: 'list', data };
}

const NULL_RESOURCE = { object: 'null_resource', attributes: null };

function allocationItems(server: SimServer, canRead: boolean): Item[] {
  const allocations = canRead ? server.allocations : server.allocations.filter((a) => a.isDefault);
  return allocations.map((a) =>
    item('allocation', { id: a.id, ip: a.ip, ip_alias: a.ipAlias, port: a.port, notes: canRead ? a.notes : null, is_default: a.isDefault }),
  );
}

function relationships(server: SimServer, includes: Set<string>, flavor: SimFlavor): Record<string, unknown> {
  const canReadStartup = hasPermission(server.permissions, 'startup.read');
  const out: Record<string, unknown> = {
    allocations: list(allocationItems(server, hasPermission(server.permissions, 'allocation.read'))),
    variables: canReadStartup ? list(variablesOf(server)) : NULL_RESOURCE,
  };
  if (includes.has('egg')) out.egg = item('egg', { uuid: server.egg.uuid, name: server.egg.name });
  if (includes.has('subusers')) out.subusers = hasPermission(server.permissions, 'user.read') ? list(subuserBook(server, flavor)) : NULL_RESOURCE;
  return out;
}

/** `server` (§4.1), with Pelican's additions when the sim is Pelican (§9). */
export function serverItem(state: SimState, server: SimServer, includes = new Set<string>()): Item {
  const pelican = state.options.flavor === 'pelican';
  const canReadStartup = hasPermission(server.permissions, 'startup.read');
  const limits: Record<string, unknown> = {
    memory: server.limits.memory,
    swap: server.limits.swap,
    disk: server.limits.disk,
    io: server.limits.io,
    cpu: server.limits.cpu,
    threads: server.limits.threads,
    oom_disabled: server.limits.oomDisabled,
  };
  if (pelican) limits.oom_killer = !server.limits.oomDisabled;
  const sftp: Record<string, unknown> = { ip: state.options.host, port: 2022 };
  if (pelican) sftp.alias = null;
  const attributes: Record<string, unknown> = {
    server_owner: server.permissions === null,
    identifier: server.identifier,
    ...(state.options.serverIdentifiers === 'prefixed' ? { server_identifier: server.identifier, __deprecated_uuid_short: server.uuid.slice(0, 8) } : {}),
    internal_id: server.internalId,
    uuid: server.uuid,
    name: server.name,
    node: server.node,
    is_node_under_maintenance: state.nodeMaintenance,
    sftp_details: sftp,
    // Pelican drops it only when `panel.editable_server_descriptions` is off (default on).
    description: server.description,
    limits,
    invocation: canReadStartup ? invocationOf(server) : server.egg.startup.replaceAll(/\{\{\w+\}\}/g, '[hidden]'),
    docker_image: server.dockerImage,
    egg_features: server.egg.features,
    feature_limits: { ...server.featureLimits },
    status: server.status,
    is_suspended: server.status === 'suspended',
    is_installing: server.status === 'installing',
    is_transferring: server.isTransferring,
    relationships: relationships(server, includes, state.options.flavor),
  };
  return item('server', attributes);
}

/** The `include` query as a set. */
export function includesOf(query: URLSearchParams): Set<string> {
  return new Set(
    (query.get('include') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** Page bounds from `page` / `per_page`, clamped like the panel (`min(per_page, max)`). */
export function pageParams(query: URLSearchParams, defaultPerPage: number, maxPerPage: number): { page: number; perPage: number } {
  const perPageRaw = Number.parseInt(query.get('per_page') ?? '', 10);
  const pageRaw = Number.parseInt(query.get('page') ?? '', 10);
  const perPage = Number.isFinite(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, maxPerPage) : defaultPerPage;
  const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1;
  return { page, perPage };
}

/** A paginated list with Fractal's `meta.pagination` (links to the previous/next pages). */
export function paginated(
  baseUrl: string,
  query: URLSearchParams,
  items: unknown[],
  page: number,
  perPage: number,
  extraMeta: Record<string, unknown> = {},
): unknown {
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const data = items.slice((page - 1) * perPage, page * perPage);
  const link = (target: number): string => {
    const params = new URLSearchParams(query);
    params.set('page', String(target));
    return `${baseUrl}?${params.toString()}`;
  };
  const links: Record<string, string> = {};
  if (page > 1) links.previous = link(page - 1);
  if (page < totalPages) links.next = link(page + 1);
  return {
    ...list(data),
    meta: {
      pagination: { total, count: data.length, per_page: perPage, current_page: page, total_pages: totalPages, links },
      ...extraMeta,
    },
  };
}
