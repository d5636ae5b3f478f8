/** The last-states file as input: what parses is kept, the rest is dropped, never trusted. */
import { describe, expect, it } from 'vitest';
import { STATE_CACHE_MAX_AGE_MS, cacheableServer, parseStateCache, serializeStateCache, type CachedAccount } from '../../../../src/core/monitor/state-cache';
import { windowHeadroom } from '../../../../src/core/monitor/budget';
import { fakeServer } from '../../../helpers/fake-client';

const NOW = Date.UTC(2026, 11, 3);
const server = fakeServer({ identifier: 'serv_abcdefghijklmnopqrstuvwxyz', name: 'Prefixed' });

function file(servers: unknown[], version: unknown = 1): string {
  return JSON.stringify({ version, savedAtMs: NOW, accounts: { a1: { url: 'https://p.example', servers } } });
}

describe('state cache', () => {
  it('round-trips what it wrote, without the startup command', () => {
    const accounts: Record<string, CachedAccount> = {
      a1: {
        url: 'https://p.example',
        servers: [{ server: cacheableServer({ ...server, invocation: 'java -Xmx4G -jar server.jar --secret=abc' }), state: 'running', seenAtMs: NOW - 5 }],
      },
    };
    const text = serializeStateCache(accounts, NOW);
    expect(text).not.toContain('secret=abc');
    expect(parseStateCache(text, NOW)).toEqual(accounts);
  });

  it('gives nothing for text that is not JSON, another version, or not an object', () => {
    expect(parseStateCache('not json', NOW)).toEqual({});
    expect(parseStateCache(file([{ server, state: 'running', seenAtMs: NOW }], 2), NOW)).toEqual({});
    expect(parseStateCache('[1,2]', NOW)).toEqual({});
  });

  it('drops each server that does not parse, keeping the rest', () => {
    const good = { server, state: 'offline', seenAtMs: NOW - 10 };
    const parsed = parseStateCache(
      file([
        good,
        { server, state: 'exploded', seenAtMs: NOW },
        { server, state: 'running', seenAtMs: NOW + 60_000 }, // From the future: a clock gone wrong.
        { server, state: 'running', seenAtMs: NOW - STATE_CACHE_MAX_AGE_MS - 1 },
        { server: { ...server, identifier: '../../etc/passwd' }, state: 'running', seenAtMs: NOW },
        { server: { ...server, limits: null }, state: 'running', seenAtMs: NOW },
        'a string',
      ]),
      NOW,
    );
    expect(parsed['a1']?.servers).toEqual([good]);
  });
});

describe('windowHeadroom', () => {
  it('has all but the reserved half in a window nobody was seen to use', () => {
    expect(windowHeadroom({ limitPerMinute: 256 }, NOW)).toEqual({ spare: 128, retryAtMs: null });
  });

  it('counts what the user did elsewhere (remaining counts everything) and waits for the window end at the half', () => {
    expect(windowHeadroom({ limitPerMinute: 256, windowRemaining: 140, windowEndsByMs: NOW + 30_000 }, NOW)).toEqual({ spare: 12, retryAtMs: null });
    expect(windowHeadroom({ limitPerMinute: 256, windowRemaining: 128, windowEndsByMs: NOW + 30_000 }, NOW)).toEqual({ spare: 0, retryAtMs: NOW + 30_000 });
  });

  it('looks again in a second when the window end is unknown or past', () => {
    expect(windowHeadroom({ limitPerMinute: 256, windowRemaining: 10, windowEndsByMs: null }, NOW).retryAtMs).toBe(NOW + 1_000);
  });
});
