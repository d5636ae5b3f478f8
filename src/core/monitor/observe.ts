/**
 * Applies what was seen of a server (by its socket or a poll) to its entry and reports the
 * outcome: events, stats samples, console lines, and whether the views changed.
 */
import type { PowerState, ServerResources } from '../api/models';
import type { NotifiableEvent } from '../rules/notification-policy';
import type { Clock } from '../util/deps';
import type { ConsoleLine, ServerAvailability, ServerRef } from '../../shared/types';
import type { NodeHealth } from './node-health';
import type { ServerEntry } from './server-entry';
import { applyConsoleLine, applyPowerState, applyUsage, usageThresholdsFor } from './signals';
import type { MonitorSettings, MonitorSink } from './types';
import { toResourcesView } from './view-model';

/** What observing needs from the account it happens in. */
export interface ObserveContext {
  accountId: string;
  clock: Clock;
  sink: MonitorSink;
  settings: () => MonitorSettings;
  nodes: NodeHealth;
}

function refOf(ctx: ObserveContext, entry: ServerEntry): ServerRef {
  return { accountId: ctx.accountId, identifier: entry.identifier };
}

function report(ctx: ObserveContext, events: readonly NotifiableEvent[]): void {
  for (const event of events) ctx.sink.event(event);
}

/** A power state from the websocket's `status` or from a poll. */
export function observeState(ctx: ObserveContext, entry: ServerEntry, state: PowerState): void {
  const before = entry.state;
  report(ctx, applyPowerState(ctx.accountId, entry, state, ctx.clock.now()));
  if (before !== state) ctx.sink.changed();
}

/**
 * A stats sample. From a poll it also carries the power state; from the websocket the state comes
 * from `status` events only, as the panel's UI takes it, so a stats frame without a state cannot
 * pass for "offline".
 */
export function observeStats(ctx: ObserveContext, entry: ServerEntry, resources: ServerResources, isFromPoll: boolean): void {
  const atMs = ctx.clock.now();
  if (isFromPoll) observeState(ctx, entry, resources.state);
  entry.resources = toResourcesView(resources, atMs);
  const sample = entry.history.add(resources, atMs);
  if (sample) ctx.sink.stats(refOf(ctx, entry), sample);
  const thresholds = usageThresholdsFor(ctx.settings().rules, ctx.accountId, entry.identifier);
  report(ctx, applyUsage(ctx.accountId, entry, resources, atMs, thresholds));
  ctx.sink.changed(true);
}

/** A console line: kept in the backlog, passed on, and checked for Wings' crash banner. */
export function observeConsole(ctx: ObserveContext, entry: ServerEntry, text: string, kind: ConsoleLine['kind'], isReplay: boolean): void {
  entry.backlog.push(text);
  ctx.sink.console({ server: refOf(ctx, entry), text, kind });
  if (kind === 'output') report(ctx, applyConsoleLine(ctx.accountId, entry, text, ctx.clock.now(), isReplay));
}

/**
 * Sets the availability. A 504 starts (or continues) its node's outage; only a real answer from
 * the node (`ok`) ends it: a 409 comes from the panel's database, not from the node.
 */
export function observeAvailability(ctx: ObserveContext, entry: ServerEntry, availability: ServerAvailability): void {
  if (availability === 'node-unreachable') ctx.nodes.markUnreachable(entry.server.node);
  else if (availability === 'ok') ctx.nodes.markReachable(entry.server.node);
  if (entry.availability === availability) return;
  entry.availability = availability;
  ctx.sink.changed();
}

/** The websocket connected or went away. */
export function observeLive(ctx: ObserveContext, entry: ServerEntry, isLive: boolean): void {
  if (isLive) ctx.nodes.markReachable(entry.server.node);
  if (entry.isLive === isLive) return;
  entry.isLive = isLive;
  ctx.sink.changed();
}
