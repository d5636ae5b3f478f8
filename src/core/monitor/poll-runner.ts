/**
 * One `/resources` poll of a server that is not followed, and what its answer means: the state
 * and resources on success; on failure, the server's availability (a 409's reason, a 504's
 * unreachable node) or, for a revoked key or a panel that is down, the account's.
 */
import { isPanelError } from '../api/errors';
import { pollSpacingMs, serverPollIntervalMs } from './budget';
import { observeAvailability, observeStats } from './observe';
import { PollScheduler } from './poll-scheduler';
import type { BudgetRelease } from './request-budget';
import type { RegistryContext } from './registry-context';
import type { ServerEntry } from './server-entry';
import { availabilityFromError } from './availability';
import { isUnavailable } from './view-model';

/** What the poller asks of the registry. */
export interface PollRunnerHooks {
  entry(identifier: string): ServerEntry | undefined;
  /** True when the server is followed live now (it may have become so while its poll waited). */
  isLive(identifier: string): boolean;
  /** True while the server's token request waits for the budget: the token will bring the state. */
  isAwaitingToken(identifier: string): boolean;
  /** Lower is polled first among servers due at once (attention.ts). */
  rank(identifier: string): number;
  serverCount(): number;
  followedCount(): number;
  /** After each answer: the server may now be followed, or need slower polls. */
  afterPoll(entry: ServerEntry): void;
}

/** Builds the panel's PollScheduler with its spacing and intervals from the live settings. */
export function createPoller(ctx: RegistryContext, hooks: PollRunnerHooks): PollScheduler {
  return new PollScheduler({
    clock: ctx.clock,
    logger: ctx.deps.logger,
    spacingMs: () =>
      pollSpacingMs({ perMinute: ctx.perMinute(), followed: hooks.followedCount(), servers: hooks.serverCount(), listRefreshMs: ctx.deps.listRefreshMs }),
    intervalMs: (id) => {
      const entry = hooks.entry(id);
      return serverPollIntervalMs(ctx.settings().pollIntervalS, entry !== undefined && isUnavailable(entry.availability));
    },
    poll: (id) => pollOnce(ctx, hooks, id),
    rank: (id) => hooks.rank(id),
  });
}

async function pollOnce(ctx: RegistryContext, hooks: PollRunnerHooks, identifier: string): Promise<void> {
  const client = ctx.client();
  if (!client || !hooks.entry(identifier) || hooks.isAwaitingToken(identifier)) return;
  let release: BudgetRelease;
  try {
    release = await ctx.budget.take('normal');
  } catch {
    return; // the budget is paused (panel down, key revoked) or gone: nothing to do
  }
  const entry = hooks.entry(identifier);
  try {
    if (!entry || hooks.isLive(identifier)) return;
    const resources = await client.getResources(identifier, { priority: 'background' });
    if (ctx.client() !== client) return; // the account went away (or got a new key) meanwhile
    ctx.noteSuccess();
    observeAvailability(ctx, entry, 'ok');
    observeStats(ctx, entry, resources, resources.state);
  } catch (err) {
    if (entry && ctx.client() === client) onPollFailure(ctx, entry, err);
  } finally {
    release();
  }
  if (entry && hooks.entry(identifier) === entry) hooks.afterPoll(entry);
}

function onPollFailure(ctx: RegistryContext, entry: ServerEntry, err: unknown): void {
  ctx.noteFailure(err, 'server');
  const availability = availabilityFromError(err);
  if (availability !== null) observeAvailability(ctx, entry, availability);
  if (isPanelError(err) && err.kind === 'not-found') ctx.requestListRefresh();
  if (availability === null && !isPanelError(err)) ctx.deps.logger.warn('monitor: a poll failed', { identifier: entry.identifier, error: String(err) });
}
