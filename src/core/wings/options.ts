/** WingsSocketOptions with every default filled in, resolved once per socket. */
import WebSocket from 'ws';
import { silentLogger, systemClock, type Clock, type Logger } from '../util/deps';
import { DEFAULT_BACKOFF } from './backoff';
import { panelOrigin } from './origin';
import type { BackoffOptions, WebSocketConstructor, WingsSocketOptions } from './types';

/** The defaults: a 15 s connect timeout, 10 s between token fetches, 30 s to count as stable. */
export const WINGS_SOCKET_DEFAULTS = {
  connectTimeoutMs: 15_000,
  minRefreshIntervalMs: 10_000,
  stableAfterMs: 30_000,
} as const;

/** Options after defaults; `origin` is derived from `panelUrl`. */
export interface ResolvedSocketOptions {
  fetchCredentials: WingsSocketOptions['fetchCredentials'];
  origin: string;
  WebSocketImpl: WebSocketConstructor;
  clock: Clock;
  logger: Logger;
  random: () => number;
  backoff: Required<BackoffOptions>;
  connectTimeoutMs: number;
  minRefreshIntervalMs: number;
  stableAfterMs: number;
}

/** Fills in the defaults; throws a TypeError for a panel URL that does not parse. */
export function resolveSocketOptions(opts: WingsSocketOptions): ResolvedSocketOptions {
  return {
    fetchCredentials: opts.fetchCredentials,
    origin: panelOrigin(opts.panelUrl),
    WebSocketImpl: opts.WebSocketImpl ?? WebSocket,
    clock: opts.clock ?? systemClock,
    logger: opts.logger ?? silentLogger,
    random: opts.random ?? Math.random,
    backoff: {
      initialMs: opts.backoff?.initialMs ?? DEFAULT_BACKOFF.initialMs,
      maxMs: opts.backoff?.maxMs ?? DEFAULT_BACKOFF.maxMs,
    },
    connectTimeoutMs: opts.connectTimeoutMs ?? WINGS_SOCKET_DEFAULTS.connectTimeoutMs,
    minRefreshIntervalMs: opts.minRefreshIntervalMs ?? WINGS_SOCKET_DEFAULTS.minRefreshIntervalMs,
    stableAfterMs: opts.stableAfterMs ?? WINGS_SOCKET_DEFAULTS.stableAfterMs,
  };
}
