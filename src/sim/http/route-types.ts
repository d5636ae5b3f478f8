/** What a panel route is and what its handler gets. */
import type { SimServer } from '../state/servers';
import type { SimState } from '../state/sim-state';
import type { HttpContext } from './respond';
import type { RouteLimitName } from './route-limits';
import type { RouteBase } from './router';

/** A request that reached a handler: authenticated, within the rate limit, server resolved. */
export interface RouteContext extends HttpContext {
  readonly state: SimState;
  readonly routeKey: string;
  readonly params: Record<string, string>;
  readonly query: URLSearchParams;
  readonly rawBody: Buffer;
  /** The parsed JSON body, when the request had a JSON content type. */
  readonly json: unknown;
  /** The `{server}` of `/servers/{server}/…` routes (identifier or uuid), resolved. */
  readonly server: SimServer | null;
}

/** One client API route. */
export interface PanelRoute extends RouteBase {
  /** The subuser permission needed (403 without it); a function of the JSON body when it depends on it. */
  permission?: string | ((json: unknown) => string | null);
  /** True only for `GET /servers/{server}`, which works in every conflict state (§2.3). */
  conflictExempt?: boolean;
  /** True only for `GET /servers/{server}/websocket`: a root admin's request passes an install or a transfer. */
  isAdminConflictExempt?: boolean;
  /** The version's own limit on this route (route-limits.ts), checked after 409 and before 403. */
  limit?: RouteLimitName;
  /** The panel asks Wings: 504 while the node is unreachable. */
  wings?: boolean;
  handler(ctx: RouteContext): void | Promise<void>;
}

/** The resolved server of a `/servers/{server}` route (the pipeline guarantees it). */
export function serverOf(ctx: RouteContext): SimServer {
  if (!ctx.server) throw new Error(`route ${ctx.routeKey} has no {server}`);
  return ctx.server;
}
