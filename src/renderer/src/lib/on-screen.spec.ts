import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OnScreenReporter } from './on-screen';
import type { ServerRef } from '../../../shared/types';

const ref = (identifier: string, accountId = 'a'): ServerRef => ({ accountId, identifier });
const keys = (refs: ServerRef[]): string[] => refs.map((r) => `${r.accountId}/${r.identifier}`);

describe('OnScreenReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gathers a scroll’s changes into one report, the open server first', async () => {
    const sent: ServerRef[][] = [];
    const reporter = new OnScreenReporter(async (refs) => sent.push(refs), 250);
    reporter.open(ref('open'));
    for (let i = 0; i < 50; i++) reporter.row(ref(`r${i}`), true);
    for (let i = 0; i < 40; i++) reporter.row(ref(`r${i}`), false);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(250);
    expect(sent).toHaveLength(1);
    expect(keys(sent[0]!)).toEqual(['a/open', ...Array.from({ length: 10 }, (_, i) => `a/r${i + 40}`)]);
  });

  it('sends nothing when the view did not change, and each server once', async () => {
    const sent: ServerRef[][] = [];
    const reporter = new OnScreenReporter(async (refs) => sent.push(refs), 250);
    reporter.row(ref('x'), true);
    reporter.open(ref('x'));
    await vi.advanceTimersByTimeAsync(250);
    reporter.row(ref('x'), false);
    reporter.row(ref('x'), true);
    await vi.advanceTimersByTimeAsync(250);
    expect(sent.map(keys)).toEqual([['a/x']]);
    reporter.clearRows();
    reporter.open(null);
    await vi.advanceTimersByTimeAsync(250);
    expect(sent.map(keys)).toEqual([['a/x'], []]);
  });

  it('sends the same view again after a report was refused', async () => {
    const send = vi.fn(async (_refs: ServerRef[]) => undefined).mockRejectedValueOnce(new Error('gone'));
    const reporter = new OnScreenReporter(send, 250);
    reporter.row(ref('x'), true);
    await vi.advanceTimersByTimeAsync(250);
    reporter.row(ref('x'), true);
    await vi.advanceTimersByTimeAsync(250);
    expect(send).toHaveBeenCalledTimes(2);
  });
});
