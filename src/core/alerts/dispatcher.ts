/**
 * Alerts beyond the desktop (issue 14, part 3): takes each new incident from the incidents' feed,
 * queues it on disk for every channel whose rules, quiet hours and the notifications' pause let it
 * through, and delivers the queue: one request at a time per channel, oldest first, retried with
 * back-off on failure and after the receiver's own wait on a 429, marking a channel failing when it
 * keeps failing. Plain Node (no Electron): the app and the daemon build it the same way.
 */
import type { Incident } from '../incidents/types';
import type { SecretStore } from '../secrets/secret-store';
import { transaction, type Database } from '../store/database';
import type { Clock, Disposer, Logger } from '../util/deps';
import { rateLimitDelayMs, retryDelayMs, RETRY_MAX_MS } from './backoff';
import { readChannelSecret } from './channel-secrets';
import { requestFor, testIncident } from './formats';
import { HealthBook } from './health';
import { fetchPost, NoAnswerError, type HttpPost } from './http-post';
import { ChannelSetupError, safeMessage, secretValues } from './message';
import { classifyAnswer, noAnswerOutcome, type DeliveryOutcome } from './outcome';
import { AlertQueue, type QueuedAlert, type QueueLimits } from './queue';
import { decide, localMinuteOf } from './rules';
import type { ChannelConfig, ChannelSecret, ChannelStatus, IncidentFeed, TestOutcome } from './types';

/** Alerts taken from the queue per wake-up, across channels. */
const BATCH = 100;
const PRUNE_EVERY_MS = 3_600_000;

export interface AlertDispatcherOptions {
  feed: IncidentFeed;
  db: Database;
  secrets: SecretStore;
  /** The channels as configured now (read at each incident and each delivery). */
  channels: () => readonly ChannelConfig[];
  clock: Clock;
  logger: Logger;
  /** The notifications' pause: true while paused, and nothing new is queued. */
  isPaused: () => boolean;
  post?: HttpPost;
  /** [0, 1), for the back-off's jitter. */
  random?: () => number;
  /** Minutes after local midnight, for quiet hours. */
  localMinute?: (ms: number) => number;
  /** A channel's status changed (its failing mark, its pending count). */
  onStatusChanged?: (channelId: string) => void;
  limits?: QueueLimits;
}

export interface AlertDispatcher {
  /** Offers an incident, as the feed does. */
  offer(incident: Incident): void;
  /** Sends a test message to a saved channel now, past its rules, quiet hours and the pause. */
  sendTest(channelId: string): Promise<TestOutcome>;
  status(channelId: string): ChannelStatus;
  /** Drops a removed channel's queue and record. */
  forgetChannel(channelId: string): void;
  /** Looks at the queue now (after a channel was edited). */
  wake(): void;
  /** Resolves once no delivery is in flight (tests; a clean shutdown). */
  idle(): Promise<void>;
  dispose(): void;
}
const isOutcome = (v: ChannelSecret | DeliveryOutcome): v is DeliveryOutcome => 'kind' in v;

/** Builds the dispatcher and subscribes it to the feed; the queue left from the last run is delivered at once. */
export function createAlertDispatcher(options: AlertDispatcherOptions): AlertDispatcher {
  return new Dispatcher(options);
}

class Dispatcher implements AlertDispatcher {
  readonly #options: AlertDispatcherOptions;
  readonly #queue: AlertQueue;
  readonly #health: HealthBook;
  readonly #post: HttpPost;
  readonly #abort = new AbortController();
  /** Channels with a delivery in flight: one at a time each, in order. */
  readonly #busy = new Set<string>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #unsubscribe: Disposer;
  #timer: unknown = null;
  #lastPruneMs = -Infinity;
  #isDisposed = false;

  constructor(options: AlertDispatcherOptions) {
    this.#options = options;
    this.#queue = new AlertQueue(options.db, options.limits);
    this.#health = new HealthBook(options.db);
    this.#post = options.post ?? fetchPost();
    // Taken after the feed's own call returns: the feed may emit from inside its store transaction
    // (SQLite cannot nest one), and a failure here must never reach the incidents' recorder.
    this.#unsubscribe = options.feed.on('incident', (incident) => queueMicrotask(() => this.#offerSafely(incident)));
    this.#schedule();
  }

  offer(incident: Incident): void {
    if (this.#isDisposed) return;
    const now = this.#options.clock.now();
    const context = { isPaused: this.#options.isPaused(), localMinute: (this.#options.localMinute ?? localMinuteOf)(now) };
    const json = JSON.stringify(incident);
    const queuedFor: string[] = [];
    transaction(this.#options.db, () => {
      for (const channel of this.#options.channels()) {
        const decision = decide(channel, incident, context);
        if (!decision.send) {
          if (decision.reason !== 'rules')
            this.#options.logger.debug('alerts: not sent', { channel: channel.id, incident: incident.id, reason: decision.reason });
          continue;
        }
        const { isNew, dropped } = this.#queue.enqueue(incident.id, channel.id, json, now);
        if (isNew) queuedFor.push(channel.id);
        if (dropped) this.#options.logger.warn('alerts: the queue is full; dropped the oldest alerts', { channel: channel.id, count: dropped });
      }
    });
    for (const id of queuedFor) this.#changed(id);
    if (queuedFor.length) this.#schedule();
  }

  async sendTest(channelId: string): Promise<TestOutcome> {
    const channel = this.#channel(channelId);
    if (!channel) return { ok: false, status: null, message: 'That channel is no longer configured.' };
    const { clock } = this.#options;
    const secret = await this.#secretOf(channel);
    const outcome = isOutcome(secret) ? secret : await this.#attempt(channel, secret, testIncident(channel, clock.now()), true);
    if (this.#isDisposed) return { ok: false, status: null, message: 'Pterotray is shutting down.' };
    if (outcome.kind === 'delivered') {
      // It works: clear the failing mark and send what waited, now.
      this.#health.record(channel.id, outcome, clock.now());
      this.#queue.retryNow(channel.id, clock.now());
      this.#changed(channel.id);
      this.#schedule();
      return { ok: true, status: outcome.status, message: `Delivered (HTTP ${outcome.status}).` };
    }
    if (outcome.kind === 'rate-limited') {
      const s = Math.ceil(rateLimitDelayMs(outcome.retryAfterMs) / 1000);
      return { ok: false, status: outcome.status, message: `The receiver is limiting requests (429): try again in ${s} s.` };
    }
    return { ok: false, status: outcome.status, message: outcome.message };
  }

  status(channelId: string): ChannelStatus {
    const record = this.#health.get(channelId);
    return {
      channelId,
      health: record.failingSinceMs !== null ? 'failing' : record.lastSuccessMs !== null ? 'ok' : 'idle',
      consecutiveFailures: record.consecutiveFailures,
      failingSinceMs: record.failingSinceMs,
      lastSuccessMs: record.lastSuccessMs,
      lastError: record.lastError,
      pending: this.#queue.pendingCount(channelId),
    };
  }

  forgetChannel(channelId: string): void {
    this.#queue.forgetChannel(channelId);
    this.#health.forget(channelId);
    this.#schedule();
  }

  wake(): void {
    this.#schedule();
  }

  async idle(): Promise<void> {
    while (this.#inFlight.size) await Promise.allSettled([...this.#inFlight]);
  }

  dispose(): void {
    if (this.#isDisposed) return;
    this.#isDisposed = true;
    this.#unsubscribe();
    if (this.#timer !== null) this.#options.clock.clearTimeout(this.#timer);
    this.#timer = null;
    this.#abort.abort();
  }

  #offerSafely(incident: Incident): void {
    try {
      this.offer(incident);
    } catch (error) {
      this.#options.logger.error('alerts: could not queue an incident', { incident: incident.id, error: error instanceof Error ? error.name : typeof error });
    }
  }

  #channel(id: string): ChannelConfig | undefined {
    return this.#options.channels().find((c) => c.id === id);
  }

  #changed(id: string): void {
    this.#options.onStatusChanged?.(id);
  }

  /** One timer, at the earliest due alert of a channel not busy. */
  #schedule(): void {
    if (this.#isDisposed) return;
    const { clock } = this.#options;
    if (this.#timer !== null) clock.clearTimeout(this.#timer);
    this.#timer = null;
    const next = this.#queue.nextDueMs(this.#busy);
    if (next === null) return;
    this.#timer = clock.setTimeout(
      () => {
        this.#timer = null;
        this.#pump();
      },
      Math.max(0, next - clock.now()),
    );
  }

  /** Starts one delivery run per channel that has alerts due and none in flight. */
  #pump(): void {
    if (this.#isDisposed) return;
    const now = this.#options.clock.now();
    this.#pruneNowAndThen(now);
    const byChannel = new Map<string, QueuedAlert[]>();
    for (const alert of this.#queue.due(now, BATCH, this.#busy)) byChannel.set(alert.channelId, [...(byChannel.get(alert.channelId) ?? []), alert]);
    for (const [channelId, alerts] of byChannel) {
      const channel = this.#channel(channelId);
      if (!channel) {
        this.#queue.forgetChannel(channelId); // Removed from the settings or the daemon's config.
        continue;
      }
      if (!channel.isEnabled) {
        this.#queue.deferChannel(channelId, now + RETRY_MAX_MS); // Switched off: held, expiring in time.
        continue;
      }
      this.#busy.add(channelId);
      const work = this.#deliver(channel, alerts).finally(() => {
        this.#busy.delete(channelId);
        this.#inFlight.delete(work);
        this.#schedule();
      });
      this.#inFlight.add(work);
    }
    this.#schedule();
  }

  #pruneNowAndThen(now: number): void {
    if (now - this.#lastPruneMs < PRUNE_EVERY_MS) return;
    this.#lastPruneMs = now;
    const expired = this.#queue.prune(now);
    if (expired) this.#options.logger.warn('alerts: expired undelivered alerts older than two days', { count: expired });
  }

  /** Sends a channel's due alerts in order, stopping at the first that does not get through. */
  async #deliver(channel: ChannelConfig, alerts: QueuedAlert[]): Promise<void> {
    const secret = await this.#secretOf(channel);
    for (const alert of alerts) {
      if (this.#isDisposed) return;
      let incident: Incident;
      try {
        incident = JSON.parse(alert.incident) as Incident;
      } catch {
        this.#queue.discard(alert.incidentId, channel.id, this.#options.clock.now()); // A row nobody can read (written by another build).
        continue;
      }
      const outcome = isOutcome(secret) ? secret : await this.#attempt(channel, secret, incident, false);
      if (this.#isDisposed) return; // The store may be closed; an unmarked delivery is sent again next start.
      this.#settle(channel, alert, outcome);
      if (outcome.kind !== 'delivered') return;
    }
  }

  async #attempt(channel: ChannelConfig, secret: ChannelSecret, incident: Incident, isTest: boolean): Promise<DeliveryOutcome> {
    const { clock } = this.#options;
    let request;
    try {
      request = requestFor(channel, secret, safeMessage(incident, secretValues(secret), isTest), clock.now());
    } catch (error) {
      if (error instanceof ChannelSetupError) return { kind: 'failed', status: null, isRefusal: true, message: error.message };
      throw error;
    }
    try {
      return classifyAnswer(channel.kind, await this.#post(request, this.#abort.signal), clock.now());
    } catch (error) {
      return noAnswerOutcome(channel.kind, error instanceof NoAnswerError ? error.reason : 'network');
    }
  }

  async #secretOf(channel: ChannelConfig): Promise<ChannelSecret | DeliveryOutcome> {
    try {
      return await readChannelSecret(this.#options.secrets, channel.id);
    } catch {
      return { kind: 'failed', status: null, isRefusal: false, message: 'The keychain could not be read for this channel; trying again later.' };
    }
  }

  /** Records an outcome: delivered, or the channel held for the receiver's wait or the back-off. */
  #settle(channel: ChannelConfig, alert: QueuedAlert, outcome: DeliveryOutcome): void {
    const { clock, logger } = this.#options;
    const now = clock.now();
    const { record } = this.#health.record(channel.id, outcome, now);
    const fields = { channel: channel.id, kind: channel.kind, incident: alert.incidentId, status: 'status' in outcome ? outcome.status : null };
    if (outcome.kind === 'delivered') {
      this.#queue.markDelivered(alert.incidentId, channel.id, now);
      logger.info('alerts: delivered', fields);
    } else if (outcome.kind === 'rate-limited') {
      const waitMs = rateLimitDelayMs(outcome.retryAfterMs);
      this.#queue.deferChannel(channel.id, now + waitMs, alert);
      logger.info('alerts: rate limited by the receiver', { ...fields, waitMs });
    } else {
      const waitMs = retryDelayMs(record.consecutiveFailures, this.#options.random ?? Math.random);
      this.#queue.deferChannel(channel.id, now + waitMs, alert);
      logger.warn('alerts: delivery failed', { ...fields, failures: record.consecutiveFailures, waitMs, failing: record.failingSinceMs !== null });
    }
    this.#changed(channel.id);
  }
}
