/**
 * The Wings socket against the simulated Wings of each release: a burst of typed commands is paced
 * under Wings' limiter (1.12 and Pelican throttle, pelican-dev/wings router/websocket/limiter.go;
 * 1.11 does not, and pacing costs nothing there) so none is dropped; a revocation (Wings' denylist,
 * by `iat` in whole seconds, `Before` on 1.11 and `!After` since) is recovered from with one token.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WingsSocket } from '../../src/core/wings';
import type { SimPanel, SimPanelVersion } from '../../src/sim/types';
import { clientFor, serverId, startTestSim } from '../helpers/sim';

const VERSIONS: SimPanelVersion[] = ['pterodactyl-1.11', 'pterodactyl-1.12', 'pelican'];

let sim: SimPanel | null = null;
let socket: WingsSocket | null = null;
afterEach(async () => {
  socket?.dispose();
  socket = null;
  await sim?.close();
  sim = null;
});

/** Resolves when `predicate` holds, checked on every socket event; rejects after `timeoutMs`. */
function until(s: WingsSocket, what: string, predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const offs = (['connection', 'console', 'stats', 'status'] as const).map((e) => s.on(e, () => check()));
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${what}`)), timeoutMs);
    function finish(err?: Error): void {
      clearTimeout(timer);
      for (const off of offs) off();
      if (err) reject(err);
      else resolve();
    }
    function check(): void {
      if (predicate()) finish();
    }
    check();
  });
}

async function connectedTo(version: SimPanelVersion): Promise<{ s: WingsSocket; id: string; panel: SimPanel }> {
  const panel = await startTestSim({ version, servers: 1 });
  sim = panel;
  const id = serverId(panel);
  const client = clientFor(panel);
  const s = new WingsSocket({ panelUrl: panel.url, fetchCredentials: () => client.getWebsocketCredentials(id) });
  socket = s;
  s.connect();
  await until(s, 'connected', () => s.state === 'connected');
  return { s, id, panel };
}

const tokenRequests = (panel: SimPanel): number => panel.control.requestCount(/\/websocket$/);

describe.each(VERSIONS)('Wings %s', (version) => {
  it('takes a burst of twelve typed commands, paced, without one throttled or lost', async () => {
    const { s, id, panel } = await connectedTo(version);
    const throttled: string[] = [];
    s.on('throttled', (name) => throttled.push(name));
    const texts = Array.from({ length: 12 }, (_, i) => `say burst ${i}`);
    for (const text of texts) expect(s.sendCommand(text)).toBe(true);
    const heard = (): string[] => panel.control.consoleLines(id).filter((l) => l.includes('burst '));
    await until(s, 'every command answered', () => heard().length === texts.length, 15_000);
    expect(heard().map((l) => l.replace(/.*burst /, ''))).toEqual(texts.map((_, i) => String(i)));
    expect(throttled).toEqual([]);
  });

  it('recovers from a revocation with exactly one new token, fetched after the second it happened in', async () => {
    const { s, panel } = await connectedTo(version);
    const before = tokenRequests(panel);
    const deniedAtMs = Date.now();
    panel.control.expireTokens();
    // The next stats push comes back as a refusal; the socket is not live until a new token is in.
    await until(s, 'the token refused', () => s.state === 'authenticating');
    await until(s, 'connected again', () => s.state === 'connected');
    expect(tokenRequests(panel)).toBe(before + 1);
    expect(Date.now()).toBeGreaterThanOrEqual(Math.floor(deniedAtMs / 1000) * 1000 + 1000);
    // And it stays so: a few seconds of stats and no other token.
    let frames = 0;
    await until(s, 'stats under the new token', () => ++frames > 5);
    expect(tokenRequests(panel)).toBe(before + 1);
    expect(s.state).toBe('connected');
  });
});
