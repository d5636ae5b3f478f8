/**
 * `server` objects (pterodactyl-api.md §4.1, Pelican §9, and the seed guide's simplified entry).
 */
import { serverIdentifierProblem } from '../../../shared/server-identifier';
import type { Allocation, FeatureLimits, Server, ServerDetails, ServerLimits, SftpDetails } from '../models';
import { meta, parseRelationshipList, unwrapItem } from './envelope';
import { badResponse, describeType, field, isRecord, optBool, optNumber, optString, reqNumber, reqString, stringArray, type JsonRecord } from './guards';

/** One `allocation` (`{id, ip, ip_alias, port, notes, is_default}`). */
export function normalizeAllocation(a: JsonRecord): Allocation {
  return {
    id: reqNumber(a, 'id', 'allocation'),
    ip: reqString(a, 'ip', 'allocation'),
    ipAlias: optString(field(a, 'ip_alias'), null),
    port: reqNumber(a, 'port', 'allocation'),
    notes: optString(field(a, 'notes'), null),
    isDefault: optBool(field(a, 'is_default'), false),
  };
}

function limitsOf(a: JsonRecord): ServerLimits {
  const l = isRecord(field(a, 'limits')) ? (field(a, 'limits') as JsonRecord) : {};
  const oomDisabled = optBool(field(l, 'oom_disabled'), null);
  const oomKiller = optBool(field(l, 'oom_killer'), null);
  return {
    memoryMib: optNumber(field(l, 'memory'), 0),
    swapMib: optNumber(field(l, 'swap'), 0),
    diskMib: optNumber(field(l, 'disk'), 0),
    io: optNumber(field(l, 'io'), null),
    cpuPercent: optNumber(field(l, 'cpu'), 0),
    threads: optString(field(l, 'threads'), null),
    // Pelican adds oom_killer and keeps oom_disabled as its inverse; older panels send only one.
    oomDisabled: oomDisabled ?? (oomKiller === null ? null : !oomKiller),
  };
}

function featureLimitsOf(a: JsonRecord): FeatureLimits {
  const f = isRecord(field(a, 'feature_limits')) ? (field(a, 'feature_limits') as JsonRecord) : {};
  return {
    databases: optNumber(field(f, 'databases'), null),
    allocations: optNumber(field(f, 'allocations'), null),
    backups: optNumber(field(f, 'backups'), null),
  };
}

function sftpOf(a: JsonRecord): SftpDetails | null {
  const s = field(a, 'sftp_details');
  if (!isRecord(s)) return null;
  const ip = optString(field(s, 'ip'), null);
  if (ip === null) return null;
  return { ip, port: optNumber(field(s, 'port'), 2022), alias: optString(field(s, 'alias'), null) };
}

function identifierOf(a: JsonRecord, uuid: string | null): string {
  const value = field(a, 'identifier');
  if (value === undefined && uuid !== null) return uuid.slice(0, 8); // the identifier is the uuid's first 8
  if (typeof value !== 'string' || value === '') {
    throw badResponse(`server.identifier should be a non-empty string, got ${describeType(value)}`);
  }
  // Any shape the panel uses, but bounded: it goes into every /servers/{server} path.
  const problem = serverIdentifierProblem(value);
  if (problem !== null) throw badResponse(`server.identifier ${problem}`);
  return value;
}

function statusOf(a: JsonRecord): string | null {
  return optString(field(a, 'status'), null);
}

/** The attributes of a `server` (wrapped or not) as a Server. */
export function normalizeServer(raw: unknown): Server {
  const a = unwrapItem(raw, 'server');
  const uuid = optString(field(a, 'uuid'), null);
  const status = statusOf(a);
  return {
    identifier: identifierOf(a, uuid),
    uuid,
    internalId: optNumber(field(a, 'internal_id'), null),
    name: reqString(a, 'name', 'server'),
    node: optString(field(a, 'node'), ''),
    description: optString(field(a, 'description'), null),
    isOwner: optBool(field(a, 'server_owner'), false),
    status,
    isSuspended: status === 'suspended' || optBool(field(a, 'is_suspended'), false),
    isInstalling: status === 'installing' || optBool(field(a, 'is_installing'), false),
    isTransferring: optBool(field(a, 'is_transferring'), false),
    isNodeUnderMaintenance: optBool(field(a, 'is_node_under_maintenance'), false),
    sftp: sftpOf(a),
    limits: limitsOf(a),
    featureLimits: featureLimitsOf(a),
    invocation: optString(field(a, 'invocation'), null),
    dockerImage: optString(field(a, 'docker_image'), null),
    eggFeatures: stringArray(field(a, 'egg_features')),
    allocations: parseRelationshipList(a, 'allocations', normalizeAllocation),
  };
}

/** `GET /servers/{server}`: the server plus `meta.is_server_owner` and `meta.user_permissions`. */
export function normalizeServerDetails(raw: unknown): ServerDetails {
  const server = normalizeServer(raw);
  const m = meta(raw);
  const isServerOwner = optBool(field(m, 'is_server_owner'), server.isOwner);
  const userPermissions = isServerOwner ? ['*'] : stringArray(field(m, 'user_permissions'));
  return { ...server, isServerOwner, userPermissions };
}
