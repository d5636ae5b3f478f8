/**
 * `--json` output speaks the API's own field names (snake_case, `memory` in MiB, `uptime` in ms),
 * so scripts written against the panel's docs read the CLI's output the same way. These functions
 * turn the core's normalised models back into those names.
 */
import type { Account, Database, FileEntry, Server, ServerResources } from '../../core/api/models';
import type { ObservedState } from '../../core/monitor/diff';

/** `GET /account` attributes, with Pelican's `uuid` added when present. */
export function accountJson(account: Account): Record<string, unknown> {
  return {
    id: account.id,
    uuid: account.uuid,
    admin: account.isAdmin,
    username: account.username,
    email: account.email,
    first_name: account.firstName,
    last_name: account.lastName,
    language: account.language,
  };
}

/** `limits` as the server object names them (MiB, percent). */
export function limitsJson(server: Server): { memory: number; disk: number; cpu: number } {
  return { memory: server.limits.memoryMib, disk: server.limits.diskMib, cpu: server.limits.cpuPercent };
}

/** One row of `pterotray servers --json`. `state` is Wings' word (the websocket's `stats.state`). */
export function serverRowJson(server: Server, state: ObservedState): Record<string, unknown> {
  return {
    identifier: server.identifier,
    uuid: server.uuid,
    name: server.name,
    node: server.node,
    state,
    status: server.status,
    is_suspended: server.isSuspended,
    limits: limitsJson(server),
  };
}

/** `GET /resources`' `resources` object. */
export function resourcesJson(resources: ServerResources): Record<string, number> {
  return {
    memory_bytes: resources.memoryBytes,
    cpu_absolute: resources.cpuAbsolute,
    disk_bytes: resources.diskBytes,
    network_rx_bytes: resources.networkRxBytes,
    network_tx_bytes: resources.networkTxBytes,
    uptime: resources.uptimeMs,
  };
}

/** One `server_database`'s attributes, as the panel names them, never with a password. */
export function databaseJson(database: Database): Record<string, unknown> {
  return {
    id: database.id,
    name: database.name,
    username: database.username,
    host: { address: database.host.address, port: database.host.port },
    connections_from: database.connectionsFrom,
    max_connections: database.maxConnections,
  };
}

/** One `file_object`'s attributes. */
export function fileJson(file: FileEntry): Record<string, unknown> {
  return {
    name: file.name,
    mode: file.mode,
    mode_bits: file.modeBits,
    size: file.sizeBytes,
    is_file: file.isFile,
    is_symlink: file.isSymlink,
    mimetype: file.mimetype,
    created_at: file.createdAt,
    modified_at: file.modifiedAt,
  };
}
