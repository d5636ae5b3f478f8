/**
 * Never blind with the panel's real 10-minute tokens, on compressed time (helpers/compressed-rig:
 * the monitor stack the app runs, and the sim's panel and Wings, on one manual clock). The panel
 * goes down shortly before every token's expiry and stays down past it, answering each way a
 * broken panel or its proxy does, while the servers change state on Wings. The views the window
 * draws and the tray model main renders must show the truth within 10 s of the panel answering
 * again, and each crash after that must be one event. truth-faults.test.ts does the same with
 * 60-second tokens on the real app.
 */
import { afterEach, describe, expect } from 'vitest';
import type { SimFault } from '../../src/sim';
import type { CrashEvent } from '../../src/core/rules/notification-policy';
import { startCompressedRig, type CompressedRig } from './helpers/compressed-rig';
import { simVersions } from '../helpers/sim-versions';
import { faultCase } from './helpers/fault-ledger';

const MINUTE = 60_000;
const MARKS = { running: '●', starting: '◐', stopping: '◑', offline: '○' } as const;

let rig: CompressedRig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

/** Every server as the sim has it, in the views (current) and the tray (its exact mark, no age). */
function isEverythingTrue(r: CompressedRig): boolean {
  const tray = r.tray().sections[0]?.servers ?? [];
  return (r.sim?.control.servers() ?? []).every((truth) => {
    const view = r.view(truth.identifier);
    const item = tray.find((i) => i.identifier === truth.identifier);
    return view?.state === truth.state && view.isStateCurrent && item?.label === `${MARKS[truth.state]} ${truth.name}`;
  });
}

const FAULTS: Array<[string, SimFault]> = [
  ['a 500 page', { type: 'status', status: 500, body: '<html><body><h1>500 Internal Server Error</h1></body></html>' }],
  ['a JSON 502 from a proxy', { type: 'status', status: 502, body: { message: 'Bad Gateway' } }],
  ['a 404 page', { type: 'status', status: 404, body: 'Not Found' }],
  ['a 200 challenge page', { type: 'html' }],
  ['connection resets', { type: 'reset' }],
];

// Cheap (under a second on compressed time), so against every panel release.
describe.each(simVersions())('10-minute tokens, on compressed time (%s)', (version) => {
  for (const [what, fault] of FAULTS) {
    faultCase(`the panel down past every token’s expiry, answering ${what}`, async () => {
      rig = await startCompressedRig({ sim: { version, servers: 4 } });
      const r = rig;
      const sim = r.sim!;
      // The tokens of the first connects die ten minutes in; the app asks for the next one a minute before.
      await r.clock.advance(8 * MINUTE + 30_000);
      expect(r.isSettled()).toBe(true);
      const downAt = r.clock.now();
      sim.control.injectFault({ route: /^\/api\/client/, count: 1_000_000, fault });
      await r.clock.advanceUntil('unreachable', () => r.accountStatus() === 'unreachable', 30_000, 500);
      expect(r.tray().sections[0]?.problem).toBe('Panel unreachable: retrying');
      await r.clock.advanceUntil('every token dead', () => r.monitor.servers().every((s) => !s.isLive), 3 * MINUTE, 1_000);
      expect(r.clock.now() - downAt).toBeGreaterThan(MINUTE);
      // On Wings, unseen: a stop from elsewhere, a start, a crash that Wings restarts.
      const servers = sim.control.servers();
      const [stopped, crashed] = servers.filter((s) => s.state === 'running');
      const started = servers.find((s) => s.state === 'offline')!;
      sim.control.setState(stopped!.identifier, 'stopping');
      sim.control.setState(stopped!.identifier, 'offline');
      sim.control.setState(started.identifier, 'running');
      sim.control.crash(crashed!.identifier);
      await r.clock.advance(30_000);
      expect(r.monitor.servers().every((s) => !s.isStateCurrent)).toBe(true);
      expect(r.tray().sections[0]?.servers.every((i) => / \(as of .+\)$/.test(i.label))).toBe(true);

      sim.control.clearFaults();
      const took = await r.clock.advanceUntil('every view and tray item true and current', () => isEverythingTrue(r), 10_000, 250);
      expect(took).toBeLessThanOrEqual(10_000);
      expect(r.accountStatus()).toBe('ok');
      expect(r.events.filter((e) => e.seenAtMs >= downAt && e.type === 'crash')).toEqual([]);

      // Two crashes of one server within a minute, after the recovery: one event each.
      const backAt = r.clock.now();
      const victim = sim.control.servers().find((s) => s.state === 'running')!;
      sim.control.crash(victim.identifier);
      await r.clock.advanceUntil(
        'restarted and seen up',
        () => r.view(victim.identifier)?.state === 'running' && r.events.some((e) => e.type === 'crash' && e.seenAtMs >= backAt),
        10_000,
        250,
      );
      sim.control.crash(victim.identifier);
      await r.clock.advance(5_000);
      const crashes = r.events.filter((e): e is CrashEvent & { seenAtMs: number } => e.type === 'crash' && e.seenAtMs >= backAt);
      expect(crashes.map((c) => [c.server.identifier, c.reaction, c.isRepeat])).toEqual([
        [victim.identifier, 'restarting', false],
        [victim.identifier, 'not-restarted', true],
      ]);
      expect(r.view(victim.identifier)?.state).toBe('offline');
    });
  }
});
