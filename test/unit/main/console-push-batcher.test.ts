/** Console (issue 15): main pushes console lines to the window in batches of a frame, in order. */
import { describe, expect, it } from 'vitest';
import { CONSOLE_PUSH_MAX_LINES, ConsolePushBatcher, type PushTimers } from '../../../src/main/console-push-batcher';
import type { ConsoleLine } from '../../../src/shared/types';

function manualTimers(): PushTimers & { fire(): void; armed(): number } {
  let runs = new Map<number, () => void>();
  let next = 1;
  return {
    set: (run) => (runs.set(next, run), next++),
    clear: (handle) => void runs.delete(handle as number),
    fire: () => {
      const now = runs;
      runs = new Map();
      for (const run of now.values()) run();
    },
    armed: () => runs.size,
  };
}

const line = (text: string): ConsoleLine => ({ server: { accountId: 'a', identifier: 'b' }, text, kind: 'output' });

describe('ConsolePushBatcher', () => {
  it('sends the lines of one interval in one push, in order, with one timer', () => {
    const timers = manualTimers();
    const sent: string[][] = [];
    const batcher = new ConsolePushBatcher((lines) => sent.push(lines.map((l) => l.text)), timers);
    for (let i = 0; i < 1000; i++) batcher.push(line(`l${i}`));
    expect(timers.armed()).toBe(1);
    expect(sent).toEqual([]);
    timers.fire();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toHaveLength(1000);
    expect(sent[0]!.slice(0, 2)).toEqual(['l0', 'l1']);
    timers.fire();
    expect(sent).toHaveLength(1);
  });

  it('flushes at once before a connection change, and sends nothing after stop', () => {
    const timers = manualTimers();
    const sent: string[][] = [];
    const batcher = new ConsolePushBatcher((lines) => sent.push(lines.map((l) => l.text)), timers);
    batcher.push(line('old connection'));
    batcher.flush();
    expect(sent).toEqual([['old connection']]);
    expect(timers.armed()).toBe(0);
    batcher.push(line('dropped'));
    batcher.stop();
    timers.fire();
    expect(sent).toEqual([['old connection']]);
  });

  it('keeps at most its bound when the window does not read, the newest', () => {
    const timers = manualTimers();
    const sent: ConsoleLine[][] = [];
    const batcher = new ConsolePushBatcher((lines) => sent.push(lines), timers);
    for (let i = 0; i < CONSOLE_PUSH_MAX_LINES + 5; i++) batcher.push(line(`l${i}`));
    timers.fire();
    expect(sent[0]).toHaveLength(CONSOLE_PUSH_MAX_LINES);
    expect(sent[0]!.at(-1)!.text).toBe(`l${CONSOLE_PUSH_MAX_LINES + 4}`);
  });
});
