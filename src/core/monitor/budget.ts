/**
 * The request budget of one panel, as arithmetic. The panel limits each user to
 * `X-RateLimit-Limit` requests a minute (720 on Pterodactyl, 256 on Pelican), shared with the
 * person's browser and other tools; the monitor keeps to `budgetShare` of it.
 *
 * Where the requests go, in steady state: every followed server costs one websocket token per
 * token lifetime (10 min; refreshed at ~9 min, so ~0.11 a minute), the server list costs one page
 * per 100 servers every `listRefreshMs`, and whatever is left is spread over `/resources` polls of
 * the servers that cannot be followed, never faster than `pollIntervalS` per server (the panel
 * caches `/resources` for 20 s, so faster is waste).
 */

/** Assumed until the panel's headers tell: Pelican's 256, the lower of the two defaults. */
export const DEFAULT_LIMIT_PER_MINUTE = 256;
/** Settings clamp the share to this range; so does the monitor, in case they were not checked. */
export const MIN_BUDGET_SHARE = 0.05;
/** Upper bound of the share: the rest of the limit belongs to the person's browser and tools. */
export const MAX_BUDGET_SHARE = 0.5;
/** `/resources` is cached by the panel for 20 s: polling one server faster than this is waste. */
export const MIN_POLL_INTERVAL_MS = 20_000;
/** Servers that answer 409 (suspended, installing…) change rarely: poll them this much slower. */
export const UNAVAILABLE_POLL_FACTOR = 4;
/** ...and never more often than this. */
export const MIN_UNAVAILABLE_POLL_MS = 120_000;
/** Websocket tokens live 10 minutes (the panel's NodeJWTService). */
export const TOKEN_LIFETIME_MS = 600_000;
/** How long before expiry Wings says `token expiring`, when the socket fetches a new one. */
export const TOKEN_REFRESH_LEAD_MS = 60_000;
/** `GET /api/client` pages as PanelClient asks for them (the panel's maximum). */
export const SERVERS_PER_PAGE = 100;
/** Polls keep at least this share of the budget, however many sockets are followed. */
const MIN_POLL_SHARE = 0.2;
/**
 * The bucket holds this share of the minute's budget as burst and refills the rest over the
 * minute, so no 60 s window can ever see more than the budget: burst + refill = 1.
 */
export const BURST_SHARE = 0.1;

/** Requests a minute the monitor may send to a panel whose limit is `limitPerMinute`. */
export function budgetPerMinute(limitPerMinute: number | null, share: number): number {
  const limit = limitPerMinute !== null && limitPerMinute > 0 ? limitPerMinute : DEFAULT_LIMIT_PER_MINUTE;
  const clamped = Math.min(MAX_BUDGET_SHARE, Math.max(MIN_BUDGET_SHARE, Number.isFinite(share) ? share : 0.25));
  return Math.max(1, limit * clamped);
}

/**
 * The token bucket for a budget: its burst capacity and its refill per millisecond. While states
 * are still unknown (start-up) the whole minute may go at once: the window rule below keeps it
 * within the user's half, and a state known a minute sooner is worth more than an even spread.
 */
export function bucketShape(perMinute: number, burstShare = BURST_SHARE): { capacity: number; refillPerMs: number } {
  if (burstShare >= 1) return { capacity: Math.max(1, perMinute), refillPerMs: perMinute / 60_000 };
  return { capacity: Math.max(1, perMinute * BURST_SHARE), refillPerMs: (perMinute * (1 - BURST_SHARE)) / 60_000 };
}

/**
 * However the budget is set, this share of the user's limit stays free in every window of the
 * panel's, for their own browser and tools: X-RateLimit-Remaining counts all of it.
 */
export const RESERVED_SHARE = 0.5;

/** What the window rule reads: the client's view of the panel's window (RateLimitInfo). */
export interface WindowFacts {
  limitPerMinute: number | null;
  windowRemaining?: number | null;
  windowEndsByMs?: number | null;
}

/**
 * Whether one more background request keeps at least RESERVED_SHARE of the limit left in the
 * panel's current window, and if not, when to look again (the window's end). A window nobody was
 * seen to use yet has all of it.
 */
export function windowHeadroom(facts: WindowFacts, nowMs: number): { spare: number; retryAtMs: number | null } {
  const limit = facts.limitPerMinute !== null && facts.limitPerMinute > 0 ? facts.limitPerMinute : DEFAULT_LIMIT_PER_MINUTE;
  const reserve = Math.ceil(limit * RESERVED_SHARE);
  const remaining = facts.windowRemaining ?? limit;
  const spare = remaining - reserve;
  if (spare >= 1) return { spare, retryAtMs: null };
  const endsBy = facts.windowEndsByMs ?? null;
  return { spare, retryAtMs: endsBy !== null && endsBy > nowMs ? endsBy : nowMs + 1_000 };
}

/** Token fetches a minute that `followed` sockets cost in steady state. */
export function tokenRequestsPerMinute(followed: number): number {
  return (followed * 60_000) / (TOKEN_LIFETIME_MS - TOKEN_REFRESH_LEAD_MS);
}

/** List requests a minute for `servers` servers refreshed every `listRefreshMs`. */
export function listRequestsPerMinute(servers: number, listRefreshMs: number): number {
  const pages = Math.max(1, Math.ceil(servers / SERVERS_PER_PAGE));
  return (pages * 60_000) / Math.max(1, listRefreshMs);
}

/** What the poll spacing depends on. */
export interface PollBudgetInput {
  perMinute: number;
  followed: number;
  servers: number;
  listRefreshMs: number;
}

/**
 * The least time between two `/resources` polls of one panel: what the budget leaves for polls
 * after tokens and list refreshes, spread evenly over the minute.
 */
export function pollSpacingMs(input: PollBudgetInput): number {
  const refill = input.perMinute * (1 - BURST_SHARE);
  const overhead = tokenRequestsPerMinute(input.followed) + listRequestsPerMinute(input.servers, input.listRefreshMs);
  const forPolls = Math.max(refill * MIN_POLL_SHARE, refill - overhead);
  return Math.ceil(60_000 / forPolls);
}

/** How often one server is polled, by what it is doing; `pollIntervalS` below 20 s counts as 20. */
export function serverPollIntervalMs(pollIntervalS: number, isUnavailable: boolean): number {
  const base = Math.max(MIN_POLL_INTERVAL_MS, Number.isFinite(pollIntervalS) ? pollIntervalS * 1000 : 30_000);
  return isUnavailable ? Math.max(MIN_UNAVAILABLE_POLL_MS, base * UNAVAILABLE_POLL_FACTOR) : base;
}
