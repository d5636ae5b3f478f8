/**
 * Crash detection, pure (house style rule 7). A crash is a server that goes from running (or
 * starting) to offline without a stop or kill asked through the app or seen on the websocket, or
 * whose console prints Wings' crash lines. One crash is reported once, however many of those
 * signals arrive for it.
 */
import type { PowerSignal, PowerState } from '../api/models';

/** Wings prints this (with a `[Pterodactyl Daemon]:` or `[Pelican Daemon]:` prefix) on a crash. */
const CRASH_LINE = /detected server process in a crashed state/i;

/** How long after the app asks for a stop, kill or restart an offline state is expected. */
export const EXPECTED_STOP_WINDOW_MS = 120_000;
/** Signals of one crash (console lines, then the offline state) within this window count once. */
export const CRASH_DEDUPE_WINDOW_MS = 60_000;

/** What the detector remembers of one server between observations. */
export interface CrashTrack {
  state: PowerState | 'unknown';
  /** Until when an offline state is explained by a stop that was asked or seen. */
  stopExpectedUntilMs: number | null;
  lastCrashAtMs: number | null;
}

/** Something seen about one server. */
export type CrashObservation =
  | { type: 'state'; state: PowerState; atMs: number }
  | { type: 'console'; line: string; atMs: number }
  | { type: 'power-requested'; signal: PowerSignal; atMs: number };

export interface CrashVerdict {
  track: CrashTrack;
  /** Set when this observation reveals a crash not reported yet. */
  crash: { atMs: number; evidence: 'console' | 'unexpected-offline' } | null;
}

/** The track of a server not seen yet. */
export const initialCrashTrack: CrashTrack = { state: 'unknown', stopExpectedUntilMs: null, lastCrashAtMs: null };

/** True when Wings' crash banner is in this console line. */
export function isCrashLine(line: string): boolean {
  return CRASH_LINE.test(line);
}

function recentlyReported(track: CrashTrack, atMs: number): boolean {
  return track.lastCrashAtMs !== null && atMs - track.lastCrashAtMs < CRASH_DEDUPE_WINDOW_MS;
}

function crashed(track: CrashTrack, atMs: number, evidence: 'console' | 'unexpected-offline'): CrashVerdict {
  if (recentlyReported(track, atMs)) return { track, crash: null };
  return { track: { ...track, lastCrashAtMs: atMs }, crash: { atMs, evidence } };
}

function onState(track: CrashTrack, state: PowerState, atMs: number): CrashVerdict {
  const next: CrashTrack = { ...track, state };
  if (state === 'stopping') {
    // A stop is under way, whoever asked for it (the panel's UI, a schedule, this app).
    return { track: { ...next, stopExpectedUntilMs: atMs + EXPECTED_STOP_WINDOW_MS }, crash: null };
  }
  if (state !== 'offline') return { track: next, crash: null };
  const wasUp = track.state === 'running' || track.state === 'starting';
  const expected = track.stopExpectedUntilMs !== null && atMs <= track.stopExpectedUntilMs;
  const settled: CrashTrack = { ...next, stopExpectedUntilMs: null };
  if (!wasUp || expected) return { track: settled, crash: null };
  return crashed(settled, atMs, 'unexpected-offline');
}

/** Folds one observation into a server's track, and says whether it reveals a crash. */
export function observeCrash(track: CrashTrack, observation: CrashObservation): CrashVerdict {
  switch (observation.type) {
    case 'power-requested':
      if (observation.signal === 'start') return { track, crash: null };
      return { track: { ...track, stopExpectedUntilMs: observation.atMs + EXPECTED_STOP_WINDOW_MS }, crash: null };
    case 'console':
      return isCrashLine(observation.line) ? crashed(track, observation.atMs, 'console') : { track, crash: null };
    case 'state':
      return onState(track, observation.state, observation.atMs);
  }
}
