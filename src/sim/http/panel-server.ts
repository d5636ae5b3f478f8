/**
 * The panel's request pipeline: log, faults, body, middleware (panel-auth.ts), route lookup,
 * `{server}` binding (404), conflict state (409), permission (403), node reachability (504),
 * handler. Errors render as JSON, or as Laravel does for clients that did not ask for JSON.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasPermission } from '../state/permissions';
import type { SimServer } from '../state/servers';
import type { SimState } from '../state/sim-state';
import { isJsonContent, parseJsonBody, readBody } from './body';
import { PanelHttpError, conflict, forbidden, nodeUnreachable, notFound, unexpected } from './errors';
import { applyFault } from './fault-response';
import { authenticate, guard } from './panel-auth';
import { combineLimitHeaders } from './rate-limit';
import type { RateLimiter, WindowLimiter } from './rate-limit';
import { routeLimitsFor } from './route-limits';
import type { FaultRegistry, RequestLog } from './request-log';
import { expectsJson, htmlPage, send, sendJson } from './respond';
import type { HttpContext } from './respond';
import type { PanelRoute, RouteContext } from './route-types';
import type { RouteMatch, Router } from './router';

/** What the pipeline needs. */
export interface PanelDeps {
  state: SimState;
  router: Router<PanelRoute>;
  log: RequestLog;
  faults: FaultRegistry;
  limiter: RateLimiter;
  /** The per-route limits of the version (route-limits.ts). */
  routeLimiter: WindowLimiter;
  /** Handles `/__sim/*` (not logged, not faulted, not rate limited). */
  control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

/** Renders an error the way Laravel's handler would for this client. */
export function renderPanelError(ctx: HttpContext, error: unknown, panelUrl: string): void {
  const httpError = error instanceof PanelHttpError ? error : unexpected();
  // A bug in the sim, not a simulated failure: say so when asked, without ever printing a request.
  if (!(error instanceof PanelHttpError) && process.env.PTEROTRAY_SIM_DEBUG) console.error('sim: handler failed', error);
  if (expectsJson(ctx.req)) {
    sendJson(ctx, httpError.status, httpError.body(), httpError.headers);
    return;
  }
  if (httpError.status === 401 || httpError.status === 422) {
    const target = httpError.status === 401 ? `${panelUrl}/auth/login` : (ctx.req.headers.referer ?? `${panelUrl}/`);
    send(ctx, 302, { Location: target, 'Content-Type': 'text/html; charset=UTF-8', ...httpError.headers }, htmlPage('Redirecting', `Redirecting to ${target}`));
    return;
  }
  send(ctx, httpError.status, { 'Content-Type': 'text/html; charset=UTF-8', ...httpError.headers }, htmlPage(String(httpError.status), httpError.detail));
}

function landing(ctx: HttpContext, state: SimState): void {
  const path = ctx.url.pathname;
  if (ctx.method === 'GET' && (path === '/' || path === '/auth/login')) {
    const brand = state.options.flavor === 'pelican' ? 'Pelican' : 'Pterodactyl';
    send(ctx, 200, { 'Content-Type': 'text/html; charset=UTF-8' }, htmlPage(brand, 'Simulated panel (Pterotray). Log in with an API key.'));
    return;
  }
  throw notFound();
}

/**
 * The route's own `ThrottleRequests` (route-limits.ts), inside `throttle:api.client`: counted after
 * the global hit, and its headers combined with the global pair as Laravel's pipeline does.
 */
function limitRoute(ctx: HttpContext, deps: PanelDeps, route: PanelRoute, server: SimServer): void {
  const limit = route.limit ? routeLimitsFor(deps.state.options.version)[route.limit] : undefined;
  if (!route.limit || !limit) return;
  const key = limit.by === 'server' ? `${route.limit}:${server.uuid}` : `${route.limit}:user:1`;
  const result = deps.routeLimiter.hit(key, limit.max, limit.periodMs);
  const combined = combineLimitHeaders(ctx.extraHeaders, result.headers);
  for (const name of Object.keys(ctx.extraHeaders)) if (name.startsWith('X-RateLimit-') || name === 'Retry-After') delete ctx.extraHeaders[name];
  Object.assign(ctx.extraHeaders, combined);
  if (!result.allowed) throw new PanelHttpError(429, 'ThrottleRequestsException', 'Too Many Attempts.');
}

function checkRoute(ctx: HttpContext, deps: PanelDeps, match: RouteMatch<PanelRoute>, json: unknown): RouteContext['server'] {
  const { state } = deps;
  const id = match.params.server;
  if (id === undefined) return null;
  const server = state.find(id);
  if (!server) throw notFound();
  // AuthenticateServerAccess `$except`: a root admin gets a websocket token for an installing or
  // transferring server (pterodactyl and pelican app/Http/Middleware/Api/Client/Server/
  // AuthenticateServerAccess.php); a suspended server or a node in maintenance still refuses.
  const isAdminExcepted =
    match.route.isAdminConflictExempt === true &&
    state.options.rootAdmin &&
    !state.nodeMaintenance &&
    (server.status === 'installing' || server.isTransferring);
  if (!match.route.conflictExempt && !isAdminExcepted) {
    const detail = state.conflictDetail(server);
    if (detail) throw conflict(detail);
  }
  limitRoute(ctx, deps, match.route, server);
  const permission = match.route.permission;
  const needed = typeof permission === 'function' ? permission(json) : permission;
  if (needed && !hasPermission(server.permissions, needed)) throw forbidden();
  if (match.route.wings && !state.nodeReachable) throw nodeUnreachable();
  return server;
}

async function run(deps: PanelDeps, ctx: HttpContext, match: ReturnType<Router<PanelRoute>['match']>): Promise<void> {
  const { state } = deps;
  if (!ctx.url.pathname.startsWith('/api/')) return landing(ctx, state);
  const rawBody = await readBody(ctx.req);
  const key = authenticate(ctx, state);
  const json = isJsonContent(ctx.req) ? parseJsonBody(rawBody) : undefined;
  guard(ctx, state, deps.limiter, key);
  if (!match) throw notFound();
  if ('allowed' in match) {
    throw new PanelHttpError(
      405,
      'MethodNotAllowedHttpException',
      `The ${ctx.method} method is not supported for route ${ctx.url.pathname.slice(1)}. Supported methods: ${match.allowed.join(', ')}.`,
    );
  }
  const server = checkRoute(ctx, deps, match, json);
  const routeCtx: RouteContext = Object.assign(ctx, { state, routeKey: match.key, params: match.params, query: ctx.url.searchParams, rawBody, json, server });
  await match.route.handler(routeCtx);
}

/** The panel's `request` listener. */
export function createPanelHandler(deps: PanelDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(deps, req, res).catch(() => res.destroy());
  };
}

async function handle(deps: PanelDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  if (url.pathname.startsWith('/__sim/')) return deps.control(req, res, url);
  const method = (req.method ?? 'GET').toUpperCase();
  // Laravel answers HEAD with the GET route (Node drops the body).
  const match = deps.router.match(method === 'HEAD' ? 'GET' : method, url.pathname);
  const routeKey = match && 'key' in match ? match.key : `${method} ${url.pathname}`;
  const log = deps.log.record({ method, route: routeKey, path: url.pathname, port: 'panel', timeMs: deps.state.clock.now() });
  const ctx: HttpContext = { req, res, method, url, log, extraHeaders: {}, truncate: false };
  const fault = deps.faults.take(method, routeKey, url.pathname);
  if (fault && (await applyFault(ctx, fault, 'panel', deps.state.timers))) {
    req.resume();
    return;
  }
  try {
    await run(deps, ctx, match);
  } catch (error) {
    req.resume();
    renderPanelError(ctx, error, deps.state.panelUrl);
  }
}
