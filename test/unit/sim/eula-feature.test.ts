/**
 * The Minecraft EULA over a real socket: a server whose eula.txt does not agree stops at its
 * first start (exit code 0, a crash to Wings); Pelican's Wings sends `feature match`
 * (pelican-dev/wings server/listeners.go); writing `eula=true` and starting again, as the
 * panel's EulaModalFeature does, gets it running.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startSimPanel } from '../../../src/sim';
import type { SimPanel, SimPanelOptions } from '../../../src/sim';
import { ManualClock } from '../../helpers/manual-clock';
import { WsProbe, api } from './sim-test-kit';

const EULA = '[10:00:01 INFO]: You need to agree to the EULA in order to run the server. Go to eula.txt for more info.';

let sim: SimPanel | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function eulaServer(options: SimPanelOptions): Promise<{ panel: SimPanel; id: string; probe: WsProbe; clock: ManualClock }> {
  const clock = new ManualClock(1_700_000_000_000);
  const panel = await startSimPanel({ servers: 1, clock, tickMs: 1000, ...options });
  sim = panel;
  const id = panel.control.servers()[0]!.identifier;
  panel.control.setState(id, 'offline');
  panel.control.requireEula(id);
  const { probe } = await WsProbe.connect(panel, id);
  return { panel, id, probe, clock };
}

const consoleText = (probe: WsProbe): string[] => probe.frames.filter((f) => f.event === 'console output').map((f) => String(f.args?.[0]));

describe('EULA', () => {
  test('pelican: the start stops with the EULA line and a feature match; Wings restarts once, then gives up; eula=true and a restart run it', async () => {
    const { panel, id, probe, clock } = await eulaServer({ version: 'pelican' });
    expect(panel.control.files(id).readText('/eula.txt')).toContain('eula=false');
    probe.send('set state', 'start');
    await probe.next('status', (f) => f.args?.[0] === 'starting');
    clock.advance(1000);
    const match = await probe.next('feature match');
    expect(JSON.parse(match.args![0]!)).toEqual({ key: 'eula', pattern: 'you need to agree to the eula in order to run the server', line: EULA });
    await probe.next('status', (f) => f.args?.[0] === 'offline');
    await probe.next('console output', (f) => String(f.args?.[0]).includes('Exit code: 0'));
    await probe.next('status', (f) => f.args?.[0] === 'starting');
    clock.advance(1000);
    await probe.next('feature match');
    await probe.next('console output', (f) => String(f.args?.[0]).includes('Aborting automatic restart, last crash occurred less than 60 seconds ago.'));
    expect(panel.control.servers()[0]!.state).toBe('offline');
    expect(consoleText(probe).filter((line) => line === EULA)).toHaveLength(2);
    // EulaModalFeature: saveFileContents(uuid, 'eula.txt', 'eula=true'), then `set state` restart.
    const written = await api(panel, `/api/client/servers/${id}/files/write?file=${encodeURIComponent('eula.txt')}`, {
      method: 'POST',
      body: 'eula=true',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(written.status).toBe(204);
    probe.send('set state', 'restart');
    await probe.next('status', (f) => f.args?.[0] === 'starting');
    clock.advance(1000);
    clock.advance(1000);
    await probe.next('status', (f) => f.args?.[0] === 'running');
    expect(consoleText(probe).filter((line) => line === EULA)).toHaveLength(2);
    await probe.close();
  });

  test('pterodactyl 1.12: the same stop, but Wings sends no feature match (the panel matches the line itself)', async () => {
    const { probe, clock } = await eulaServer({ version: 'pterodactyl-1.12' });
    probe.send('set state', 'start');
    await probe.next('status', (f) => f.args?.[0] === 'starting');
    clock.advance(1000);
    await probe.next('console output', (f) => String(f.args?.[0]).includes('Exit code: 0'));
    expect(consoleText(probe)).toContain(EULA);
    expect(probe.frames.some((f) => f.event === 'feature match')).toBe(false);
    await probe.close();
  });

  test('other feature lines match on Pelican; requireEula refuses a non-Minecraft server', async () => {
    const clock = new ManualClock(1_700_000_000_000);
    sim = await startSimPanel({ servers: 3, clock, version: 'pelican' });
    const [minecraft, , valheim] = sim.control.servers();
    const { probe } = await WsProbe.connect(sim, minecraft!.identifier);
    sim.control.emitConsole(minecraft!.identifier, 'Exception in thread "main" java.lang.UnsupportedClassVersionError: bad');
    const match = JSON.parse((await probe.next('feature match')).args![0]!);
    expect(match).toMatchObject({ key: 'java_version', pattern: 'java.lang.UnsupportedClassVersionError' });
    expect(() => sim!.control.requireEula(valheim!.identifier)).toThrow(/does not run a Minecraft egg/);
    await probe.close();
  });
});
