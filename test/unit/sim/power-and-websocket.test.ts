import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startSimPanel } from '../../../src/sim';
import type { SimPanel } from '../../../src/sim';
import { WsProbe, getJson, postJson } from './sim-test-kit';
import type { Frame } from './sim-test-kit';

const isState = (state: string) => (frame: Frame) => frame.args?.[0] === state;

describe('power state machine and the websocket', () => {
  let sim: SimPanel;
  const probes: WsProbe[] = [];
  const connect = async (server: string) => {
    const result = await WsProbe.connect(sim, server);
    probes.push(result.probe);
    return result;
  };
  beforeAll(async () => {
    sim = await startSimPanel({ servers: 6, tickMs: 20, statsIntervalMs: 30 });
  });
  afterEach(async () => {
    await Promise.all(probes.splice(0).map((p) => p.close()));
  });
  afterAll(() => sim.close());

  const offlineServer = () => sim.control.servers()[1]!.identifier;
  const runningServer = () => sim.control.servers()[0]!.identifier;

  test('first auth sends status and, when offline, a stats snapshot (Wings shape, JSON string)', async () => {
    const id = offlineServer();
    sim.control.setState(id, 'offline');
    const { probe } = await connect(id);
    expect((await probe.next('status')).args).toEqual(['offline']);
    const stats = JSON.parse((await probe.next('stats')).args![0]!);
    expect(stats).toMatchObject({ state: 'offline', memory_bytes: 0, network: { rx_bytes: 0, tx_bytes: 0 }, uptime: 0 });
    expect(stats.disk_bytes).toBeGreaterThan(0);
  });

  test('REST power start: starting, then running a couple of ticks later; stop: stopping, then offline', async () => {
    const id = offlineServer();
    sim.control.setState(id, 'offline');
    const { probe } = await connect(id);
    expect((await postJson(sim, `/api/client/servers/${id}/power`, { signal: 'start' })).status).toBe(204);
    await probe.next('status', isState('starting'));
    await probe.next('status', isState('running'));
    expect((await getJson(sim, `/api/client/servers/${id}/resources`)).body.attributes.current_state).toBe('running');
    const pushed = JSON.parse((await probe.next('stats', (f) => JSON.parse(f.args![0]!).state === 'running')).args![0]!);
    expect(pushed.memory_bytes).toBeGreaterThan(0);
    await postJson(sim, `/api/client/servers/${id}/power`, { signal: 'stop' });
    await probe.next('status', isState('stopping'));
    await probe.next('status', isState('offline'));
  });

  test('start while running is a no-op; kill is offline at once; restart goes round', async () => {
    const id = runningServer();
    sim.control.setState(id, 'running');
    const { probe } = await connect(id);
    await probe.next('status');
    await postJson(sim, `/api/client/servers/${id}/power`, { signal: 'start' });
    expect(sim.control.servers()[0]!.state).toBe('running');
    await postJson(sim, `/api/client/servers/${id}/power`, { signal: 'kill' });
    expect(sim.control.servers()[0]!.state).toBe('offline');
    await probe.next('status', isState('offline'));
    probe.send('set state', 'restart');
    await probe.next('status', isState('starting'));
    await probe.next('status', isState('running'));
  });

  test('a second power action while one runs is a daemon error', async () => {
    const id = offlineServer();
    sim.control.setState(id, 'offline');
    const { probe } = await connect(id);
    probe.send('set state', 'start');
    await probe.next('status', isState('starting'));
    probe.send('set state', 'stop');
    expect((await probe.next('daemon error')).args![0]).toMatch(/another power action is currently being processed/);
    await probe.next('status', isState('running'));
  });

  test('console: the game answers a command (no echo, as Wings), send logs only while running', async () => {
    const id = runningServer();
    sim.control.setState(id, 'running');
    const { probe } = await connect(id);
    expect((await postJson(sim, `/api/client/servers/${id}/command`, { command: 'say hello' })).status).toBe(204);
    await probe.next('console output', (f) => f.args![0]!.includes('[Server] hello'));
    probe.send('send command', 'list');
    await probe.next('console output', (f) => f.args![0]!.includes('There are 0 of a max of 20 players online'));
    expect(probe.frames.some((f) => f.event === 'console output' && f.args![0]!.startsWith('> '))).toBe(false);
    const backlog = await connect(id);
    backlog.probe.send('send logs');
    await backlog.probe.next('console output', (f) => f.args![0]!.includes('[Server] hello'));
    await postJson(sim, `/api/client/servers/${id}/power`, { signal: 'kill' });
    await probe.next('status', isState('offline'));
    probe.send('send logs');
    probe.send('send stats');
    await probe.next('stats');
    expect(probe.frames.filter((f) => f.event === 'console output' && f.args![0]!.includes('players online'))).toHaveLength(1);
  });

  test('a server that was running at start has a boot log backlog for send logs', async () => {
    const id = sim.control.servers()[3]!.identifier; // untouched by other tests, running since start
    const { probe } = await connect(id);
    probe.send('send logs');
    await probe.next('console output', (f) => f.args![0]!.includes('Checking server disk space usage'));
    await probe.next('console output', (f) => f.args![0]!.includes('Done ('));
  });

  test('emitConsole reaches every authenticated socket', async () => {
    const id = runningServer();
    const a = await connect(id);
    const b = await connect(id);
    sim.control.emitConsole(id, 'hello from the test');
    await a.probe.next('console output', (f) => f.args![0] === 'hello from the test');
    await b.probe.next('console output', (f) => f.args![0] === 'hello from the test');
  });

  test('the Origin must equal the panel URL exactly', async () => {
    const id = runningServer();
    const { body } = await getJson(sim, `/api/client/servers/${id}/websocket`);
    await expect(WsProbe.open(body.data.socket, `${sim.url}/`)).rejects.toThrow('upgrade refused: 403');
    await expect(WsProbe.open(body.data.socket, 'http://evil.example')).rejects.toThrow('upgrade refused: 403');
  });

  test('events before auth get a jwt error; a token for another server is refused; re-auth only says auth success', async () => {
    const [first, second] = sim.control.servers();
    const { body } = await getJson(sim, `/api/client/servers/${first!.identifier}/websocket`);
    const other = (await getJson(sim, `/api/client/servers/${second!.identifier}/websocket`)).body.data.token;
    const probe = await WsProbe.open(body.data.socket, sim.url);
    probes.push(probe);
    probe.send('send stats');
    expect((await probe.next('jwt error')).args).toEqual(['jwt: no jwt present']);
    probe.send('auth', other);
    expect((await probe.next('jwt error')).args![0]).toMatch(/^Error Event \[.+\]: jwt: server uuid mismatch$/);
    probe.send('auth', body.data.token);
    await probe.next('auth success');
    await probe.next('status');
    probe.send('auth', body.data.token);
    await probe.next('auth success');
    probe.send('send stats');
    await probe.next('stats');
    expect(probe.frames.filter((f) => f.event === 'status')).toHaveLength(1);
  });

  test('a suspended server closes its sockets with 4409 (Pterodactyl Wings 1.12, the default)', async () => {
    const id = sim.control.servers()[2]!.identifier;
    const { probe } = await connect(id);
    sim.control.suspend(id);
    try {
      expect(await probe.closed()).toBe(4409);
    } finally {
      sim.control.suspend(id, false);
    }
  });
});

describe('token lifetime', () => {
  let sim: SimPanel;
  afterAll(() => sim.close());

  // wings router/websocket/listeners.go (listenForExpiration) and websocket.go (SendJson, TokenValid).
  test('token expiring on the tick at <= 60 s left; once expired every event is a jwt error, even "token expired"', async () => {
    sim = await startSimPanel({ servers: 1, tokenTtlMs: 300, tokenCheckMs: 100, statsIntervalMs: 50 });
    const id = sim.control.servers()[0]!.identifier;
    sim.control.setState(id, 'running');
    const { probe } = await WsProbe.connect(sim, id);
    try {
      await probe.next('token expiring');
      // The pushed stats become jwt errors; the tick's own `token expired` is replaced too.
      expect((await probe.next('jwt error')).args).toEqual(['jwt: exp claim is invalid']);
      probe.send('send command', 'say lost');
      await probe.next('jwt error');
      expect(probe.frames.some((f) => f.event === 'token expired')).toBe(false);
      const fresh = (await getJson(sim, `/api/client/servers/${id}/websocket`)).body.data.token;
      const statusesBefore = probe.frames.filter((f) => f.event === 'status').length;
      probe.send('auth', fresh);
      await probe.next('auth success');
      probe.send('send stats');
      const stats = JSON.parse(
        (await probe.next('stats', (f) => probe.frames.indexOf(f) > probe.frames.findLastIndex((x) => x.event === 'auth success'))).args![0]!,
      );
      expect(stats.state).toBe('running');
      // A re-auth brings no `status`, and the command sent while expired was never run.
      expect(probe.frames.filter((f) => f.event === 'status')).toHaveLength(statusesBefore);
      expect(probe.frames.some((f) => f.event === 'console output' && String(f.args?.[0]).includes('lost'))).toBe(false);
    } finally {
      await probe.close();
    }
  });

  test('expireTokens() denylists the tokens issued so far: pushed events become jwt errors, an old token is refused', async () => {
    const second = await startSimPanel({ servers: 1, statsIntervalMs: 30 });
    try {
      const id = second.control.servers()[0]!.identifier;
      second.control.setState(id, 'running');
      const { probe, token } = await WsProbe.connect(second, id);
      await probe.next('stats');
      second.control.expireTokens();
      expect((await probe.next('jwt error')).args).toEqual(['jwt: created too far in past (denylist)']);
      probe.send('auth', token);
      expect((await probe.next('jwt error', (f) => String(f.args?.[0]).startsWith('Error Event'))).args![0]).toMatch(
        /^Error Event \[.+\]: jwt: created too far in past \(denylist\)$/,
      );
      await probe.close();
    } finally {
      await second.close();
    }
  });
});
