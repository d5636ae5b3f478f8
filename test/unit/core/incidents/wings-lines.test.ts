import { describe, expect, it } from 'vitest';
import { ConsoleRing, CRASH_LINES } from '../../../../src/core/incidents/console-ring';
import { daemonText, plainConsoleLine, wingsExitOf } from '../../../../src/core/incidents/wings-lines';
import { crashDaemonLines, daemonLine } from '../../../../src/sim/state/console';

const ref = { accountId: 'a1', identifier: 'abc12345' };

describe('Wings’ crash lines', () => {
  it.each([
    ['pterodactyl', 'Exit code: 137', 'Out of memory: true', { exitCode: 137, oomKilled: true }],
    ['pelican', 'Exit code: 1', 'Out of memory: false', { exitCode: 1, oomKilled: false }],
    ['pterodactyl', 'Exit code: -1', 'Out of memory: false', { exitCode: -1, oomKilled: false }],
  ] as const)('%s: %s / %s', (flavor, code, oom, expected) => {
    const lines = [daemonLine(flavor, code), daemonLine(flavor, oom)].map(plainConsoleLine);
    expect(wingsExitOf(lines)).toEqual(expected);
  });

  it('ignores the game printing the same words: only Wings’ own lines count', () => {
    expect(wingsExitOf(['Exit code: 137', '[Server] Out of memory: true'])).toEqual({ exitCode: null, oomKilled: null });
  });

  it('strips ANSI colours and controls, and caps a huge line', () => {
    expect(plainConsoleLine('\u001b[33m\u001b[1m[Pelican Daemon]:\u001b[39m Exit code: 2\u001b[0m')).toBe('[Pelican Daemon]: Exit code: 2');
    expect(plainConsoleLine('a\u0007b\u0000c  ')).toBe('abc');
    expect(plainConsoleLine('x'.repeat(10_000))).toHaveLength(500);
    expect(daemonText('[Pterodactyl Daemon]: Exit code: 3')).toBe('Exit code: 3');
    expect(daemonText('[Server thread/INFO]: Done')).toBeNull();
  });
});

describe('ConsoleRing', () => {
  it('keeps the game’s lines before the banner and reads the exit code and OOM flag after it', () => {
    const ring = new ConsoleRing();
    for (let i = 0; i < 30; i++) ring.push(ref, `[Server thread/INFO]: tick ${i}`, 1_000 + i);
    ring.push(ref, '[Server thread/WARN]: java.lang.OutOfMemoryError: Java heap space', 1_040);
    for (const line of crashDaemonLines(137, true)) ring.push(ref, daemonLine('pterodactyl', line), 2_000);
    const crash = ring.crash(ref, 2_000);
    expect(crash.exitCode).toBe(137);
    expect(crash.oomKilled).toBe(true);
    expect(crash.lastLines).toHaveLength(CRASH_LINES);
    expect(crash.lastLines.at(-1)).toBe('[Server thread/WARN]: java.lang.OutOfMemoryError: Java heap space');
    expect(crash.lastLines[0]).toBe('[Server thread/INFO]: tick 11');
  });

  it('a crash seen only as an offline: the last lines as they stand, no exit code', () => {
    const ring = new ConsoleRing();
    ring.push(ref, 'hello', 1);
    expect(ring.crash(ref, 100_000)).toEqual({ exitCode: null, oomKilled: null, lastLines: ['hello'] });
    expect(ring.crash({ accountId: 'a1', identifier: 'other' }, 1)).toEqual({ exitCode: null, oomKilled: null, lastLines: [] });
  });

  it('an old banner (outside the crash’s window) is not this crash’s', () => {
    const ring = new ConsoleRing();
    for (const line of crashDaemonLines(1)) ring.push(ref, daemonLine('pelican', line), 1_000);
    ring.push(ref, 'later output', 50_000);
    const crash = ring.crash(ref, 100_000);
    expect(crash.exitCode).toBeNull();
    expect(crash.lastLines.at(-1)).toBe('later output');
  });
});
