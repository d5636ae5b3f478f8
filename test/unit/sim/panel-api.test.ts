import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimPanel } from '../../../src/sim';
import type { SimPanel } from '../../../src/sim';
import { api, getJson, postJson, json } from './sim-test-kit';

describe('envelopes and pagination (1000 servers)', () => {
  let sim: SimPanel;
  beforeAll(async () => {
    sim = await startSimPanel({ servers: 1000, seed: 7, tickMs: 20 });
  });
  afterAll(() => sim.close());

  test('the list is paginated 50 by default, with meta and a next link', async () => {
    const { status, body } = await getJson(sim, '/api/client');
    expect(status).toBe(200);
    expect(body.object).toBe('list');
    expect(body.data).toHaveLength(50);
    expect(body.data[0]).toMatchObject({ object: 'server', attributes: { identifier: expect.stringMatching(/^[0-9a-f]{8}$/) } });
    expect(body.data[0].attributes.relationships.allocations.object).toBe('list');
    expect(body.meta.pagination).toMatchObject({ total: 1000, count: 50, per_page: 50, current_page: 1, total_pages: 20 });
    expect(body.meta.pagination.links.previous).toBeUndefined();
    expect(body.meta.pagination.links.next).toBe(`${sim.url}/api/client?page=2`);
  });

  test('per_page is capped at 100 and every server appears exactly once across pages', async () => {
    const seen = new Set<string>();
    for (let page = 1; page <= 10; page++) {
      const { body } = await getJson(sim, `/api/client?per_page=500&page=${page}`);
      expect(body.meta.pagination.per_page).toBe(100);
      for (const entry of body.data) seen.add(entry.attributes.uuid);
      if (page === 10) expect(body.meta.pagination.links).toEqual({ previous: `${sim.url}/api/client?per_page=500&page=9` });
    }
    expect(seen.size).toBe(1000);
  });

  test('filters: name, *, uuid prefix, allocation port; an unknown filter is a 400', async () => {
    const target = sim.control.servers()[123]!;
    const byName = await getJson(sim, `/api/client?filter[name]=${encodeURIComponent(target.name)}`);
    expect(byName.body.data.map((d: { attributes: { uuid: string } }) => d.attributes.uuid)).toContain(target.uuid);
    const byPort = await getJson(sim, `/api/client?filter[*]=:${target.primaryAllocation.port}`);
    expect(byPort.body.data).toHaveLength(1);
    const byUuid = await getJson(sim, `/api/client?filter[*]=${target.uuid.slice(0, 13)}`);
    expect(byUuid.body.data[0].attributes.uuid).toBe(target.uuid);
    const bad = await getJson(sim, '/api/client?filter[colour]=red');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ code: 'InvalidFilterQuery', status: '400' });
  });

  test('type=owner drops sub-used servers; admin types are empty for a non-admin', async () => {
    const owned = sim.control.servers().filter((s) => s.isServerOwner).length;
    expect(owned).toBeLessThan(1000);
    expect((await getJson(sim, '/api/client?type=owner')).body.meta.pagination.total).toBe(owned);
    expect((await getJson(sim, '/api/client?type=admin-all')).body.data).toEqual([]);
  });

  test('a server by identifier or uuid, with meta; unknown servers are 404', async () => {
    const [owner, , , , subuser] = sim.control.servers();
    const byId = await getJson(sim, `/api/client/servers/${owner!.identifier}`);
    const byUuid = await getJson(sim, `/api/client/servers/${owner!.uuid}`);
    expect(byId.body).toEqual(byUuid.body);
    expect(byId.body.meta).toEqual({ is_server_owner: true, user_permissions: ['*'] });
    const sub = await getJson(sim, `/api/client/servers/${subuser!.identifier}`);
    expect(sub.body.meta.is_server_owner).toBe(false);
    expect(sub.body.meta.user_permissions).toContain('control.start');
    const missing = await getJson(sim, '/api/client/servers/deadbeef');
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0]).toMatchObject({ code: 'NotFoundHttpException', status: '404' });
  });

  test('resources use current_state and flat network keys; power is 204 with an empty body', async () => {
    const server = sim.control.servers()[1]!; // index 1 starts offline
    const stats = await getJson(sim, `/api/client/servers/${server.identifier}/resources`);
    expect(stats.body).toMatchObject({ object: 'stats', attributes: { current_state: 'offline', is_suspended: false } });
    expect(stats.body.attributes.resources).toMatchObject({ memory_bytes: 0, cpu_absolute: 0, network_rx_bytes: 0, uptime: 0 });
    expect(stats.body.attributes.resources.disk_bytes).toBeGreaterThan(0);
    const power = await postJson(sim, `/api/client/servers/${server.identifier}/power`, { signal: 'start' });
    expect(power.status).toBe(204);
    expect(await power.text()).toBe('');
  });

  test('422 validation with meta; 502 for a command to an offline server', async () => {
    const server = sim.control.servers()[4]!;
    sim.control.setState(server.identifier, 'offline');
    const invalid = await postJson(sim, `/api/client/servers/${server.identifier}/power`, { signal: 'explode' });
    expect(invalid.status).toBe(422);
    expect((await json(invalid)).errors[0]).toEqual({
      code: 'ValidationException',
      status: '422',
      detail: 'The selected signal is invalid.',
      meta: { source_field: 'signal', rule: 'in' },
    });
    const command = await postJson(sim, `/api/client/servers/${server.identifier}/command`, { command: 'say hi' });
    expect(command.status).toBe(502);
    expect((await json(command)).errors[0].detail).toBe('Server must be online in order to send commands.');
  });

  test('the websocket route is not the usual envelope', async () => {
    const server = sim.control.servers()[0]!;
    const { body } = await getJson(sim, `/api/client/servers/${server.identifier}/websocket`);
    expect(Object.keys(body)).toEqual(['data']);
    expect(body.data.socket).toBe(`${sim.wingsUrl.replace('http', 'ws')}/api/servers/${server.uuid}/ws`);
  });

  test('the read routes of the secondary pages answer in the envelope', async () => {
    const id = sim.control.servers()[0]!.identifier;
    for (const path of ['backups', 'databases?include=password', 'schedules', 'network/allocations', 'users', 'startup', 'activity']) {
      const { status, body } = await getJson(sim, `/api/client/servers/${id}/${path}`);
      expect(status, path).toBe(200);
      expect(body.object, path).toBe('list');
    }
    expect((await getJson(sim, `/api/client/servers/${id}/startup`)).body.meta.startup_command).toContain('java');
    expect((await getJson(sim, `/api/client/servers/${id}/backups`)).body.meta).toHaveProperty('backup_count');
  });

  test('resourcesCacheMs reproduces the panel cache: a state change shows only after it', async () => {
    const cached = await startSimPanel({ servers: 1, resourcesCacheMs: 20_000 });
    try {
      const id = cached.control.servers()[0]!.identifier;
      const before = (await getJson(cached, `/api/client/servers/${id}/resources`)).body;
      cached.control.setState(id, 'offline');
      expect((await getJson(cached, `/api/client/servers/${id}/resources`)).body).toEqual(before);
      expect(before.attributes.current_state).toBe('running');
    } finally {
      await cached.close();
    }
  });

  test('the same seed gives the same servers', async () => {
    const again = await startSimPanel({ servers: 3, seed: 7 });
    try {
      expect(again.control.servers().map((s) => [s.uuid, s.name])).toEqual(
        sim.control
          .servers()
          .slice(0, 3)
          .map((s) => [s.uuid, s.name]),
      );
    } finally {
      await again.close();
    }
  });
});

describe('authentication and middleware', () => {
  let sim: SimPanel;
  beforeAll(async () => {
    sim = await startSimPanel({ servers: 2, rateLimitPerMinute: 5 });
  });
  afterAll(() => sim.close());

  test('the default key is ptlc_ + 11 + 32 characters', () => {
    expect(sim.apiKey).toMatch(/^ptlc_[A-Za-z0-9]{43}$/);
  });

  test('a wrong key is 401 JSON with Accept JSON, and a 302 to /auth/login without it', async () => {
    const asJson = await fetch(`${sim.url}/api/client`, { headers: { Authorization: 'Bearer nope', Accept: 'application/json' } });
    expect(asJson.status).toBe(401);
    expect(await json(asJson)).toEqual({ errors: [{ code: 'AuthenticationException', status: '401', detail: 'Unauthenticated.' }] });
    const browser = await fetch(`${sim.url}/api/client`, { headers: { Authorization: 'Bearer nope' }, redirect: 'manual' });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe(`${sim.url}/auth/login`);
  });

  test('an application key is 403', async () => {
    const response = await fetch(`${sim.url}/api/client`, { headers: { Authorization: `Bearer ptla_${'x'.repeat(43)}`, Accept: 'application/json' } });
    expect(response.status).toBe(403);
    expect((await json(response)).errors[0].code).toBe('AccessDeniedHttpException');
  });

  test('malformed JSON with a JSON content type is 400', async () => {
    const response = await api(sim, `/api/client/servers/${sim.control.servers()[0]!.identifier}/power`, {
      method: 'POST',
      body: '{"signal":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect((await json(response)).errors[0].detail).toContain('malformed');
  });

  test('2FA enforcement, IP restriction, key revocation and replacement', async () => {
    sim.control.resetCounts();
    sim.control.setTwoFactorRequired(true);
    expect((await getJson(sim, '/api/client')).body.errors[0].code).toBe('TwoFactorAuthRequiredException');
    expect((await getJson(sim, '/api/client/account')).status).toBe(200);
    sim.control.setTwoFactorRequired(false);
    sim.control.setAllowedIp(false);
    const ip = await getJson(sim, '/api/client/account');
    expect(ip.status).toBe(403);
    expect(ip.body.errors[0].detail).toMatch(/^This IP address \(127\.0\.0\.1\) does not have permission/);
    sim.control.setAllowedIp(true);
    const oldKey = sim.apiKey;
    sim.control.revokeKey();
    expect((await api(sim, '/api/client/account', { headers: { Authorization: `Bearer ${oldKey}` } })).status).toBe(401);
    sim.control.setApiKey(`ptlc_${'N'.repeat(43)}`);
    expect(sim.apiKey).toBe(`ptlc_${'N'.repeat(43)}`);
    expect((await getJson(sim, '/api/client/account')).status).toBe(200);
  });

  test('rate limit: headers on every response, then 429 with Retry-After and X-RateLimit-Reset', async () => {
    sim.control.setApiKey(`ptlc_${'R'.repeat(43)}`);
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { status, headers } = await getJson(sim, '/api/client/account');
      expect(status).toBe(200);
      expect(headers.get('x-ratelimit-limit')).toBe('5');
      remaining.push(headers.get('x-ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const limited = await getJson(sim, '/api/client/account');
    expect(limited.status).toBe(429);
    expect(limited.body.errors[0]).toMatchObject({ code: 'ThrottleRequestsException', detail: 'Too Many Attempts.' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
  });

  test('pelican flavour: pacc_ keys, 256/min, the Pelican account shape', async () => {
    const pelican = await startSimPanel({ servers: 1, flavor: 'pelican' });
    try {
      expect(pelican.apiKey).toMatch(/^pacc_.{43}$/);
      const { body, headers } = await getJson(pelican, '/api/client/account');
      expect(headers.get('x-ratelimit-limit')).toBe('256');
      expect(body.attributes).toHaveProperty('root_admin', false);
      expect(body.attributes).not.toHaveProperty('id');
      const server = (await getJson(pelican, '/api/client')).body.data[0].attributes;
      expect(server.sftp_details).toHaveProperty('alias');
      // Pelican drops it only with PANEL_EDITABLE_SERVER_DESCRIPTIONS off (config/panel.php, default on).
      expect(server).toHaveProperty('description');
      expect(server.limits).toHaveProperty('oom_killer');
    } finally {
      await pelican.close();
    }
  });
});
