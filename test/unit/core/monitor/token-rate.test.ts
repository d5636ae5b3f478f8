/**
 * Never a sixth websocket token a minute for one server (the panels' per-server limit, Pelican
 * ResourceLimit `websocket` 5/min), however often its socket drops or "Refresh now" is pressed,
 * and without holding back the other servers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_WINDOW_MS, TOKENS_PER_SERVER, TokenRate } from '../../../../src/core/monitor/token-rate';
import { createHarness, type Harness } from './helpers/harness';
import { makeServers } from './helpers/fake-panel';

let h: Harness | null = null;
afterEach(() => {
  h?.monitor.dispose();
  h = null;
});

/** Most token requests for one server in any sliding minute. */
function busiestMinute(harness: Harness, identifier: string): number {
  const times = harness.panel.log.filter((r) => r.method === 'websocket' && r.identifier === identifier).map((r) => r.atMs);
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= TOKEN_WINDOW_MS) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('TokenRate', () => {
  it('lets five through in a minute and says when the sixth may go', () => {
    const rate = new TokenRate();
    for (let i = 0; i < TOKENS_PER_SERVER; i++) {
      expect(rate.waitMs('a', i * 1_000)).toBe(0);
      rate.record('a', i * 1_000);
    }
    expect(rate.waitMs('a', 5_000)).toBe(TOKEN_WINDOW_MS - 5_000);
    expect(rate.waitMs('b', 5_000)).toBe(0);
    expect(rate.waitMs('a', TOKEN_WINDOW_MS)).toBe(0);
  });
});

describe('a socket that keeps dropping', () => {
  it('never asks for a sixth token in a minute, and the other server is not held back', async () => {
    h = createHarness({ servers: makeServers(2) });
    await h.start();
    const flapping = 's0000000';
    // Connected, then dropped, every second for three minutes, with "Refresh now" pressed too.
    for (let second = 0; second < 180; second++) {
      // The flapping server's live socket (a new one knows its server once it has a token).
      const socket = h.sockets.find((s) => !s.isDisposed && (s.identifier === flapping || s.identifier === null));
      if (socket?.state === 'connected') socket.drop();
      socket?.retryNow();
      if (second % 7 === 0) h.monitor.refresh();
      await h.clock.advance(1_000);
    }
    expect(h.panel.count('websocket')).toBeGreaterThan(TOKENS_PER_SERVER);
    expect(busiestMinute(h, flapping)).toBeLessThanOrEqual(TOKENS_PER_SERVER);
    // The other server kept its socket and state throughout.
    expect(h.view('s0000001')).toMatchObject({ isLive: true, isStateCurrent: true });
    expect(h.monitor.accounts()[0]?.status).toBe('ok');
  });

  it('waits as long as the client’s route count says for that server only (the panel’s 429, other users)', async () => {
    h = createHarness({ servers: makeServers(2) });
    h.panel.tokenRouteFreeAtMs.set('s0000000', h.clock.now() + 40_000);
    await h.start();
    await h.clock.advance(1_000);
    const tokensOf = (id: string): number => h!.panel.log.filter((r) => r.method === 'websocket' && r.identifier === id).length;
    expect(tokensOf('s0000000')).toBe(0);
    expect(tokensOf('s0000001')).toBeGreaterThan(0);
    await h.clock.advance(40_000);
    expect(tokensOf('s0000000')).toBeGreaterThan(0);
    expect(h.monitor.accounts()[0]?.status).toBe('ok');
  });
});
