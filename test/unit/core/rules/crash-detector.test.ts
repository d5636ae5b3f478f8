import { describe, expect, it } from 'vitest';
import {
  CRASH_LOOP_WINDOW_MS,
  CRASH_SIGNAL_WINDOW_MS,
  EXPECTED_STOP_WINDOW_MS,
  crashReactionOf,
  initialCrashTrack,
  isCrashLine,
  observeCrash,
  type CrashObservation,
  type CrashTrack,
} from '../../../../src/core/rules/crash-detector';

// Wings' lines, as server/crash.go prints them through PublishConsoleOutputFromDaemon.
const BANNER = '\u001b[33m\u001b[1m[Pterodactyl Daemon]:\u001b[0m ---------- Detected server process in a crashed state! ----------';
const ABORT = '[Pterodactyl Daemon]: Aborting automatic restart, last crash occurred less than 60 seconds ago.';
const DISABLED = '[Pelican Daemon]: Aborting automatic restart, crash detection is disabled for this instance.';
const FAILED = '[Pterodactyl Daemon]: Server crash was detected but an error occurred while handling it.';

function run(observations: CrashObservation[], start: CrashTrack = initialCrashTrack) {
  let track = start;
  const crashes: Array<{ id: number; atMs: number; evidence: string; loop: string | null }> = [];
  const reactions: Array<{ id: number; reaction: string }> = [];
  const crashOfflines: number[] = [];
  for (const o of observations) {
    const verdict = observeCrash(track, o);
    track = verdict.track;
    if (verdict.crash) crashes.push({ id: verdict.crash.id, atMs: verdict.crash.atMs, evidence: verdict.crash.evidence, loop: verdict.crash.loop });
    if (verdict.reaction) reactions.push(verdict.reaction);
    if (verdict.isCrashOffline) crashOfflines.push(o.atMs);
  }
  return { track, crashes, reactions, crashOfflines };
}

const state = (s: 'offline' | 'starting' | 'running' | 'stopping', atMs: number): CrashObservation => ({ type: 'state', state: s, atMs });
const line = (text: string, atMs: number): CrashObservation => ({ type: 'console', line: text, atMs });
const crash = (id: number, atMs: number, evidence = 'unexpected-offline', loop: string | null = null) => ({ id, atMs, evidence, loop });

describe('observeCrash: what is a crash', () => {
  it.each([
    { name: 'running → offline with nothing asked is a crash', obs: [state('running', 0), state('offline', 1000)], crashes: [crash(1, 1000)] },
    { name: 'starting → offline is a crash (it died while booting)', obs: [state('starting', 0), state('offline', 500)], crashes: [crash(1, 500)] },
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
      crashes: [crash(1, 10)],
    },
    {
      name: 'an old stop request no longer explains an offline',
      obs: [state('running', 0), { type: 'power-requested', signal: 'stop', atMs: 5 }, state('offline', 5 + EXPECTED_STOP_WINDOW_MS + 1)],
      crashes: [crash(1, 5 + EXPECTED_STOP_WINDOW_MS + 1)],
    },
    {
      name: 'the stop expectation is used once: a second drop later is a crash',
      obs: [state('running', 0), state('stopping', 1), state('offline', 2), state('starting', 3), state('running', 4), state('offline', 5)],
      crashes: [crash(1, 5)],
    },
    { name: 'first sight of an offline server is no crash', obs: [state('offline', 0)], crashes: [] },
    {
      name: 'the banner before the offline is one crash with it',
      obs: [state('running', 0), line(BANNER, 100), state('offline', 200)],
      crashes: [crash(1, 100, 'console')],
    },
    {
      name: 'the offline and then the banner, as Wings publishes them, are one crash',
      obs: [state('running', 0), state('offline', 100), line(BANNER, 120), line('[Pterodactyl Daemon]: Exit code: 1', 121)],
      crashes: [crash(1, 100)],
    },
    { name: 'ordinary console lines are not crashes', obs: [state('running', 0), line('[Server] Done (3.1s)! For help, type "help"', 100)], crashes: [] },
  ] satisfies Array<{ name: string; obs: CrashObservation[]; crashes: unknown[] }>)('$name', ({ obs, crashes }) => {
    expect(run(obs).crashes).toEqual(crashes);
  });

  it('marks the offline of a crash as such, whether it began the crash or followed the banner', () => {
    expect(run([state('running', 0), state('offline', 10)]).crashOfflines).toEqual([10]);
    expect(run([state('running', 0), line(BANNER, 5), state('offline', 10)]).crashOfflines).toEqual([10]);
    expect(run([state('running', 0), state('stopping', 5), state('offline', 10)]).crashOfflines).toEqual([]);
  });
});

describe('observeCrash: a second crash within a minute (wings server/crash.go)', () => {
  it('is a crash of its own, however soon after the first, once the server was up in between', () => {
    const { crashes, reactions } = run([
      state('running', 0),
      state('offline', 1_000),
      line(BANNER, 1_010),
      state('starting', 1_050), // Wings restarts it once
      state('running', 3_000),
      state('offline', 4_000), // and it crashes again
      line(BANNER, 4_010),
      line(ABORT, 4_020),
    ]);
    expect(crashes).toEqual([crash(1, 1_000), crash(2, 4_000)]);
    expect(reactions).toEqual([
      { id: 1, reaction: 'restarting' },
      { id: 2, reaction: 'not-restarted' },
    ]);
  });

  it('counts a crash during the restart (starting → offline) as the second', () => {
    const { crashes, reactions } = run([state('running', 0), state('offline', 10), state('starting', 20), state('offline', 30), line(ABORT, 31)]);
    expect(crashes.map((c) => c.id)).toEqual([1, 2]);
    expect(reactions).toEqual([
      { id: 1, reaction: 'restarting' },
      { id: 2, reaction: 'not-restarted' },
    ]);
  });

  it.each([
    { text: ABORT, reaction: 'not-restarted' },
    { text: DISABLED, reaction: 'detection-disabled' },
    { text: FAILED, reaction: 'restart-failed' },
  ])('reads Wings’ reaction "$reaction" from its line', ({ text, reaction }) => {
    expect(crashReactionOf(text)).toBe(reaction);
    expect(run([state('running', 0), state('offline', 10), line(text, 20)]).reactions).toEqual([{ id: 1, reaction }]);
  });

  it('takes one reaction per crash, and none from lines long after it', () => {
    expect(run([state('running', 0), state('offline', 10), line(ABORT, 20), line(ABORT, 30)]).reactions).toHaveLength(1);
    expect(run([state('running', 0), state('offline', 10), line(ABORT, 10 + CRASH_SIGNAL_WINDOW_MS)]).reactions).toEqual([]);
    // A start by hand a minute later is not Wings' automatic restart.
    expect(run([state('running', 0), state('offline', 10), state('starting', 60_000)]).reactions).toEqual([]);
  });
});

describe('observeCrash: crash loops', () => {
  it('calls the third crash in ten minutes the start of a loop, and the next ones part of it', () => {
    const up = (atMs: number) => [state('starting', atMs), state('running', atMs + 1)];
    const { crashes } = run([
      state('running', 0),
      state('offline', 60_000),
      ...up(60_010),
      state('offline', 180_000),
      ...up(180_010),
      state('offline', 300_000),
      ...up(300_010),
      state('offline', 420_000),
    ]);
    expect(crashes.map((c) => c.loop)).toEqual([null, null, 'started', 'ongoing']);
  });

  it('ends a loop after ten quiet minutes: the next crash is a plain one again', () => {
    const obs: CrashObservation[] = [state('running', 0)];
    for (const t of [1_000, 2_000, 3_000]) obs.push(state('offline', t), state('starting', t + 1), state('running', t + 2));
    const later = 3_000 + CRASH_LOOP_WINDOW_MS + 1;
    obs.push(state('offline', later));
    expect(run(obs).crashes.map((c) => c.loop)).toEqual([null, null, 'started', null]);
  });
});

describe('crash lines', () => {
  it('recognises the banner of Pelican and of Pterodactyl, in any case', () => {
    expect(isCrashLine(BANNER)).toBe(true);
    expect(isCrashLine('[Pelican Daemon]: ---------- Detected server process in a CRASHED STATE! ----------')).toBe(true);
    expect(isCrashLine('[Pterodactyl Daemon]: Server marked as offline...')).toBe(false);
    expect(crashReactionOf('[Pterodactyl Daemon]: Server marked as offline...')).toBeNull();
  });
});
