/**
 * The panel's middleware before a route runs (§1.1): bearer key (401, or a 302 to the login page
 * for non-JSON clients), application keys (403), malformed JSON (400), enforced 2FA (400),
 * allowed IPs (403) and the rate limit (429).
 */
import type { SimState } from '../state/sim-state';
import { PanelHttpError, badRequest, forbidden } from './errors';
import type { RateLimiter } from './rate-limit';
import type { HttpContext } from './respond';

/** 401 `AuthenticationException`. */
export function unauthenticated(): PanelHttpError {
  return new PanelHttpError(401, 'AuthenticationException', 'Unauthenticated.');
}

/** The bearer token of a request, or null. */
export function bearerOf(ctx: HttpContext): string | null {
  const header = ctx.req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** Checks the key; returns it (the rate-limit key). */
export function authenticate(ctx: HttpContext, state: SimState): string {
  const key = bearerOf(ctx);
  if (key !== null && /^(ptla_|papp_)/.test(key) && key.length === 48) {
    throw forbidden('You are attempting to use an application API key on an endpoint that requires a client API key.');
  }
  if (key === null || state.apiKey === null || key !== state.apiKey) throw unauthenticated();
  return key;
}

function clientIp(ctx: HttpContext): string {
  return (ctx.req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}

/** 2FA, IP and rate limit, in the panel's middleware order. Adds the rate-limit headers to the context. */
export function guard(ctx: HttpContext, state: SimState, limiter: RateLimiter, key: string): void {
  const path = ctx.url.pathname;
  const twoFactorExempt = (ctx.method === 'GET' && path === '/api/client/account') || path.startsWith('/api/client/account/two-factor');
  if (state.twoFactorRequired && !twoFactorExempt) {
    throw badRequest('Two-factor authentication is required on this account in order to access this endpoint.', 'TwoFactorAuthRequiredException');
  }
  if (!state.ipAllowed) {
    throw forbidden(`This IP address (${clientIp(ctx)}) does not have permission to access the API using these credentials.`);
  }
  const result = limiter.hit(key);
  Object.assign(ctx.extraHeaders, result.headers);
  if (!result.allowed) throw new PanelHttpError(429, 'ThrottleRequestsException', 'Too Many Attempts.');
}
