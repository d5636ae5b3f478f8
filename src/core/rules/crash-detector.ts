/**
 * Crash detection, pure (house style rule 7), following what Wings does (wings `server/server.go`
 * `OnStateChange`, `server/crash.go` `handleServerCrash`). A server that goes from running or
 * starting to offline without a stop is a crash; Wings then prints its crash lines, and either
 * restarts it or, when the last crash was less than `crash_detection.timeout` (60 s) ago, prints
 * "Aborting automatic restart…" and leaves it offline. Wings publishes the offline state first
 * and the lines after, on the same bus, so they arrive in that order.
 *
 * One crash is every signal of it (the offline, the banner, Wings' reaction) until the server is
 * seen up again: the next offline after that is a new crash however soon it comes. A second
 * crash within a minute is the one that matters (Wings will not restart it), so crashes are never
 * merged by time alone.
 */
import type { PowerSignal, PowerState } from '../api/models';

/** Wings prints this (with a `[Pterodactyl Daemon]:` or `[Pelican Daemon]:` prefix) on a crash. */
const CRASH_LINE = /detected server process in a crashed state/i;
/** What Wings does next, from its own lines (server/crash.go, server/server.go). */
const REACTION_LINES: ReadonlyArray<{ pattern: RegExp; reaction: WingsCrashReaction }> = [
  { pattern: /aborting automatic restart, last crash occurred less than/i, reaction: 'not-restarted' },
  { pattern: /aborting automatic restart, crash detection is disabled/i, reaction: 'detection-disabled' },
  { pattern: /server crash was detected but an error occurred while handling it/i, reaction: 'restart-failed' },
];

/** How long after the app asks for a stop, kill or restart an offline state is expected. */
export const EXPECTED_STOP_WINDOW_MS = 120_000;
/** Wings' lines about a crash follow its offline within this long; later lines are not about it. */
export const CRASH_SIGNAL_WINDOW_MS = 10_000;
/** Wings' default `crash_detection.timeout`: a crash this soon after the last is not restarted. */
export const WINGS_CRASH_TIMEOUT_MS = 60_000;
/** This many crashes within CRASH_LOOP_WINDOW_MS are a crash loop, said once as such. */
export const CRASH_LOOP_COUNT = 3;
export const CRASH_LOOP_WINDOW_MS = 10 * 60_000;

/** What Wings did about a crash. */
export type WingsCrashReaction = 'restarting' | 'not-restarted' | 'detection-disabled' | 'restart-failed';

/** Where a crash stands in a loop: the one that makes three in ten minutes, or one after it. */
export type CrashLoopPhase = 'started' | 'ongoing' | null;

/** A crash that began with an observation. */
export interface CrashStart {
  /** Per server, increasing: one notice per id. */
  id: number;
  atMs: number;
  evidence: 'console' | 'unexpected-offline';
  /** When the crash before this one began, or null. */
  previousAtMs: number | null;
  loop: CrashLoopPhase;
}

interface OpenCrash {
  id: number;
  atMs: number;
  hasReaction: boolean;
}

/** What the detector remembers of one server between observations. */
export interface CrashTrack {
  state: PowerState | 'unknown';
  /** Until when an offline state is explained by a stop that was asked or seen. */
  stopExpectedUntilMs: number | null;
  /** The latest crash, until the server is seen up again. */
  open: OpenCrash | null;
  /** When the crashes of the last CRASH_LOOP_WINDOW_MS began, oldest first. */
  recentMs: readonly number[];
  /** True from the crash that started a loop until a loop window passes without a crash. */
  isLooping: boolean;
  lastId: number;
}

/** Something seen about one server. */
export type CrashObservation =
  | { type: 'state'; state: PowerState; atMs: number }
  | { type: 'console'; line: string; atMs: number }
  | { type: 'power-requested'; signal: PowerSignal; atMs: number };

export interface CrashVerdict {
  track: CrashTrack;
  /** Set when this observation begins a crash. */
  crash: CrashStart | null;
  /** Set when this observation tells what Wings does about the open crash. */
  reaction: { id: number; reaction: WingsCrashReaction } | null;
  /** True for the offline state of a crash (begun by it, or by the banner just before). */
  isCrashOffline: boolean;
}

/** The track of a server not seen yet. */
export const initialCrashTrack: CrashTrack = { state: 'unknown', stopExpectedUntilMs: null, open: null, recentMs: [], isLooping: false, lastId: 0 };

/** True when Wings' crash banner is in this console line. */
export function isCrashLine(line: string): boolean {
  return CRASH_LINE.test(line);
}

/** Wings' reaction to a crash, when this console line states one. */
export function crashReactionOf(line: string): WingsCrashReaction | null {
  return REACTION_LINES.find((r) => r.pattern.test(line))?.reaction ?? null;
}

function verdict(track: CrashTrack, extra: Partial<Omit<CrashVerdict, 'track'>> = {}): CrashVerdict {
  return { track, crash: null, reaction: null, isCrashOffline: false, ...extra };
}

/** The open crash, if its signals may still arrive at `atMs`. */
function openAt(track: CrashTrack, atMs: number): OpenCrash | null {
  return track.open !== null && atMs - track.open.atMs < CRASH_SIGNAL_WINDOW_MS ? track.open : null;
}

function beginCrash(track: CrashTrack, atMs: number, evidence: CrashStart['evidence']): CrashVerdict {
  const recent = track.recentMs.filter((t) => atMs - t < CRASH_LOOP_WINDOW_MS);
  const previousAtMs = track.recentMs.at(-1) ?? null;
  const isLoop = recent.length + 1 >= CRASH_LOOP_COUNT;
  const loop: CrashLoopPhase = !isLoop ? null : track.isLooping && recent.length > 0 ? 'ongoing' : 'started';
  const id = track.lastId + 1;
  const next: CrashTrack = { ...track, open: { id, atMs, hasReaction: false }, recentMs: [...recent, atMs], isLooping: isLoop, lastId: id };
  return verdict(next, { crash: { id, atMs, evidence, previousAtMs, loop } });
}

function react(track: CrashTrack, atMs: number, reaction: WingsCrashReaction): CrashVerdict {
  const open = openAt(track, atMs);
  if (!open || open.hasReaction) return verdict(track);
  return verdict({ ...track, open: { ...open, hasReaction: true } }, { reaction: { id: open.id, reaction } });
}

function onState(track: CrashTrack, state: PowerState, atMs: number): CrashVerdict {
  const next: CrashTrack = { ...track, state };
  if (state === 'stopping') {
    // A stop is under way, whoever asked for it (the panel's UI, a schedule, this app).
    return verdict({ ...next, stopExpectedUntilMs: atMs + EXPECTED_STOP_WINDOW_MS });
  }
  if (state === 'starting' || state === 'running') {
    // Up again: the open crash is over. Starting soon after it is Wings' automatic restart.
    const restarted = state === 'starting' ? react(next, atMs, 'restarting') : verdict(next);
    return { ...restarted, track: { ...restarted.track, open: null } };
  }
  const wasUp = track.state === 'running' || track.state === 'starting';
  const isExpected = track.stopExpectedUntilMs !== null && atMs <= track.stopExpectedUntilMs;
  const settled: CrashTrack = { ...next, stopExpectedUntilMs: null };
  if (!wasUp || isExpected) return verdict(settled);
  // The banner came first (a console seen before the state): this offline is that crash.
  if (openAt(track, atMs)) return verdict(settled, { isCrashOffline: true });
  return { ...beginCrash(settled, atMs, 'unexpected-offline'), isCrashOffline: true };
}

function onConsole(track: CrashTrack, line: string, atMs: number): CrashVerdict {
  if (isCrashLine(line)) return openAt(track, atMs) ? verdict(track) : beginCrash(track, atMs, 'console');
  const reaction = crashReactionOf(line);
  return reaction ? react(track, atMs, reaction) : verdict(track);
}

/** Folds one observation into a server's track, and says what it reveals. */
export function observeCrash(track: CrashTrack, observation: CrashObservation): CrashVerdict {
  switch (observation.type) {
    case 'power-requested':
      if (observation.signal === 'start') return verdict(track);
      return verdict({ ...track, stopExpectedUntilMs: observation.atMs + EXPECTED_STOP_WINDOW_MS });
    case 'console':
      return onConsole(track, observation.line, observation.atMs);
    case 'state':
      return onState(track, observation.state, observation.atMs);
  }
}
