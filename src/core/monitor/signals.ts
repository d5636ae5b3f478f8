/**
 * What one observation of a server means, as events: a power state (from the websocket's
 * `status` or a poll), a console line, a stats sample, a power action the person asked for. Runs
 * the pure rules (crash-detector, usage-alerts) and updates the entry; reports nothing itself.
 */
import type { PowerSignal, PowerState, ServerResources } from '../api/models';
import { observeCrash, type CrashStart, type CrashVerdict, type WingsCrashReaction } from '../rules/crash-detector';
import type { NoticeServer, NotifiableEvent } from '../rules/notification-policy';
import { observeUsage, percentOfLimit, type MetricTrack, type UsageThresholds } from '../rules/usage-alerts';
import type { Settings } from '../../shared/types';
import type { ServerEntry } from './server-entry';
import { ruleFor } from '../../shared/rule-layers';

const MIB = 1024 * 1024;

/** The server as notifications name it. */
export function noticeServer(accountId: string, entry: ServerEntry): NoticeServer {
  return { accountId, identifier: entry.identifier, name: entry.server.name };
}

/** The usage thresholds for one server: server override, then account, then global; null = off. */
export function usageThresholdsFor(rules: Settings['notifications'], accountId: string, identifier: string): UsageThresholds | null {
  return ruleFor(rules, { accountId, identifier }).usage ?? null;
}

/** What an observation tells about crashes, for the crash notices (crash-notices.ts). */
export interface CrashNews {
  start: CrashStart | null;
  reaction: { id: number; reaction: WingsCrashReaction } | null;
}

/** What one observation means: events to report now, and crash news to settle. */
export interface Observed {
  events: NotifiableEvent[];
  crash: CrashNews;
}

function crashNews(entry: ServerEntry, v: CrashVerdict): CrashNews {
  if (v.crash) {
    entry.isCrashed = true;
    entry.shouldRun = true;
  }
  return { start: v.crash, reaction: v.reaction };
}

/** A power state was seen. Returns the state event (if it changed) and any crash news. */
export function applyPowerState(accountId: string, entry: ServerEntry, state: PowerState, atMs: number): Observed {
  // A state from the last run is not a sight of this one: what happened in between is not known.
  const previous = entry.isFromDisk ? 'unknown' : entry.state;
  entry.isFromDisk = false;
  const isStale = atMs < entry.crashBaselineStaleUntilMs;
  const track = isStale ? { ...entry.crashTrack, state: 'unknown' as const } : entry.crashTrack;
  entry.crashBaselineStaleUntilMs = 0;
  const v = observeCrash(track, { type: 'state', state, atMs });
  entry.crashTrack = v.track;
  entry.state = state;
  entry.stateSeenAtMs = atMs;
  if (state === 'running' || state === 'starting') entry.shouldRun = false;
  const crash = crashNews(entry, v);
  const events: NotifiableEvent[] = [];
  // From `unknown` is the first sight of a server, not a change anyone needs to hear about.
  if (previous !== state && previous !== 'unknown') {
    events.push({ type: 'state', server: noticeServer(accountId, entry), from: previous, to: state, atMs, isCrash: v.isCrashOffline });
  }
  return { events, crash };
}

/** A console line was printed. Lines Wings replays on connect are history, not news. */
export function applyConsoleLine(entry: ServerEntry, line: string, atMs: number, isReplay: boolean): CrashNews {
  if (isReplay) return { start: null, reaction: null };
  const v = observeCrash(entry.crashTrack, { type: 'console', line, atMs });
  entry.crashTrack = v.track;
  return crashNews(entry, v);
}

/** The person asked for a power action through the app: a stop or kill explains the offline. */
export function applyUserPower(entry: ServerEntry, signal: PowerSignal, atMs: number): void {
  entry.crashTrack = observeCrash(entry.crashTrack, { type: 'power-requested', signal, atMs }).track;
  if (signal === 'stop' || signal === 'kill') entry.shouldRun = false;
}

function usageStep(track: MetricTrack, percent: number | null, thresholdPercent: number, sustainedMs: number, atMs: number) {
  return observeUsage(track, { percentOfLimit: percent, atMs }, thresholdPercent, sustainedMs);
}

/**
 * A stats sample arrived: CPU against the CPU limit (0 = unlimited = never alerts), memory
 * against the memory limit. Returns the usage alerts that fired or cleared.
 */
export function applyUsage(
  accountId: string,
  entry: ServerEntry,
  resources: ServerResources,
  atMs: number,
  thresholds: UsageThresholds | null,
): NotifiableEvent[] {
  if (thresholds === null) {
    entry.cpuTrack = { overSinceMs: null, underSinceMs: null, isAlerting: false };
    entry.memoryTrack = { overSinceMs: null, underSinceMs: null, isAlerting: false };
    return [];
  }
  const isUp = resources.state !== 'offline';
  const { limits } = entry.server;
  const cpu = usageStep(
    entry.cpuTrack,
    isUp ? percentOfLimit(resources.cpuAbsolute, limits.cpuPercent) : null,
    thresholds.cpuPercent,
    thresholds.sustainedMs,
    atMs,
  );
  const memory = usageStep(
    entry.memoryTrack,
    isUp ? percentOfLimit(resources.memoryBytes, limits.memoryMib * MIB) : null,
    thresholds.memoryPercent,
    thresholds.sustainedMs,
    atMs,
  );
  entry.cpuTrack = cpu.track;
  entry.memoryTrack = memory.track;
  const events: NotifiableEvent[] = [];
  const server = noticeServer(accountId, entry);
  if (cpu.transition?.type === 'alert') events.push({ type: 'usage', server, metric: 'cpu', percentOfLimit: cpu.transition.percentOfLimit, atMs });
  if (memory.transition?.type === 'alert') events.push({ type: 'usage', server, metric: 'memory', percentOfLimit: memory.transition.percentOfLimit, atMs });
  // ── incidents (issue 14) ── the end of an alert, for the timeline (the notices ignore it).
  if (cpu.transition?.type === 'recovered') events.push({ type: 'usage-cleared', server, metric: 'cpu', percentOfLimit: cpu.transition.percentOfLimit, atMs });
  if (memory.transition?.type === 'recovered')
    events.push({ type: 'usage-cleared', server, metric: 'memory', percentOfLimit: memory.transition.percentOfLimit, atMs });
  return events;
}
