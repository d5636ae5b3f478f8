import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONFLICT_DETAILS, startSimPanel } from '../../../src/sim';
import type { SimPanel } from '../../../src/sim';
import { WsProbe, getJson, postJson, json } from './sim-test-kit';

describe('409 conflict states', () => {
  let sim: SimPanel;
  let id: string;
  beforeAll(async () => {
    sim = await startSimPanel({ servers: 2 });
    id = sim.control.servers()[0]!.identifier;
  });
  afterAll(() => sim.close());

  const cases: Array<[string, (on: boolean) => void, string]> = [
    ['suspended', (on) => sim.control.suspend(id, on), CONFLICT_DETAILS.suspended],
    ['installing', (on) => sim.control.setStatus(id, on ? 'installing' : null), CONFLICT_DETAILS.installing],
    ['restoring', (on) => sim.control.setStatus(id, on ? 'restoring_backup' : null), CONFLICT_DETAILS.restoring],
    ['transferring', (on) => sim.control.setTransferring(id, on), CONFLICT_DETAILS.transferring],
    ['node maintenance', (on) => sim.control.setNodeMaintenance(on), CONFLICT_DETAILS.maintenance],
  ];

  test.each(cases)('%s: every /servers/{server}/* route is 409 except GET /servers/{server}', async (_name, set, detail) => {
    set(true);
    try {
      for (const path of ['resources', 'files/list', 'websocket', 'backups']) {
        const { status, body } = await getJson(sim, `/api/client/servers/${id}/${path}`);
        expect(status, path).toBe(409);
        expect(body.errors[0]).toEqual({ code: 'ServerStateConflictException', status: '409', detail });
      }
      expect((await postJson(sim, `/api/client/servers/${id}/power`, { signal: 'start' })).status).toBe(409);
      const details = await getJson(sim, `/api/client/servers/${id}`);
      expect(details.status).toBe(200);
    } finally {
      set(false);
    }
    expect((await getJson(sim, `/api/client/servers/${id}/resources`)).status).toBe(200);
  });

  test('the server object reflects the state', async () => {
    sim.control.suspend(id);
    sim.control.setTransferring(id, true);
    const { body } = await getJson(sim, `/api/client/servers/${id}`);
    expect(body.attributes).toMatchObject({ status: 'suspended', is_suspended: true, is_transferring: true });
    sim.control.suspend(id, false);
    sim.control.setTransferring(id, false);
  });

  test('a subuser without a permission gets 403', async () => {
    sim.control.setPermissions(id, ['websocket.connect', 'file.read']);
    try {
      const response = await postJson(sim, `/api/client/servers/${id}/power`, { signal: 'start' });
      expect(response.status).toBe(403);
      expect((await json(response)).errors[0].detail).toBe('This action is unauthorized.');
      expect((await getJson(sim, `/api/client/servers/${id}/files/list`)).status).toBe(200);
    } finally {
      sim.control.setPermissions(id, null);
    }
  });
});

describe('an unreachable node', () => {
  let sim: SimPanel;
  afterAll(() => sim.close());

  test('Wings-backed routes 504, websockets are refused, and the node comes back on the same port', async () => {
    sim = await startSimPanel({ servers: 1 });
    const id = sim.control.servers()[0]!.identifier;
    const { probe } = await WsProbe.connect(sim, id);
    await sim.control.setNodeReachable(false);
    expect(await probe.closed()).not.toBe(1000);
    const resources = await getJson(sim, `/api/client/servers/${id}/resources`);
    expect(resources.status).toBe(504);
    expect(resources.body.errors[0].code).toBe('DaemonConnectionException');
    expect((await getJson(sim, `/api/client/servers/${id}/files/list`)).status).toBe(504);
    expect((await getJson(sim, `/api/client/servers/${id}`)).status).toBe(200);
    const creds = (await getJson(sim, `/api/client/servers/${id}/websocket`)).body.data;
    await expect(WsProbe.open(creds.socket, sim.url)).rejects.toThrow(/ECONNREFUSED/);
    await sim.control.setNodeReachable(true);
    const again = await WsProbe.connect(sim, id);
    await again.probe.close();
    expect((await getJson(sim, `/api/client/servers/${id}/resources`)).status).toBe(200);
  });
});
