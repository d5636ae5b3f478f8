/** A rate-limited panel's reason (issue 15, item 4): why, and how long until it answers again. */
import { describe, expect, it } from 'vitest';
import { powerBlockedReason, rateLimitedReason, waitText } from '../../../src/shared/power';
import type { ServerView } from '../../../src/shared/types';

describe('waitText', () => {
  it.each([
    [1, '1 s'],
    [999, '1 s'],
    [1_000, '1 s'],
    [1_001, '2 s'],
    [42_000, '42 s'],
    [89_000, '89 s'],
    [90_000, '2 min'],
    [150_000, '3 min'],
  ])('%i ms is "%s"', (ms, text) => expect(waitText(ms)).toBe(text));
});

describe('rateLimitedReason', () => {
  it.each([
    [{ retryAtMs: 60_000, nowMs: 18_000 }, 'The panel asked to wait before the next request (rate limit): it answers again in 42 s.'],
    [{ retryAtMs: 60_000, nowMs: 60_000 }, 'The panel asked to wait before the next request: it should answer again now.'],
    [{ retryAtMs: null, nowMs: 0 }, 'The panel asked to wait before the next request.'],
    [undefined, 'The panel asked to wait before the next request.'],
  ])('%j', (wait, text) => expect(rateLimitedReason(wait)).toBe(text));

  it('is what a rate-limited panel’s power buttons say, before any reason of the server', () => {
    const server = { state: 'running', availability: 'suspended' } as ServerView;
    expect(powerBlockedReason(server, 'rate-limited', { retryAtMs: 10_000, nowMs: 0 })).toContain('answers again in 10 s');
    expect(powerBlockedReason(server, 'ok')).toContain('Suspended');
  });
});
