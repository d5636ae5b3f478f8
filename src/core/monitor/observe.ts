/**
 * Applies what was seen of a server (by its socket or a poll) to its entry and reports the
 * outcome: events, stats samples, console lines, and whether the views changed.
 */
import type { PowerState, ServerResources } from '../api/models';
import type { NotifiableEvent } from '../rules/notification-policy';
import type { Clock } from '../util/deps';
import type { ConsoleLine, ServerAvailability, ServerRef } from '../../shared/types';
import type { CrashNotices } from './crash-notices';
import type { NodeHealth } from './node-health';
import type { ServerEntry } from './server-entry';
import { applyConsoleLine, applyPowerState, applyUsage, noticeServer, usageThresholdsFor } from './signals';
import type { MonitorSettings, MonitorSink } from './types';
import { toResourcesView } from './view-model';

/** What observing needs from the account it happens in. */
export interface ObserveContext {
  accountId: string;
  clock: Clock;
  sink: MonitorSink;
  settings: () => MonitorSettings;
  nodes: NodeHealth;
  crashes: CrashNotices;
}

function refOf(ctx: ObserveContext, entry: ServerEntry): ServerRef {
  return { accountId: ctx.accountId, identifier: entry.identifier };
}

/** Reports events now, or holds them while the panel is asked about a suspension. */
export function report(ctx: ObserveContext, entry: ServerEntry, events: readonly NotifiableEvent[]): void {
  if (entry.heldEvents) entry.heldEvents.push(...events);
  else for (const event of events) ctx.sink.event(event);
}

/** A power state from the websocket's `status`, a state-bearing `stats` frame, or a poll. */
export function observeState(ctx: ObserveContext, entry: ServerEntry, state: PowerState): void {
  const before = entry.state;
  // Running: whatever it asked for (the EULA) was settled.
  if (state === 'running' && entry.featurePrompt !== null) entry.featurePrompt = null;
  const observed = applyPowerState(ctx.accountId, entry, state, ctx.clock.now());
  report(ctx, entry, observed.events);
  ctx.crashes.note(noticeServer(ctx.accountId, entry), observed.crash);
  if (before !== state) ctx.sink.changed();
}

/**
 * A stats sample, with the state it reports: a poll's always, a websocket frame's when it
 * carried one (Wings' stats frames do: `state` in `server/resources.go`). Null keeps the state.
 */
export function observeStats(ctx: ObserveContext, entry: ServerEntry, resources: ServerResources, state: PowerState | null): void {
  const atMs = ctx.clock.now();
  // A running server sends a frame a second, each with the state it already had: only its age
  // changes then (500 servers: no crash-rule pass, no allocation per frame).
  if (state !== null && state === entry.state && entry.crashBaselineStaleUntilMs === 0) entry.stateSeenAtMs = atMs;
  else if (state !== null) observeState(ctx, entry, state);
  entry.resources = toResourcesView(resources, atMs);
  const sample = entry.history.add(resources, atMs);
  if (sample) ctx.sink.stats(refOf(ctx, entry), sample);
  const thresholds = usageThresholdsFor(ctx.settings().rules, ctx.accountId, entry.identifier);
  report(ctx, entry, applyUsage(ctx.accountId, entry, resources, atMs, thresholds));
  ctx.sink.changed(true);
}

/** A console line: kept in the backlog, passed on, and checked for Wings' crash lines. */
export function observeConsole(ctx: ObserveContext, entry: ServerEntry, text: string, kind: ConsoleLine['kind'], isReplay: boolean): void {
  entry.backlog.push(text);
  ctx.sink.console({ server: refOf(ctx, entry), text, kind, ...(isReplay ? { isReplay: true as const } : {}) });
  if (kind !== 'output') return;
  const news = applyConsoleLine(entry, text, ctx.clock.now(), isReplay);
  if (news.start) ctx.sink.changed();
  ctx.crashes.note(noticeServer(ctx.accountId, entry), news);
}

/**
 * Sets the availability. A 504 starts (or continues) its node's outage; only a real answer from
 * the node (`ok`) ends it: a 409 comes from the panel's database, not from the node. Becoming
 * suspended after the first sight is news (`suspended`); leaving it ends that episode.
 */
export function observeAvailability(ctx: ObserveContext, entry: ServerEntry, availability: ServerAvailability): void {
  if (availability === 'node-unreachable') ctx.nodes.markUnreachable(entry.server.node);
  else if (availability === 'ok') ctx.nodes.markReachable(entry.server.node);
  const before = entry.availability;
  if (before === availability) return;
  entry.availability = availability;
  const server = noticeServer(ctx.accountId, entry);
  const atMs = ctx.clock.now();
  if (availability === 'suspended') report(ctx, entry, [{ type: 'suspended', server, atMs }]);
  else if (before === 'suspended') report(ctx, entry, [{ type: 'unsuspended', server, atMs }]);
  ctx.sink.changed();
}

/** The websocket became live (authenticated, state seen) or stopped being so. */
export function observeLive(ctx: ObserveContext, entry: ServerEntry, isLive: boolean): void {
  if (isLive) ctx.nodes.markReachable(entry.server.node);
  if (entry.isLive === isLive) return;
  // The state was true up to now: its age starts here.
  if (!isLive && entry.state !== 'unknown') entry.stateSeenAtMs = ctx.clock.now();
  entry.isLive = isLive;
  ctx.sink.changed();
}

/**
 * Wings said it throttled commands (or every message) just after these were sent: one may have
 * been dropped. They are not sent again (they may have run); the console says so, so nothing is
 * lost without a word.
 */
export function observeThrottledCommands(ctx: ObserveContext, entry: ServerEntry, commands: readonly string[]): void {
  const list = commands.map((c) => `"${c}"`).join(', ');
  observeConsole(
    ctx,
    entry,
    `The node throttled commands sent too fast; ${list} may not have run. Check the console before sending again.`,
    'daemon-error',
    false,
  );
}
