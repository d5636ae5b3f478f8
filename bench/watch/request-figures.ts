/**
 * REST cost from the sims' request logs: requests per server per minute, the share of each
 * panel's rate limit, the worst 60 s anywhere, and errors. Only the panel port counts: websocket
 * upgrades and signed transfers go to Wings, which has no API rate limit. Pure.
 */
import type { SimRequestLogEntry } from '../../src/sim';
import { maxInSlidingWindow, perUnitPerMinute } from '../lib/stats';

/** One panel's log and limit. */
export interface PanelLog {
  limitPerMinute: number;
  entries: readonly SimRequestLogEntry[];
}

/** What a time span cost. */
export interface RequestFigures {
  requests: number;
  perServerPerMinute: number;
  /** Each panel's requests a minute over its limit, in the span. */
  sharePerPanel: number[];
  /** The highest count in any 60 s over the limit, across panels (a sliding window). */
  peakShare: number;
  /** Answers with a status of 400 or more, or none at all. */
  errors: number;
  tooManyRequests: number;
  byRoute: Record<string, number>;
}

const ONE_MINUTE_MS = 60_000;

function restInSpan(log: PanelLog, fromMs: number, toMs: number): SimRequestLogEntry[] {
  return log.entries.filter((e) => e.port === 'panel' && e.timeMs >= fromMs && e.timeMs < toMs);
}

/** Short route names for the table notes. */
export function routeLabel(route: string): string {
  if (route === 'GET /api/client') return 'list';
  if (route.endsWith('/websocket')) return 'ws token';
  if (route.endsWith('/resources')) return 'resources';
  if (route === 'GET /api/client/account') return 'account';
  return route;
}

/** The cost of [fromMs, toMs) for `servers` servers spread over `logs`. */
export function requestFigures(logs: readonly PanelLog[], servers: number, fromMs: number, toMs: number): RequestFigures {
  const spanMs = Math.max(1, toMs - fromMs);
  const spans = logs.map((log) => restInSpan(log, fromMs, toMs));
  const all = spans.flat();
  const byRoute: Record<string, number> = {};
  for (const entry of all) byRoute[routeLabel(entry.route)] = (byRoute[routeLabel(entry.route)] ?? 0) + 1;
  return {
    requests: all.length,
    perServerPerMinute: perUnitPerMinute(all.length, servers, spanMs),
    sharePerPanel: spans.map((span, i) => perUnitPerMinute(span.length, 1, spanMs) / (logs[i]?.limitPerMinute ?? 1)),
    peakShare: Math.max(
      0,
      ...spans.map(
        (span, i) =>
          maxInSlidingWindow(
            span.map((e) => e.timeMs),
            ONE_MINUTE_MS,
          ) / (logs[i]?.limitPerMinute ?? 1),
      ),
    ),
    errors: all.filter((e) => e.status >= 400 || e.status === 0).length,
    tooManyRequests: all.filter((e) => e.status === 429).length,
    byRoute,
  };
}

/** `list 3, ws token 0` style, biggest first. */
export function describeRoutes(byRoute: Record<string, number>): string {
  const parts = Object.entries(byRoute).sort((a, b) => b[1] - a[1]);
  return parts.length === 0 ? 'none' : parts.map(([route, count]) => `${route} ${count}`).join(', ');
}
