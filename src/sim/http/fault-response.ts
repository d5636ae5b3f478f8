/**
 * What an injected fault does to a request (§ control `injectFault`). Status faults get a body in
 * the right shape for the listener (panel `{errors:[…]}`, Wings `{error}`) unless one is given.
 */
import type { SimFault } from '../types';
import type { TimerSet } from '../util/timers';
import { PanelHttpError, nodeUnreachable, unexpected } from './errors';
import { send, sendJson } from './respond';
import type { HttpContext } from './respond';

/** Which listener the request came to. */
export type Side = 'panel' | 'wings';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthenticated.',
  403: 'This action is unauthorized.',
  404: 'The requested resource could not be found on the server.',
  409: 'Conflict',
  429: 'Too Many Attempts.',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function defaultPanelError(status: number): PanelHttpError {
  if (status === 504) return nodeUnreachable();
  if (status === 500) return unexpected();
  if (status === 429) return new PanelHttpError(429, 'ThrottleRequestsException', 'Too Many Attempts.', undefined, { 'Retry-After': '1' });
  return new PanelHttpError(status, 'HttpException', REASONS[status] ?? 'An error occurred.');
}

function sendStatusFault(ctx: HttpContext, fault: Extract<SimFault, { type: 'status' }>, side: Side): void {
  const headers = fault.headers ?? {};
  if (fault.body !== undefined) {
    const text = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
    const type = typeof fault.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
    send(ctx, fault.status, { 'Content-Type': type, ...headers }, text);
    return;
  }
  if (side === 'wings') {
    sendJson(ctx, fault.status, { error: REASONS[fault.status] ?? 'An unexpected error was encountered.' }, headers);
    return;
  }
  const error = defaultPanelError(fault.status);
  sendJson(ctx, fault.status, error.body(), { ...error.headers, ...headers });
}

const CHALLENGE_PAGE =
  '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head>' +
  '<body><h1>Checking your browser before accessing the panel.</h1><p>This process is automatic.</p></body></html>\n';

/** Applies a fault; true when the request has been answered (or destroyed) and must stop here. */
export async function applyFault(ctx: HttpContext, fault: SimFault, side: Side, timers: TimerSet): Promise<boolean> {
  switch (fault.type) {
    case 'delay':
      await timers.delay(fault.ms);
      return ctx.res.destroyed;
    case 'truncate':
      ctx.truncate = true;
      return false;
    case 'reset':
      ctx.log.status = 0;
      ctx.req.socket.destroy();
      return true;
    case 'malformed':
      send(ctx, 200, { 'Content-Type': 'application/json' }, '{"object":"list","data":[{"object":"server","attributes":{"identifier":');
      return true;
    case 'html':
      send(ctx, 200, { 'Content-Type': 'text/html; charset=UTF-8' }, CHALLENGE_PAGE);
      return true;
    case 'status':
      sendStatusFault(ctx, fault, side);
      return true;
  }
}
