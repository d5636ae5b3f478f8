/**
 * The per-panel request scheduler. Every request to one panel goes through it, so it can cap
 * concurrency, honour the panel's rate limit for all callers at once (pterodactyl-api.md §2.4),
 * and retry what is safe to retry. Time comes from the injected Clock so tests use fake timers.
 */
import type { RateLimitInfo } from './client-types';
import { PanelError } from './errors';
import { readErrorBody } from './http-errors';
import { header, type RawResponse } from './raw-response';
import { RateWindow } from './rate-window';
import { parseCountHeader, parseResetMs, parseRetryAfterMs } from './retry-after';
import { RouteLimiter, type RouteTicket, type RouteVerdict } from './route-limiter';
import type { RouteLimitId, RouteMatch } from './route-limits';
import { RESET_CODES, cancelledError, errorFromTransport } from './transport-errors';
import { silentLogger, systemClock, type Clock, type Logger } from '../util/deps';

/** User actions go before background polling. */
export type RequestPriority = 'user' | 'background';

/** Tuning of a RequestScheduler; every field has a default. */
export interface SchedulerOptions {
  clock?: Clock;
  logger?: Logger;
  /** Requests in flight at once. Default 4. */
  maxConcurrency?: number;
  /** Retries of an idempotent request. Default 2. */
  maxRetries?: number;
  /** First backoff step; doubles per attempt, jittered into [half, full]. Default 500 ms. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** A GET is not retried when the panel asks to wait longer than this. Default 60 s. */
  maxRetryWaitMs?: number;
  /**
   * Longest panel-wide block from one 429. Laravel's global window is one minute; a longer
   * Retry-After comes from a route's own throttle (files/pull) and should not stall everything.
   */
  maxBlockMs?: number;
  /** How long to hold every caller when X-RateLimit-Remaining reaches 0 without a 429. */
  exhaustedWindowMs?: number;
  /** Jitter source in [0, 1); injectable for tests. */
  random?: () => number;
}

/** One request as the scheduler sees it. */
export interface ScheduledRequest {
  /** Sends once; rejects with a PanelError when no answer came. The signal fires on abort or dispose. */
  send(signal: AbortSignal): Promise<RawResponse>;
  /** GETs, and requests the caller knows are safe to repeat. Only these are retried. */
  idempotent: boolean;
  priority?: RequestPriority;
  signal?: AbortSignal;
  /** The per-server limited route it goes to (route-limits.ts), if any. */
  route?: RouteMatch;
}

type JobState = 'queued' | 'running' | 'waiting' | 'done';

interface Job {
  req: ScheduledRequest;
  attempt: number;
  state: JobState;
  resolve(res: RawResponse): void;
  reject(err: PanelError): void;
  detach(): void;
  timer?: unknown;
  controller?: AbortController;
  ticket?: RouteTicket;
  /** Whose limit the last answer spoke of, on a limited route. */
  verdict?: RouteVerdict;
  /** When the last attempt went out: the rate window is read against it. */
  sentAtMs?: number;
}

const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const DISPOSED = 'The panel client was closed.';

/** Caps concurrency, shares the rate limit between callers, and retries idempotent requests. */
export class RequestScheduler {
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly opts: Required<Omit<SchedulerOptions, 'clock' | 'logger'>>;
  private readonly queues: Record<RequestPriority, Job[]> = { user: [], background: [] };
  private readonly running = new Set<Job>();
  private readonly waiting = new Set<Job>();
  private readonly routes = new RouteLimiter();
  /** The panel's fixed window as X-RateLimit-Remaining tells it (rate-window.ts). */
  private readonly window = new RateWindow();
  private blockedUntilMs = 0;
  /** Told when a block starts or grows (onBlock). */
  private readonly blockListeners = new Set<(blockedUntilMs: number) => void>();
  private wakeTimer: unknown = undefined;
  private limit: number | null = null;
  private remaining: number | null = null;
  private disposed = false;

  constructor(options: SchedulerOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.opts = {
      maxConcurrency: Math.max(1, options.maxConcurrency ?? 4),
      maxRetries: Math.max(0, options.maxRetries ?? 2),
      baseBackoffMs: options.baseBackoffMs ?? 500,
      maxBackoffMs: options.maxBackoffMs ?? 8000,
      maxRetryWaitMs: options.maxRetryWaitMs ?? 60_000,
      maxBlockMs: options.maxBlockMs ?? 60_000,
      exhaustedWindowMs: options.exhaustedWindowMs ?? 60_000,
      random: options.random ?? Math.random,
    };
  }

  /** Runs `req` when a slot is free and the panel is not blocked; resolves with its final answer. */
  run(req: ScheduledRequest): Promise<RawResponse> {
    if (this.disposed) return Promise.reject(cancelledError(DISPOSED));
    if (req.signal?.aborted) return Promise.reject(cancelledError());
    // A route's own limit fails the request at once, with the limit and the wait in words.
    const admitted = req.route ? this.routes.admit(req.route, this.clock.now()) : null;
    if (admitted && 'error' in admitted) return Promise.reject(admitted.error);
    return new Promise<RawResponse>((resolve, reject) => {
      const job: Job = { req, attempt: 0, state: 'queued', resolve, reject, detach: () => {}, ticket: admitted?.ticket };
      const signal = req.signal;
      if (signal) {
        const onAbort = (): void => this.abortJob(job);
        signal.addEventListener('abort', onAbort, { once: true });
        job.detach = () => signal.removeEventListener('abort', onAbort);
      }
      this.enqueue(job, false);
      this.pump();
    });
  }

  /** What the panel's headers last said, and whether every caller is being held. */
  rateLimit(): RateLimitInfo {
    const blocked = this.blockedUntilMs > this.clock.now() ? this.blockedUntilMs : null;
    const window = this.window.view(this.clock.now());
    return {
      limitPerMinute: this.limit,
      remaining: this.remaining,
      blockedUntilMs: blocked,
      windowRemaining: window.remaining,
      windowEndsByMs: window.endsByMs,
    };
  }

  /**
   * Calls `listener` with the new end each time every caller starts being held (a 429, the
   * window spent). A call that waits out a short Retry-After inside itself would otherwise look,
   * to whoever shows the panel's state, like a request that is merely slow. Returns the unsubscribe.
   */
  onBlock(listener: (blockedUntilMs: number) => void): () => void {
    this.blockListeners.add(listener);
    return () => this.blockListeners.delete(listener);
  }

  /** How long until `server` may use a limited route (0: now), e.g. before asking a websocket token. */
  routeLimitWaitMs(server: string, route: RouteLimitId): number {
    return this.routes.waitMs(server, route, this.clock.now());
  }

  /** Clears every timer, rejects queued and waiting calls with `cancelled`, aborts those in flight. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.blockListeners.clear();
    if (this.wakeTimer !== undefined) this.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    const pending = [...this.queues.user, ...this.queues.background, ...this.waiting];
    this.queues.user = [];
    this.queues.background = [];
    for (const job of pending) this.finishWithError(job, cancelledError(DISPOSED));
    for (const job of this.running) job.controller?.abort();
  }

  private enqueue(job: Job, front: boolean): void {
    job.state = 'queued';
    const queue = this.queues[job.req.priority ?? 'user'];
    if (front) queue.unshift(job);
    else queue.push(job);
  }

  private pump(): void {
    while (!this.disposed && this.running.size < this.opts.maxConcurrency) {
      const queue = this.queues.user.length > 0 ? this.queues.user : this.queues.background;
      if (queue.length === 0) return;
      const waitMs = this.blockedUntilMs - this.clock.now();
      if (waitMs > 0) {
        this.wakeAfter(waitMs);
        return;
      }
      const job = queue.shift() as Job; // non-empty: checked above
      void this.start(job);
    }
  }

  private wakeAfter(ms: number): void {
    if (this.wakeTimer !== undefined) this.clock.clearTimeout(this.wakeTimer);
    this.wakeTimer = this.clock.setTimeout(() => {
      this.wakeTimer = undefined;
      this.pump();
    }, ms);
  }

  private async start(job: Job): Promise<void> {
    if (job.ticket) {
      // The route's limit may have tightened while this waited (a 429, a lower X-RateLimit-Limit).
      const waitMs = this.routes.sendWaitMs(job.ticket, this.clock.now());
      if (waitMs > 0) {
        this.finishWithError(job, this.routes.errorFor(job.ticket.match, waitMs));
        return;
      }
      this.routes.sent(job.ticket, this.clock.now());
    }
    job.state = 'running';
    job.controller = new AbortController();
    job.sentAtMs = this.clock.now();
    this.window.sent(job.sentAtMs);
    this.running.add(job);
    let res: RawResponse | undefined;
    let err: unknown;
    try {
      res = await job.req.send(job.controller.signal);
    } catch (e) {
      err = e;
    }
    this.running.delete(job);
    job.controller = undefined;
    if (res) this.observe(res, job);
    else this.window.answered(job.sentAtMs ?? 0, null);
    this.settle(job, res, err);
    this.pump();
  }

  private settle(job: Job, res: RawResponse | undefined, err: unknown): void {
    if (job.state === 'done') return;
    if (this.disposed || job.req.signal?.aborted) {
      this.finishWithError(job, cancelledError(this.disposed ? DISPOSED : undefined));
      return;
    }
    const delayMs = this.retryDelayMs(job, res, err);
    if (delayMs !== null) {
      this.retryLater(job, delayMs, res?.status ?? (err instanceof PanelError ? err.code : undefined));
      return;
    }
    job.state = 'done';
    job.detach();
    if (job.ticket) this.routes.release(job.ticket);
    if (res?.status === 429 && job.verdict === 'route' && job.ticket) {
      const waitMs = this.routes.sendWaitMs(job.ticket, this.clock.now());
      job.reject(this.routes.errorFor(job.ticket.match, waitMs, 429));
    } else if (res) job.resolve(res);
    else job.reject(errorFromTransport(err, []));
  }

  private retryDelayMs(job: Job, res: RawResponse | undefined, err: unknown): number | null {
    if (!job.req.idempotent || job.attempt >= this.opts.maxRetries) return null;
    if (res?.status === 429 && job.verdict === 'route' && job.ticket) {
      // Only this server's route is held: the retry waits for it, not behind a panel-wide block.
      const waitMs = this.routes.sendWaitMs(job.ticket, this.clock.now());
      return waitMs <= this.opts.maxRetryWaitMs ? waitMs : null;
    }
    if (res?.status === 429) {
      // The block set by observe() holds the retry; give up when the panel wants too long a wait.
      const waitMs = parseRetryAfterMs(header(res, 'retry-after'), this.clock.now()) ?? 0;
      return waitMs <= this.opts.maxRetryWaitMs ? 0 : null;
    }
    if (res) return RETRY_STATUSES.has(res.status) ? this.backoffMs(job.attempt) : null;
    const isReset = err instanceof PanelError && err.kind === 'network' && RESET_CODES.has(err.code ?? '');
    return isReset ? this.backoffMs(job.attempt) : null;
  }

  private retryLater(job: Job, delayMs: number, why: number | string | undefined): void {
    job.attempt += 1;
    this.logger.debug('retrying a panel request', { attempt: job.attempt, delayMs, why });
    if (delayMs <= 0) {
      this.enqueue(job, true);
      return;
    }
    job.state = 'waiting';
    this.waiting.add(job);
    job.timer = this.clock.setTimeout(() => {
      job.timer = undefined;
      this.waiting.delete(job);
      this.enqueue(job, true);
      this.pump();
    }, delayMs);
  }

  private backoffMs(attempt: number): number {
    const ceiling = Math.min(this.opts.maxBackoffMs, this.opts.baseBackoffMs * 2 ** attempt);
    return Math.round(ceiling / 2 + (this.opts.random() * ceiling) / 2);
  }

  private observe(res: RawResponse, job: Job): void {
    if (job.ticket) {
      // On a limited route the headers may be the route's pair: those are not the panel's. (A
      // backup's own 429 carries the global pair: that is read below, and blocks nobody.)
      job.verdict = this.routes.observe(job.ticket, res, this.limit, this.clock.now());
      if (job.verdict === 'route' && job.ticket.match.spec.via === 'throttle') {
        this.window.answered(job.sentAtMs ?? 0, null);
        return;
      }
    }
    const limit = parseCountHeader(header(res, 'x-ratelimit-limit'));
    const remaining = parseCountHeader(header(res, 'x-ratelimit-remaining'));
    if (limit !== null) this.limit = limit;
    if (remaining !== null) this.remaining = remaining;
    const now = this.clock.now();
    this.window.answered(job.sentAtMs ?? now, remaining, limit);
    if (res.status === 429) {
      // Backup creation throttles one server (TooManyRequestsHttpException): not the whole panel.
      if (readErrorBody(res.body).code === 'TooManyRequestsHttpException') return;
      const waitMs = parseRetryAfterMs(header(res, 'retry-after'), now) ?? parseResetMs(header(res, 'x-ratelimit-reset'), now);
      if (waitMs !== null) this.window.exhaustedUntil(job.sentAtMs ?? now, now + waitMs);
      this.block(Math.min(this.opts.maxBlockMs, waitMs ?? this.backoffMs(0)));
    } else if (remaining === 0) {
      this.block(parseResetMs(header(res, 'x-ratelimit-reset'), now) ?? this.opts.exhaustedWindowMs);
    }
  }

  private block(ms: number): void {
    const until = this.clock.now() + ms;
    if (until <= this.blockedUntilMs) return;
    this.blockedUntilMs = until;
    this.logger.warn('panel rate limit reached; holding every request', { waitMs: ms });
    for (const listener of [...this.blockListeners]) {
      try {
        listener(until);
      } catch (error) {
        this.logger.warn('a rate-limit listener failed', { error: String(error) });
      }
    }
  }

  private abortJob(job: Job): void {
    if (job.state === 'queued') {
      for (const queue of Object.values(this.queues)) {
        const index = queue.indexOf(job);
        if (index >= 0) queue.splice(index, 1);
      }
      this.finishWithError(job, cancelledError());
    } else if (job.state === 'waiting') {
      this.finishWithError(job, cancelledError());
    } else if (job.state === 'running') {
      job.controller?.abort();
    }
  }

  private finishWithError(job: Job, err: PanelError): void {
    if (job.state === 'done') return;
    if (job.timer !== undefined) this.clock.clearTimeout(job.timer);
    job.timer = undefined;
    this.waiting.delete(job);
    job.state = 'done';
    job.detach();
    if (job.ticket) this.routes.release(job.ticket);
    job.reject(err);
  }
}
