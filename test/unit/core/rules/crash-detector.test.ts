import { describe, expect, it } from 'vitest';
import {
  CRASH_DEDUPE_WINDOW_MS,
  EXPECTED_STOP_WINDOW_MS,
  initialCrashTrack,
  isCrashLine,
  observeCrash,
  type CrashObservation,
  type CrashTrack,
} from '../../../../src/core/rules/crash-detector';

const CRASH_BANNER = '[Pterodactyl Daemon]: ---------- Detected server process in a crashed state! ----------';

function run(observations: CrashObservation[], start: CrashTrack = initialCrashTrack) {
  let track = start;
  const crashes: Array<{ atMs: number; evidence: string }> = [];
  for (const o of observations) {
    const verdict = observeCrash(track, o);
    track = verdict.track;
    if (verdict.crash) crashes.push(verdict.crash);
  }
  return { track, crashes };
}

const state = (s: 'offline' | 'starting' | 'running' | 'stopping', atMs: number): CrashObservation => ({ type: 'state', state: s, atMs });

describe('observeCrash', () => {
  it.each([
    {
      name: 'running → offline with nothing asked is a crash',
      obs: [state('running', 0), state('offline', 1000)],
      crashes: [{ atMs: 1000, evidence: 'unexpected-offline' }],
    },
    {
      name: 'starting → offline is a crash (it died while booting)',
      obs: [state('starting', 0), state('offline', 500)],
      crashes: [{ atMs: 500, evidence: 'unexpected-offline' }],
    },
    { name: 'running → stopping → offline is a normal stop', obs: [state('running', 0), state('stopping', 10), state('offline', 20)], crashes: [] },
    {
      name: 'a stop asked through the app explains the offline (poll saw no stopping)',
      obs: [state('running', 0), { type: 'power-requested', signal: 'stop', atMs: 5 }, state('offline', 30_000)],
      crashes: [],
    },
    {
      name: 'a kill asked through the app explains the offline',
      obs: [state('running', 0), { type: 'power-requested', signal: 'kill', atMs: 5 }, state('offline', 10)],
      crashes: [],
    },
    {
      name: 'a start request explains nothing',
      obs: [state('running', 0), { type: 'power-requested', signal: 'start', atMs: 5 }, state('offline', 10)],
      crashes: [{ atMs: 10, evidence: 'unexpected-offline' }],
    },
    {
      name: 'an old stop request no longer explains an offline',
      obs: [state('running', 0), { type: 'power-requested', signal: 'stop', atMs: 5 }, state('offline', 5 + EXPECTED_STOP_WINDOW_MS + 1)],
      crashes: [{ atMs: 5 + EXPECTED_STOP_WINDOW_MS + 1, evidence: 'unexpected-offline' }],
    },
    {
      name: 'the stop expectation is used once: a second drop later is a crash',
      obs: [state('running', 0), state('stopping', 1), state('offline', 2), state('starting', 3), state('running', 4), state('offline', 5)],
      crashes: [{ atMs: 5, evidence: 'unexpected-offline' }],
    },
    { name: 'first sight of an offline server is no crash', obs: [state('offline', 0)], crashes: [] },
    {
      name: 'the console crash banner is a crash, and the offline that follows is the same one',
      obs: [state('running', 0), { type: 'console', line: CRASH_BANNER, atMs: 100 }, state('offline', 200)],
      crashes: [{ atMs: 100, evidence: 'console' }],
    },
    {
      name: 'ordinary console lines are not crashes',
      obs: [state('running', 0), { type: 'console', line: '[Server] Done (3.1s)! For help, type "help"', atMs: 100 }],
      crashes: [],
    },
    {
      name: 'two crashes further apart than the dedupe window are both reported',
      obs: [
        state('running', 0),
        state('offline', 1),
        state('running', 2),
        state('offline', 2 + CRASH_DEDUPE_WINDOW_MS),
      ],
      crashes: [
        { atMs: 1, evidence: 'unexpected-offline' },
        { atMs: 2 + CRASH_DEDUPE_WINDOW_MS, evidence: 'unexpected-offline' },
      ],
    },
  ] satisfies Array<{ name: string; obs: CrashObservation[]; crashes: unknown[] }>)('$name', ({ obs, crashes }) => {
    expect(run(obs).crashes).toEqual(crashes);
  });

  it('recognises the banner of Pelican and of Pterodactyl, in any case', () => {
    expect(isCrashLine(CRASH_BANNER)).toBe(true);
    expect(isCrashLine('[Pelican Daemon]: ---------- Detected server process in a CRASHED STATE! ----------')).toBe(true);
    expect(isCrashLine('[Pterodactyl Daemon]: Server marked as offline...')).toBe(false);
  });
});
