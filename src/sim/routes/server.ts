/** Server routes (§3.2): details, resources, power, command, websocket credentials, activity. */
import { PanelHttpError } from '../http/errors';
import { sendJson, sendNoContent } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { serverOf } from '../http/route-types';
import { includesOf, item, serverItem } from '../http/transform';
import { Validator } from '../http/validate';
import type { PowerSignal } from '../state/power';
import { readStats, restStatsAttributes } from '../state/stats';
import type { TokenBook } from '../wings/tokens';
import { serverActivity } from './activity-read';

const SIGNALS: readonly PowerSignal[] = ['start', 'stop', 'restart', 'kill'];
const SIGNAL_PERMISSION: Record<PowerSignal, string> = {
  start: 'control.start',
  stop: 'control.stop',
  kill: 'control.stop',
  restart: 'control.restart',
};

function details(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const body = {
    ...serverItem(ctx.state, server, includesOf(ctx.query)),
    meta: { is_server_owner: server.permissions === null, user_permissions: server.permissions ?? ['*'] },
  };
  sendJson(ctx, 200, body);
}

/** `/resources`, with the panel's optional per-server cache (§2.4, `resourcesCacheMs`). */
function resources(ctx: RouteContext): void {
  const server = serverOf(ctx);
  const now = ctx.state.clock.now();
  const cacheMs = ctx.state.options.resourcesCacheMs;
  if (cacheMs > 0 && server.resourcesCache && now - server.resourcesCache.atMs < cacheMs) {
    sendJson(ctx, 200, server.resourcesCache.body);
    return;
  }
  const reading = readStats(server, now, ctx.state.options.tickMs);
  const body = item('stats', restStatsAttributes(reading, server.status === 'suspended'));
  if (cacheMs > 0) server.resourcesCache = { atMs: now, body };
  sendJson(ctx, 200, body);
}

function power(ctx: RouteContext): void {
  const validator = new Validator(ctx.json);
  const signal = validator.oneOf('signal', SIGNALS);
  validator.done();
  if (signal) ctx.state.power.signal(serverOf(ctx), signal, 'rest');
  sendNoContent(ctx);
}

/** `POST /command`: 502 while offline (§2.2); otherwise echoed on the console with a reply. */
function command(ctx: RouteContext): void {
  const validator = new Validator(ctx.json);
  const text = validator.string('command');
  validator.done();
  const server = serverOf(ctx);
  if (server.state === 'offline') throw new PanelHttpError(502, 'HttpException', 'Server must be online in order to send commands.');
  // Wings writes the command to the game's stdin and prints nothing itself: only the game answers.
  if (text !== null) ctx.state.power.print(server, server.egg.reply(text));
  sendNoContent(ctx);
}

function powerPermission(json: unknown): string | null {
  const signal = (json as { signal?: unknown } | undefined)?.signal;
  return typeof signal === 'string' && signal in SIGNAL_PERMISSION ? SIGNAL_PERMISSION[signal as PowerSignal] : null;
}

/** The server routes; the websocket one needs the token book shared with Wings. */
export function serverRoutes(tokens: TokenBook): PanelRoute[] {
  const base = '/api/client/servers/:server';
  return [
    { method: 'GET', path: base, conflictExempt: true, handler: details },
    { method: 'GET', path: `${base}/resources`, wings: true, handler: resources },
    { method: 'POST', path: `${base}/power`, wings: true, permission: powerPermission, handler: power },
    { method: 'POST', path: `${base}/command`, wings: true, permission: 'control.console', handler: command },
    {
      method: 'GET',
      path: `${base}/websocket`,
      isAdminConflictExempt: true,
      permission: 'websocket.connect',
      limit: 'websocket',
      // Not the usual envelope (§3.2).
      handler: (ctx) => {
        const server = serverOf(ctx);
        const socket = `${ctx.state.wingsUrl.replace(/^http/, 'ws')}/api/servers/${server.uuid}/ws`;
        sendJson(ctx, 200, { data: { token: tokens.websocket(server), socket } });
      },
    },
    { method: 'GET', path: `${base}/activity`, permission: 'activity.read', handler: serverActivity },
  ];
}
