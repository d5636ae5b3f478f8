/**
 * The panels' per-server route limits: routes under `/servers/{server}/` with a throttle of their
 * own on top of the panel-wide `throttle:api.client`. Counted per server for every user of it
 * (Pelican app/Enums/ResourceLimit.php: `->by($server->uuid)`), except where a variant says
 * `account`. The figures are the panels' defaults; an admin can change them, so the limiter
 * believes a route's own X-RateLimit-Limit when the panel sends one (route-limiter.ts).
 */

/** The routes with a limit of their own. */
export type RouteLimitId =
  'websocket' | 'database-create' | 'file-pull' | 'schedule-create' | 'allocation-create' | 'subuser-create' | 'backup-restore' | 'backup-create';

/** Who shares one count: every user of one server, or every request of one API key's user. */
export type RouteLimitScope = 'server' | 'account';

/** One panel generation's figure for a route. */
export interface RouteLimitVariant {
  panels: string;
  limit: number;
  windowMs: number;
  scope: RouteLimitScope;
}

/** A limited route and how each panel generation limits it. */
export interface RouteLimitSpec {
  id: RouteLimitId;
  method: 'GET' | 'POST';
  /** The path after `/servers/{server}/`; `*` stands for one segment (a backup's uuid). */
  pattern: string;
  /** How a person names what is counted: one, many. */
  noun: [string, string];
  /**
   * `throttle`: Laravel's ThrottleRequests on the route, which sends its own X-RateLimit-* pair
   * (the tighter of it and the global one). `service`: a check in the panel's code, whose 429
   * (TooManyRequestsHttpException) has a Retry-After but the global pair.
   */
  via: 'throttle' | 'service';
  /** First: Pelican and Pterodactyl 1.12, which follows it (panel-versions.md). Then older ones. */
  variants: readonly [RouteLimitVariant, ...RouteLimitVariant[]];
}

const MINUTE_MS = 60_000;
const PELICAN = 'Pelican, Pterodactyl 1.12';

function variant(limit: number, minutes: number, panels = PELICAN, scope: RouteLimitScope = 'server'): RouteLimitVariant {
  return { panels, limit, windowMs: minutes * MINUTE_MS, scope };
}

/**
 * Sources: Pelican routes/api-client.php (`ResourceLimit::X->middleware()` on each route),
 * app/Enums/ResourceLimit.php (the limiters; ScheduleCreate and AllocationCreate take
 * `default`), config/http.php (the figures: websocket 5/1 min, database_create 2/1,
 * file_pull 5/10, subuser_create 10/15, backup_restore 3/15, default 2/1). Pterodactyl 1.11
 * routes/api-client.php has only `files/pull` `throttle:10,5` (keyed by user, not server).
 * Backups: app/Services/Backups/InitiateBackupService.php in both, config/backups.php
 * `throttles` limit 2, period 600 s, per server.
 */
export const ROUTE_LIMITS: readonly RouteLimitSpec[] = [
  { id: 'websocket', method: 'GET', pattern: 'websocket', noun: ['console connection', 'console connections'], via: 'throttle', variants: [variant(5, 1)] },
  { id: 'database-create', method: 'POST', pattern: 'databases', noun: ['new database', 'new databases'], via: 'throttle', variants: [variant(2, 1)] },
  {
    id: 'file-pull',
    method: 'POST',
    pattern: 'files/pull',
    noun: ['download from a URL', 'downloads from a URL'],
    via: 'throttle',
    variants: [variant(5, 10), variant(10, 5, 'Pterodactyl 1.11', 'account')],
  },
  { id: 'schedule-create', method: 'POST', pattern: 'schedules', noun: ['new schedule', 'new schedules'], via: 'throttle', variants: [variant(2, 1)] },
  { id: 'allocation-create', method: 'POST', pattern: 'network/allocations', noun: ['new port', 'new ports'], via: 'throttle', variants: [variant(2, 1)] },
  { id: 'subuser-create', method: 'POST', pattern: 'users', noun: ['new subuser', 'new subusers'], via: 'throttle', variants: [variant(10, 15)] },
  {
    id: 'backup-restore',
    method: 'POST',
    pattern: 'backups/*/restore',
    noun: ['backup restore', 'backup restores'],
    via: 'throttle',
    variants: [variant(3, 15)],
  },
  {
    id: 'backup-create',
    method: 'POST',
    pattern: 'backups',
    noun: ['backup', 'backups'],
    via: 'service',
    variants: [variant(2, 10, 'Pelican, Pterodactyl 1.11 and 1.12')],
  },
];

/** A request on a limited route: which route, for which server. */
export interface RouteMatch {
  spec: RouteLimitSpec;
  /** The server as one count knows it (see serverKeyOf). */
  server: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One key for a server whether it is named by identifier or uuid: the identifier is the uuid's
 * first 8 characters (Pelican app/Services/Servers/ServerCreationService.php `uuid_short`).
 */
export function serverKeyOf(server: string): string {
  return UUID.test(server) ? server.slice(0, 8).toLowerCase() : server.toLowerCase();
}

function matches(pattern: string, rest: string): boolean {
  const want = pattern.split('/');
  const got = rest.split('/');
  return want.length === got.length && want.every((seg, i) => seg === '*' || seg === got[i]);
}

/** The limited route a request goes to, or null. `path` is as serverPath() builds it. */
export function matchRouteLimit(method: string, path: string): RouteMatch | null {
  const m = /^\/servers\/([^/]+)\/(.+?)\/?$/.exec(path);
  if (!m) return null;
  const rest = m[2] as string;
  const spec = ROUTE_LIMITS.find((s) => s.method === method && matches(s.pattern, rest));
  if (!spec) return null;
  let server: string;
  try {
    server = decodeURIComponent(m[1] as string);
  } catch {
    server = m[1] as string;
  }
  return { spec, server: serverKeyOf(server) };
}

/** The spec of a route by id. */
export function routeLimitSpec(id: RouteLimitId): RouteLimitSpec {
  return ROUTE_LIMITS.find((s) => s.id === id) as RouteLimitSpec; // every id is in the table
}
