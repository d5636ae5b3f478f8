/**
 * Per-route limits of each panel version, run after `throttle:api.client`, the `{server}` binding
 * and `AuthenticateServerAccess` (404, 409) and before the controller's form request (403, 422):
 * - Pelican `routes/api-client.php` puts `ResourceLimit::X->middleware()` on seven routes;
 *   `app/Enums/ResourceLimit.php` keys each by the server's uuid (`->by($server->uuid)`, so every
 *   user of the server shares it) with the counts of `config/http.php`. Pterodactyl 1.12 is
 *   planned as the same (panel-versions.md).
 * - Pterodactyl 1.11 `routes/api-client.php` has only `POST files/pull` `throttle:10,5`: 10 per
 *   5 minutes keyed by the user (`resolveRequestSignature`: the authenticated user's id).
 */
import type { SimPanelVersion } from '../types';

/** The routes a version limits (Pelican's `ResourceLimit` cases). */
export type RouteLimitName = 'websocket' | 'allocationCreate' | 'backupRestore' | 'databaseCreate' | 'scheduleCreate' | 'subuserCreate' | 'filePull';

/** One limit: `max` hits per `periodMs`, counted per server or per user. */
export interface RouteLimit {
  max: number;
  periodMs: number;
  by: 'server' | 'user';
}

const MINUTE = 60_000;

/** Pelican `config/http.php` `rate_limit.*` defaults (`*_period` in minutes). */
const RESOURCE_LIMITS: Record<RouteLimitName, RouteLimit> = {
  websocket: { max: 5, periodMs: MINUTE, by: 'server' },
  backupRestore: { max: 3, periodMs: 15 * MINUTE, by: 'server' },
  databaseCreate: { max: 2, periodMs: MINUTE, by: 'server' },
  subuserCreate: { max: 10, periodMs: 15 * MINUTE, by: 'server' },
  filePull: { max: 5, periodMs: 10 * MINUTE, by: 'server' },
  // `default` / `default_period`: schedule and allocation creation.
  scheduleCreate: { max: 2, periodMs: MINUTE, by: 'server' },
  allocationCreate: { max: 2, periodMs: MINUTE, by: 'server' },
};

/** The route limits of a version; none without one (the sim before versions). */
export function routeLimitsFor(version: SimPanelVersion | null): Partial<Record<RouteLimitName, RouteLimit>> {
  if (version === null) return {};
  if (version === 'pterodactyl-1.11') return { filePull: { max: 10, periodMs: 5 * MINUTE, by: 'user' } };
  return RESOURCE_LIMITS;
}
