/**
 * What the client knows of one panel's per-server route limits (route-limits.ts): a sliding
 * count per server and route so the (limit+1)th request in a window is never sent, the block a
 * route's own 429 sets on that one server and route, and what the route's headers say. The
 * scheduler asks it before sending and tells it every answer.
 *
 * The headers on a limited route are whichever of the route's pair and the global pair is
 * tighter: Laravel's outer ThrottleRequests (`throttle:api.client`) adds nothing to a response
 * that already carries an X-RateLimit-Remaining at or below its own (ThrottleRequests::getHeaders).
 */
import { PanelError } from './errors';
import { readErrorBody } from './http-errors';
import { header, type RawResponse } from './raw-response';
import { parseCountHeader, parseResetMs, parseRetryAfterMs } from './retry-after';
import { routeLimitSpec, serverKeyOf, type RouteLimitId, type RouteLimitSpec, type RouteLimitVariant, type RouteMatch } from './route-limits';

/** A request admitted on a limited route; hand it back on send and on giving up. */
export interface RouteTicket {
  readonly match: RouteMatch;
  readonly key: string;
  isReserved: boolean;
}

/** How the scheduler should take an answer on a limited route. */
export type RouteVerdict = 'global' | 'route';

interface Counter {
  sendsMs: number[];
  reserved: number;
  blockedUntilMs: number;
}

/** What this panel was seen to do on one route, for all its servers. */
interface RouteState {
  variant: RouteLimitVariant;
  /** The panel answered this route with the global pair and room above the route's limit. */
  isAbsent: boolean;
}

const MINUTE_MS = 60_000;

function perWindow(windowMs: number): string {
  if (windowMs === MINUTE_MS) return 'a minute';
  if (windowMs % MINUTE_MS === 0) return `per ${windowMs / MINUTE_MS} minutes`;
  return `per ${Math.round(windowMs / 1000)} seconds`;
}

/** "45 s", "7 min": rounded up, so "try again in" is never too early. */
export function waitWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/** Per-server route counts and blocks for one panel. */
export class RouteLimiter {
  private readonly counters = new Map<string, Counter>();
  private readonly routes = new Map<RouteLimitId, RouteState>();

  /** A ticket when the request may be queued; else the PanelError to fail it with, at once. */
  admit(match: RouteMatch, nowMs: number): { ticket: RouteTicket } | { error: PanelError } {
    const key = this.keyOf(match);
    const waitMs = this.waitFor(key, match, nowMs, true);
    if (waitMs > 0) return { error: this.errorFor(match, waitMs) };
    this.counter(key).reserved += 1;
    return { ticket: { match, key, isReserved: true } };
  }

  /** How long an admitted request must still wait before it may be sent (0: now). */
  sendWaitMs(ticket: RouteTicket, nowMs: number): number {
    return this.waitFor(ticket.key, ticket.match, nowMs, false);
  }

  /** An attempt of the request is going out now. */
  sent(ticket: RouteTicket, nowMs: number): void {
    const counter = this.counter(ticket.key);
    this.unreserve(ticket, counter);
    counter.sendsMs.push(nowMs);
  }

  /** The request ends without (another) send: cancelled, refused or disposed. */
  release(ticket: RouteTicket): void {
    this.unreserve(ticket, this.counter(ticket.key));
  }

  /** How long until `server` may use `route` (0: now). Same key rules as the requests. */
  waitMs(server: string, route: RouteLimitId, nowMs: number): number {
    const match = { spec: routeLimitSpec(route), server: serverKeyOf(server) };
    return this.waitFor(this.keyOf(match), match, nowMs, true);
  }

  /** Learns from an answer on a limited route; says whether its headers and 429 are the panel's. */
  observe(ticket: RouteTicket, res: RawResponse, globalLimit: number | null, nowMs: number): RouteVerdict {
    const { spec } = ticket.match;
    const limit = parseCountHeader(header(res, 'x-ratelimit-limit'));
    const remaining = parseCountHeader(header(res, 'x-ratelimit-remaining'));
    if (spec.via === 'service') {
      // The service's 429 carries the global pair (the outer throttle adds it) and a Retry-After.
      const isOwn = res.status === 429 && readErrorBody(res.body).code === 'TooManyRequestsHttpException';
      if (isOwn) this.block(ticket.key, res, nowMs);
      return isOwn ? 'route' : 'global';
    }
    if (limit === null) {
      // No pair at all: only a 429 names a limit, and without one it cannot be said to be ours.
      return 'global';
    }
    const state = this.state(spec.id);
    if (this.isGlobalPair(limit, spec, globalLimit)) {
      // A route limiter would have shown its own remaining (at most limit-1): a 2xx with more
      // room than the route's whole limit means this panel has none here (Pterodactyl 1.11).
      if (res.status < 300 && remaining !== null && remaining >= state.variant.limit) state.isAbsent = true;
      return 'global';
    }
    this.adopt(spec.id, limit);
    // Adopting another generation's figure may change who shares the count (1.11: the user).
    const key = this.keyOf(ticket.match);
    if (res.status === 429) this.block(key, res, nowMs);
    else if (remaining !== null) this.padTo(key, limit - remaining, nowMs);
    return 'route';
  }

  /** The message for a request refused (or answered 429) on this route. */
  errorFor(match: RouteMatch, waitMs: number, status?: number): PanelError {
    const { variant } = this.state(match.spec.id);
    const [one, many] = match.spec.noun;
    const where = variant.scope === 'server' ? 'on this server' : 'for your account';
    return new PanelError({
      kind: 'rate-limited',
      status,
      retryAfterMs: waitMs,
      rateLimitScope: variant.scope,
      message: `The panel allows ${variant.limit} ${variant.limit === 1 ? one : many} ${perWindow(variant.windowMs)} ${where}; try again in ${waitWords(waitMs)}.`,
    });
  }

  /** The wait for one key; `withReserved` counts requests admitted but not yet sent. */
  private waitFor(key: string, match: RouteMatch, nowMs: number, withReserved: boolean): number {
    const state = this.state(match.spec.id);
    const counter = this.counters.get(key);
    if (!counter) return 0;
    const blockedMs = Math.max(0, counter.blockedUntilMs - nowMs);
    if (state.isAbsent) return blockedMs;
    const { limit, windowMs } = state.variant;
    counter.sendsMs = counter.sendsMs.filter((at) => nowMs - at < windowMs);
    const used = counter.sendsMs.length + (withReserved ? counter.reserved : 0);
    if (used < limit) return blockedMs;
    // The oldest send that has to leave the window before one more fits.
    const freeAt = used - limit < counter.sendsMs.length ? (counter.sendsMs[used - limit] as number) + windowMs : nowMs + windowMs;
    return Math.max(blockedMs, freeAt - nowMs);
  }

  private isGlobalPair(limit: number, spec: RouteLimitSpec, globalLimit: number | null): boolean {
    if (globalLimit !== null) return limit >= globalLimit;
    // The global limit not known yet: a figure no generation gives this route is the global one.
    return limit > Math.max(this.state(spec.id).variant.limit, ...spec.variants.map((v) => v.limit));
  }

  /** The panel named the route's limit: a known generation's figure, or the admin's own. */
  private adopt(id: RouteLimitId, limit: number): void {
    const state = this.state(id);
    state.isAbsent = false;
    if (state.variant.limit === limit) return;
    const spec = routeLimitSpec(id);
    state.variant = spec.variants.find((v) => v.limit === limit) ?? { ...spec.variants[0], limit, panels: 'this panel' };
  }

  private block(key: string, res: RawResponse, nowMs: number): void {
    const counter = this.counter(key);
    const waitMs = parseRetryAfterMs(header(res, 'retry-after'), nowMs) ?? parseResetMs(header(res, 'x-ratelimit-reset'), nowMs) ?? MINUTE_MS;
    counter.blockedUntilMs = Math.max(counter.blockedUntilMs, nowMs + waitMs);
  }

  /** Other users of the server count too: make the local count at least what the panel said. */
  private padTo(key: string, used: number, nowMs: number): void {
    const counter = this.counter(key);
    while (counter.sendsMs.length < used) counter.sendsMs.push(nowMs);
  }

  private unreserve(ticket: RouteTicket, counter: Counter): void {
    if (!ticket.isReserved) return;
    ticket.isReserved = false;
    counter.reserved = Math.max(0, counter.reserved - 1);
  }

  private keyOf(match: RouteMatch): string {
    const scope = this.state(match.spec.id).variant.scope;
    return `${match.spec.id} ${scope === 'server' ? match.server : '*'}`;
  }

  private counter(key: string): Counter {
    let counter = this.counters.get(key);
    if (!counter) {
      counter = { sendsMs: [], reserved: 0, blockedUntilMs: 0 };
      this.counters.set(key, counter);
    }
    return counter;
  }

  private state(id: RouteLimitId): RouteState {
    let state = this.routes.get(id);
    if (!state) {
      state = { variant: routeLimitSpec(id).variants[0], isAbsent: false };
      this.routes.set(id, state);
    }
    return state;
  }
}
