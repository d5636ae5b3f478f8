import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createRemoteControl, startSimPanel } from '../../../src/sim';
import type { SimPanel } from '../../../src/sim';
import { WsProbe, api, getJson, json, postJson } from './sim-test-kit';

const RESOURCES = 'GET /api/client/servers/:server/resources';

describe('fault injection and request counting', () => {
  let sim: SimPanel;
  let id: string;
  beforeAll(async () => {
    sim = await startSimPanel({ servers: 2 });
    id = sim.control.servers()[0]!.identifier;
  });
  beforeEach(() => {
    sim.control.clearFaults();
    sim.control.resetCounts();
  });
  afterAll(() => sim.close());

  const resources = (): Promise<Response> => api(sim, `/api/client/servers/${id}/resources`);

  test('status: a 429 with Retry-After for the next `count` matching requests only', async () => {
    sim.control.injectFault({ route: RESOURCES, count: 2, fault: { type: 'status', status: 429, headers: { 'Retry-After': '7' } } });
    const first = await resources();
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await json(first)).errors[0].code).toBe('ThrottleRequestsException');
    expect((await api(sim, '/api/client')).status).toBe(200); // another route is untouched
    expect((await resources()).status).toBe(429);
    expect((await resources()).status).toBe(200);
  });

  test.each([500, 502, 503, 504])('status %i with the panel error shape', async (status) => {
    sim.control.injectFault({ route: /\/resources$/, fault: { type: 'status', status } });
    const response = await resources();
    expect(response.status).toBe(status);
    const body = await json(response);
    expect(body.errors[0].status).toBe(String(status));
  });

  test('a custom body and a method filter', async () => {
    sim.control.injectFault({ method: 'POST', route: '/power', fault: { type: 'status', status: 500, body: { custom: true } } });
    expect((await resources()).status).toBe(200);
    const power = await api(sim, `/api/client/servers/${id}/power`, { method: 'POST', body: '{"signal":"kill"}' });
    expect(await json(power)).toEqual({ custom: true });
  });

  test('delay holds the request for the given time', async () => {
    sim.control.injectFault({ route: RESOURCES, fault: { type: 'delay', ms: 150 } });
    const started = performance.now();
    expect((await resources()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  test('reset destroys the socket', async () => {
    sim.control.injectFault({ route: RESOURCES, fault: { type: 'reset' } });
    await expect(resources()).rejects.toThrow();
    expect(sim.control.requestLog().at(-1)).toMatchObject({ route: RESOURCES, status: 0 });
  });

  test('malformed is a 200 with broken JSON; html is a 200 text/html page', async () => {
    sim.control.injectFault({ route: RESOURCES, fault: { type: 'malformed' } });
    const malformed = await resources();
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow(SyntaxError);
    sim.control.injectFault({ route: RESOURCES, fault: { type: 'html' } });
    const html = await resources();
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/);
  });

  test('truncate sends half of a JSON body, and half of a download, then drops the connection', async () => {
    sim.control.injectFault({ route: '/api/client', fault: { type: 'truncate' } });
    const list = await api(sim, '/api/client');
    await expect(list.text()).rejects.toThrow();
    sim.control.files(id).createLarge('/t.bin', 4 * 1024 * 1024);
    const url = (await getJson(sim, `/api/client/servers/${id}/files/download?file=/t.bin`)).body.attributes.url;
    sim.control.injectFault({ route: 'GET /download/file', fault: { type: 'truncate' } });
    const download = await fetch(url);
    expect(download.headers.get('content-length')).toBe(String(4 * 1024 * 1024));
    await expect(download.arrayBuffer()).rejects.toThrow();
  });

  test('faults apply to the Wings port: a refused websocket upgrade', async () => {
    sim.control.injectFault({ route: 'GET /api/servers/:uuid/ws', fault: { type: 'status', status: 502 } });
    const creds = (await getJson(sim, `/api/client/servers/${id}/websocket`)).body.data;
    await expect(WsProbe.open(creds.socket, sim.url)).rejects.toThrow('upgrade refused: 502');
  });

  test('requestCount by route key, path substring or RegExp; requestLog has method, route, time, status', async () => {
    await resources();
    await resources();
    await api(sim, '/api/client/servers/deadbeef/resources');
    await api(sim, '/api/client');
    expect(sim.control.requestCount(RESOURCES)).toBe(3);
    expect(sim.control.requestCount(`/api/client/servers/${id}/resources`)).toBe(2);
    expect(sim.control.requestCount(/resources$/)).toBe(3);
    expect(sim.control.requestCount()).toBe(4);
    const log = sim.control.requestLog();
    expect(log[2]).toMatchObject({ method: 'GET', route: RESOURCES, port: 'panel', status: 404 });
    expect(typeof log[0]!.timeMs).toBe('number');
    sim.control.resetCounts();
    expect(sim.control.requestCount()).toBe(0);
  });

  test('powerSignals: every signal received, over REST or the websocket, with what Wings made of it', async () => {
    const other = sim.control.servers()[1]!.identifier;
    sim.control.setState(id, 'running');
    const before = sim.control.powerSignals().length;
    expect((await postJson(sim, `/api/client/servers/${id}/power`, { signal: 'stop' })).status).toBe(204);
    // A second stop while the first runs: Wings is busy with it.
    const { probe } = await WsProbe.connect(sim, id);
    probe.send('set state', 'stop');
    await probe.next('daemon error');
    await probe.close();
    sim.control.setState(other, 'offline');
    await postJson(sim, `/api/client/servers/${other}/power`, { signal: 'stop' });
    const received = sim.control.powerSignals().slice(before);
    expect(received.map(({ identifier, signal, via, result }) => [identifier, signal, via, result])).toEqual([
      [id, 'stop', 'rest', 'accepted'],
      [id, 'stop', 'websocket', 'busy'],
      [other, 'stop', 'rest', 'ignored'],
    ]);
    expect(typeof received[0]!.timeMs).toBe('number');
    expect(sim.control.powerSignals(other).map((s) => s.identifier)).toEqual([other]);
    expect(() => sim.control.powerSignals('nope')).toThrow(/no server "nope"/);
  });

  test('an unknown fault type is refused', () => {
    expect(() => sim.control.injectFault({ fault: { type: 'gremlins' } as never })).toThrow(/unknown fault/);
  });
});

describe('the control API over HTTP', () => {
  let sim: SimPanel;
  afterAll(() => sim.close());

  test('drives the sim from "another process", guarded by the key, surviving a revoked key', async () => {
    sim = await startSimPanel({ servers: 2 });
    const remote = createRemoteControl(sim.url, sim.apiKey);
    const [first] = await remote.servers();
    await remote.setState(first!.identifier, 'offline');
    expect(sim.control.servers()[0]!.state).toBe('offline');
    await remote.injectFault({ route: /account/, fault: { type: 'status', status: 503 } });
    expect((await api(sim, '/api/client/account')).status).toBe(503);
    expect(await remote.requestCount(/account/)).toBe(1);
    await remote.files(first!.identifier).write('/remote.txt', 'hi');
    expect(await remote.files(first!.identifier).readText('/remote.txt')).toBe('hi');
    expect((await remote.files(first!.identifier).read('/remote.txt')).toString()).toBe('hi');
    expect(await remote.powerSignals()).toEqual([]);
    await remote.revokeKey();
    expect((await api(sim, '/api/client/account')).status).toBe(401);
    await remote.setApiKey('ptlc_restoredrestoredrestoredrestoredrestored');
    expect((await api(sim, '/api/client/account')).status).toBe(200);
    const denied = await fetch(`${sim.url}/__sim/servers`, { headers: { Authorization: 'Bearer wrong' } });
    expect(denied.status).toBe(401);
    await expect(remote.setState('nope', 'running')).rejects.toThrow(/no server "nope"/);
  });
});
