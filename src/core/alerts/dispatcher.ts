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
  const { db, clock, logger } = options;
  const queue = new AlertQueue(db, options.limits);
  const health = new HealthBook(db);
  const post = options.post ?? fetchPost();
  const random = options.random ?? Math.random;
  const localMinute = options.localMinute ?? localMinuteOf;
  const abort = new AbortController();
  const busy = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let timer: unknown = null;
  let lastPruneMs = -Infinity;
  let isDisposed = false;

  const channelById = (id: string): ChannelConfig | undefined => options.channels().find((c) => c.id === id);
  const changed = (id: string): void => options.onStatusChanged?.(id);

  function schedule(): void {
    if (isDisposed) return;
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    const next = queue.nextDueMs(busy);
    if (next === null) return;
    timer = clock.setTimeout(
      () => {
        timer = null;
        pump();
      },
      Math.max(0, next - clock.now()),
    );
  }

  function pump(): void {
    if (isDisposed) return;
    const now = clock.now();
    if (now - lastPruneMs >= PRUNE_EVERY_MS) {
      lastPruneMs = now;
      const expired = queue.prune(now);
      if (expired) logger.warn('alerts: expired undelivered alerts older than two days', { count: expired });
    }
    const byChannel = new Map<string, QueuedAlert[]>();
    for (const alert of queue.due(now, BATCH, busy)) byChannel.set(alert.channelId, [...(byChannel.get(alert.channelId) ?? []), alert]);
    for (const [channelId, alerts] of byChannel) {
      const channel = channelById(channelId);
      if (!channel) {
        queue.forgetChannel(channelId); // Removed from the settings or the daemon's config.
        continue;
      }
      if (!channel.isEnabled) {
        queue.deferChannel(channelId, now + RETRY_MAX_MS); // Switched off: held, expiring in time.
        continue;
      }
      busy.add(channelId);
      const work = deliver(channel, alerts).finally(() => {
        busy.delete(channelId);
        inFlight.delete(work);
        schedule();
      });
      inFlight.add(work);
    }
    schedule();
  }

  async function attempt(channel: ChannelConfig, secret: ChannelSecret, incident: Incident, isTest: boolean): Promise<DeliveryOutcome> {
    let request;
    try {
      request = requestFor(channel, secret, safeMessage(incident, secretValues(secret), isTest), clock.now());
    } catch (error) {
      if (error instanceof ChannelSetupError) return { kind: 'failed', status: null, isRefusal: true, message: error.message };
      throw error;
    }
    try {
      return classifyAnswer(channel.kind, await post(request, abort.signal), clock.now());
    } catch (error) {
      return noAnswerOutcome(channel.kind, error instanceof NoAnswerError ? error.reason : 'network');
    }
  }

  async function secretOf(channel: ChannelConfig): Promise<ChannelSecret | DeliveryOutcome> {
    try {
      return await readChannelSecret(options.secrets, channel.id);
    } catch {
      return { kind: 'failed', status: null, isRefusal: false, message: 'The keychain could not be read for this channel; trying again later.' };
    }
  }

  async function deliver(channel: ChannelConfig, alerts: QueuedAlert[]): Promise<void> {
    const secret = await secretOf(channel);
    for (const alert of alerts) {
      if (isDisposed) return;
      let incident: Incident;
      try {
        incident = JSON.parse(alert.incident) as Incident;
      } catch {
        queue.discard(alert.incidentId, channel.id, clock.now()); // A row nobody can read (written by another build).
        continue;
      }
      const outcome = isOutcome(secret) ? secret : await attempt(channel, secret, incident, false);
      if (isDisposed) return; // The store may be closed; an unmarked delivery is sent again next start.
      settle(channel, alert, outcome);
      if (outcome.kind !== 'delivered') return;
    }
  }

  function settle(channel: ChannelConfig, alert: QueuedAlert, outcome: DeliveryOutcome): void {
    const now = clock.now();
    const { record } = health.record(channel.id, outcome, now);
    const fields = { channel: channel.id, kind: channel.kind, incident: alert.incidentId, status: 'status' in outcome ? outcome.status : null };
    if (outcome.kind === 'delivered') {
      queue.markDelivered(alert.incidentId, channel.id, now);
      logger.info('alerts: delivered', fields);
    } else if (outcome.kind === 'rate-limited') {
      const waitMs = rateLimitDelayMs(outcome.retryAfterMs);
      queue.deferChannel(channel.id, now + waitMs, alert);
      logger.info('alerts: rate limited by the receiver', { ...fields, waitMs });
    } else {
      const waitMs = retryDelayMs(record.consecutiveFailures, random);
      queue.deferChannel(channel.id, now + waitMs, alert);
      logger.warn('alerts: delivery failed', { ...fields, failures: record.consecutiveFailures, waitMs, failing: record.failingSinceMs !== null });
    }
    changed(channel.id);
  }

  function offer(incident: Incident): void {
    if (isDisposed) return;
    const now = clock.now();
    const context = { isPaused: options.isPaused(), localMinute: localMinute(now) };
    const json = JSON.stringify(incident);
    const queuedFor: string[] = [];
    transaction(db, () => {
      for (const channel of options.channels()) {
        const decision = decide(channel, incident, context);
        if (!decision.send) {
          if (decision.reason !== 'rules') logger.debug('alerts: not sent', { channel: channel.id, incident: incident.id, reason: decision.reason });
          continue;
        }
        const { isNew, dropped } = queue.enqueue(incident.id, channel.id, json, now);
        if (isNew) queuedFor.push(channel.id);
        if (dropped) logger.warn('alerts: the queue is full; dropped the oldest alerts', { channel: channel.id, count: dropped });
      }
    });
    for (const id of queuedFor) changed(id);
    if (queuedFor.length) schedule();
  }

  async function sendTest(channelId: string): Promise<TestOutcome> {
    const channel = channelById(channelId);
    if (!channel) return { ok: false, status: null, message: 'That channel is no longer configured.' };
    const secret = await secretOf(channel);
    const outcome = isOutcome(secret) ? secret : await attempt(channel, secret, testIncident(channel, clock.now()), true);
    if (isDisposed) return { ok: false, status: null, message: 'Pterotray is shutting down.' };
    if (outcome.kind === 'delivered') {
      // It works: clear the failing mark and send what waited, now.
      health.record(channel.id, outcome, clock.now());
      queue.retryNow(channel.id, clock.now());
      changed(channel.id);
      schedule();
      return { ok: true, status: outcome.status, message: `Delivered (HTTP ${outcome.status}).` };
    }
    if (outcome.kind === 'rate-limited') {
      const s = Math.ceil(rateLimitDelayMs(outcome.retryAfterMs) / 1000);
      return { ok: false, status: outcome.status, message: `The receiver is limiting requests (429): try again in ${s} s.` };
    }
    return { ok: false, status: outcome.status, message: outcome.message };
  }

  function status(channelId: string): ChannelStatus {
    const record = health.get(channelId);
    return {
      channelId,
      health: record.failingSinceMs !== null ? 'failing' : record.lastSuccessMs !== null ? 'ok' : 'idle',
      consecutiveFailures: record.consecutiveFailures,
      failingSinceMs: record.failingSinceMs,
      lastSuccessMs: record.lastSuccessMs,
      lastError: record.lastError,
      pending: queue.pendingCount(channelId),
    };
  }

  // Taken after the feed's own call returns: the feed may emit from inside its store transaction
  // (SQLite cannot nest one), and a failure here must never reach the incidents' recorder.
  const unsubscribe: Disposer = options.feed.on('incident', (incident) =>
    queueMicrotask(() => {
      try {
        offer(incident);
      } catch (error) {
        logger.error('alerts: could not queue an incident', { incident: incident.id, error: error instanceof Error ? error.name : typeof error });
      }
    }),
  );
  schedule();

  return {
    offer,
    sendTest,
    status,
    forgetChannel: (channelId) => {
      queue.forgetChannel(channelId);
      health.forget(channelId);
      schedule();
    },
    wake: schedule,
    idle: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    dispose: () => {
      if (isDisposed) return;
      isDisposed = true;
      unsubscribe();
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      abort.abort();
    },
  };
}
