/**
 * The simulated Wings does what Wings' source does where the app's truth depends on it: crash
 * handling (wings `server/server.go` OnStateChange, `server/crash.go`) and suspensions, which each
 * Wings handles differently (`server/update.go` in 1.11, wings PR #287 in 1.12, pelican-dev/wings
 * `server/server.go` and `router/router_server_ws.go`).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startSimPanel, type SimPanel, type SimPanelOptions } from '../../../src/sim';
import { WsProbe, getJson } from './sim-test-kit';
import type { Frame } from './sim-test-kit';

const isState = (state: string) => (frame: Frame) => frame.args?.[0] === state;
const says = (text: string) => (frame: Frame) => String(frame.args?.[0]).includes(text);

let sim: SimPanel | null = null;
const probes: WsProbe[] = [];
afterEach(async () => {
  await Promise.all(probes.splice(0).map((p) => p.close()));
  await sim?.close();
  sim = null;
});

async function running(options: SimPanelOptions = {}): Promise<{ sim: SimPanel; id: string; probe: WsProbe }> {
  sim = await startSimPanel({ servers: 1, tickMs: 20, statsIntervalMs: 1_000, ...options });
  const id = sim.control.servers()[0]!.identifier;
  sim.control.setState(id, 'running');
  const { probe } = await WsProbe.connect(sim, id);
  probes.push(probe);
  await probe.next('status', isState('running'));
  return { sim, id, probe };
}

// eslint-disable-next-line no-control-regex -- the escape character of Wings' colours is what is removed
const ANSI = /\u001b\[[0-9;]*m/g;

/** The status frames and Wings' own lines, in the order they came. */
function story(probe: WsProbe): string[] {
  return probe.frames
    .filter((f) => f.event === 'status' || (f.event === 'console output' && /Daemon\]/.test(String(f.args?.[0]))))
    .map((f) =>
      f.event === 'status'
        ? `status ${f.args?.[0]}`
        : String(f.args?.[0])
            .replace(ANSI, '')
            .replace(/^\[\w+ Daemon\]: /, ''),
    )
    .filter((line) => !line.startsWith('Checking') && !line.startsWith('Updating') && !line.startsWith('Ensuring') && !line.includes('Docker'));
}

describe('crashes, as Wings handles them', () => {
  test('the first crash: offline first, then the crash lines, then Wings restarts it', async () => {
    const { sim, id, probe } = await running();
    sim.control.crash(id);
    await probe.next('status', isState('running'));
    expect(story(probe)).toEqual([
      'status running',
      'status offline',
      '---------- Detected server process in a crashed state! ----------',
      'Exit code: 1',
      'Out of memory: false',
      'status starting',
      'status running',
    ]);
  });

  // ── incidents (issue 14) ──
  test('the OOM killer: exit code 137 and "Out of memory: true", over HTTP control too, then the restart', async () => {
    const { sim, id, probe } = await running();
    const answer = await fetch(`${sim.url}/__sim/crash`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sim.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ args: [id, { isOutOfMemory: true }] }),
    });
    expect(answer.status).toBe(200);
    await probe.next('status', isState('running'));
    expect(story(probe).slice(1, 5)).toEqual([
      'status offline',
      '---------- Detected server process in a crashed state! ----------',
      'Exit code: 137',
      'Out of memory: true',
    ]);
  });

  test('a second crash within the timeout is not restarted: "Aborting automatic restart…", and it stays offline', async () => {
    const { sim, id, probe } = await running();
    sim.control.crash(id);
    await probe.next('status', isState('running'));
    sim.control.crash(id);
    await probe.next('console output', says('Aborting automatic restart, last crash occurred less than 60 seconds ago.'));
    expect(story(probe).slice(-5)).toEqual([
      'status offline',
      '---------- Detected server process in a crashed state! ----------',
      'Exit code: 1',
      'Out of memory: false',
      'Aborting automatic restart, last crash occurred less than 60 seconds ago.',
    ]);
    expect(sim.control.servers()[0]!.state).toBe('offline');
  });

  test('a crash while it boots after the first is the second crash too', async () => {
    const { sim, id, probe } = await running({ tickMs: 200 });
    sim.control.crash(id);
    await probe.next('status', isState('starting'));
    sim.control.crash(id);
    await probe.next('console output', says('Aborting automatic restart'));
    expect(sim.control.servers()[0]!.state).toBe('offline');
  });

  test('with a timeout of 0 every crash is restarted; with crash detection off none is', async () => {
    const always = await running({ crashTimeoutMs: 0 });
    always.sim.control.crash(always.id);
    await always.probe.next('status', isState('running'));
    always.sim.control.crash(always.id);
    await always.probe.next('status', isState('running'));
    expect(story(always.probe).filter((l) => l.startsWith('Aborting'))).toEqual([]);
    await Promise.all(probes.splice(0).map((p) => p.close()));
    await always.sim.close();

    const off = await running({ crashDetection: false });
    off.sim.control.crash(off.id);
    await off.probe.next('console output', says('Aborting automatic restart, crash detection is disabled for this instance.'));
    expect(story(off.probe)).toEqual(['status running', 'status offline', 'Aborting automatic restart, crash detection is disabled for this instance.']);
  });

  test('a crash of a server that is not up does nothing', async () => {
    const { sim, id, probe } = await running();
    await fetch(`${sim.url}/api/client/servers/${id}/power`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sim.apiKey}`, Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ signal: 'kill' }),
    });
    await probe.next('status', isState('offline'));
    const before = probe.frames.length;
    sim.control.crash(id);
    probe.send('send stats');
    await probe.next('stats', (f) => probe.frames.indexOf(f) >= before);
    expect(probe.frames.slice(before).some((f) => f.event === 'status' || says('crashed')(f))).toBe(false);
  });
});

describe('suspensions, as each Wings handles them', () => {
  test('Wings 1.11 stops the server (stopping, then offline) and keeps the socket open', async () => {
    const { sim, id, probe } = await running({ wings: 'pterodactyl-1.11' });
    sim.control.suspend(id);
    await probe.next('status', isState('stopping'));
    await probe.next('status', isState('offline'));
    probe.send('send stats');
    expect(JSON.parse((await probe.next('stats', (f) => JSON.parse(f.args![0]!).state === 'offline')).args![0]!).state).toBe('offline');
    expect(probe.closeCode).toBeNull();
    // A new socket needs a token, and the panel refuses one for a suspended server.
    const refused = await getJson(sim, `/api/client/servers/${id}/websocket`);
    expect(refused.status).toBe(409);
  });

  test('Wings 1.12 closes the socket with 4409 before the stop, and refuses a new one with 4409', async () => {
    const { sim, id, probe } = await running({ wings: 'pterodactyl-1.12' });
    const { body } = await getJson<{ data: { token: string; socket: string } }>(sim, `/api/client/servers/${id}/websocket`);
    sim.control.suspend(id);
    expect(await probe.closed()).toBe(4409);
    expect(probe.frames.some((f) => f.event === 'status' && f.args?.[0] === 'stopping')).toBe(false);
    expect(sim.control.servers()[0]!.state).toBe('offline');
    const again = await WsProbe.open(body.data.socket, sim.url);
    probes.push(again);
    expect(await again.closed()).toBe(4409);
  });

  test('Pelican’s Wings drops the socket without a close frame (1006), and refuses a new one with 4409', async () => {
    const { sim, id, probe } = await running({ flavor: 'pelican' });
    const { body } = await getJson<{ data: { token: string; socket: string } }>(sim, `/api/client/servers/${id}/websocket`);
    sim.control.suspend(id);
    expect(await probe.closed()).toBe(1006);
    expect(sim.control.servers()[0]!.state).toBe('offline');
    const again = await WsProbe.open(body.data.socket, sim.url);
    probes.push(again);
    expect(await again.closed()).toBe(4409);
  });

  test('GET /servers/{id} still answers for a suspended server, with is_suspended; /resources answers 409', async () => {
    const { sim, id } = await running();
    sim.control.suspend(id);
    const details = await getJson<{ attributes: { is_suspended: boolean } }>(sim, `/api/client/servers/${id}`);
    expect(details.status).toBe(200);
    expect(details.body.attributes.is_suspended).toBe(true);
    expect((await getJson(sim, `/api/client/servers/${id}/resources`)).status).toBe(409);
  });
});
