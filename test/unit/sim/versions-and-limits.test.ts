/**
 * The `version` option and the per-route limits it brings, over real HTTP on 127.0.0.1 with a
 * manual clock: Laravel's ThrottleRequests semantics (route limiter inside `throttle:api.client`),
 * Pelican's ResourceLimit, 1.11's `throttle:10,5` on pull, and the backup service's throttle.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { startSimPanel } from '../../../src/sim';
import type { SimPanel, SimPanelOptions } from '../../../src/sim';
import { resolveOptions } from '../../../src/sim/options';
import { ManualClock } from '../../helpers/manual-clock';
import { api, getJson, json, postJson } from './sim-test-kit';

let sim: SimPanel | null = null;
let clock: ManualClock;

async function start(options: SimPanelOptions): Promise<SimPanel> {
  clock = new ManualClock(1_700_000_000_500);
  sim = await startSimPanel({ servers: 2, clock, ...options });
  return sim;
}

afterEach(async () => {
  await sim?.close();
  sim = null;
});

const header = (response: { headers: Headers }, name: string): string | null => response.headers.get(name);

describe('version option', () => {
  test('resolves the knobs; flavor and wings still override; no version keeps the old defaults', () => {
    expect(resolveOptions({ version: 'pterodactyl-1.11' })).toMatchObject({
      flavor: 'pterodactyl',
      wings: 'pterodactyl-1.11',
      rateLimitPerMinute: 720,
      websocketThrottling: false,
      featureMatch: false,
    });
    expect(resolveOptions({ version: 'pterodactyl-1.12' })).toMatchObject({
      flavor: 'pterodactyl',
      wings: 'pterodactyl-1.12',
      rateLimitPerMinute: 256,
      websocketThrottling: true,
      featureMatch: false,
    });
    expect(resolveOptions({ version: 'pelican' })).toMatchObject({
      flavor: 'pelican',
      wings: 'pelican',
      rateLimitPerMinute: 256,
      websocketThrottling: true,
      featureMatch: true,
    });
    expect(resolveOptions({ version: 'pelican', wings: 'pterodactyl-1.11', rateLimitPerMinute: 30 })).toMatchObject({
      flavor: 'pelican',
      wings: 'pterodactyl-1.11',
      rateLimitPerMinute: 30,
      websocketThrottling: false,
    });
    expect(resolveOptions({})).toMatchObject({
      version: null,
      flavor: 'pterodactyl',
      wings: 'pterodactyl-1.12',
      rateLimitPerMinute: 720,
      websocketThrottling: false,
      featureMatch: false,
    });
    expect(resolveOptions({ flavor: 'pelican' })).toMatchObject({ wings: 'pelican', rateLimitPerMinute: 256, featureMatch: false });
    expect(resolveOptions({ version: 'pelican' }).apiKey).toMatch(/^pacc_/);
    expect(() => resolveOptions({ version: 'pelican-2' as never })).toThrow(/version must be one of/);
  });

  test('without a version the websocket route is not limited (the sim as it was)', async () => {
    const panel = await start({});
    const id = panel.control.servers()[0]!.identifier;
    for (let i = 0; i < 7; i++) expect((await api(panel, `/api/client/servers/${id}/websocket`)).status).toBe(200);
  });
});

describe('per-server route limits (pelican ResourceLimit)', () => {
  test("websocket: 5 a minute per server; the tighter header pair wins; the 6th is Laravel's 429", async () => {
    const panel = await start({ version: 'pelican' });
    const [a, b] = panel.control.servers();
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await api(panel, `/api/client/servers/${a!.identifier}/websocket`);
      expect(response.status).toBe(200);
      expect(header(response, 'X-RateLimit-Limit')).toBe('5');
      remaining.push(header(response, 'X-RateLimit-Remaining') ?? '');
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    clock.advance(20_000);
    const refused = await api(panel, `/api/client/servers/${a!.identifier}/websocket`);
    expect(refused.status).toBe(429);
    expect(header(refused, 'X-RateLimit-Limit')).toBe('5');
    expect(header(refused, 'X-RateLimit-Remaining')).toBe('0');
    expect(header(refused, 'Retry-After')).toBe('40');
    expect(header(refused, 'X-RateLimit-Reset')).toBe(String(Math.ceil((1_700_000_000_500 + 60_000) / 1000)));
    expect((await json(refused)).errors[0]).toEqual({ code: 'ThrottleRequestsException', status: '429', detail: 'Too Many Attempts.' });
    // Another server has its own counter; a plain route carries the global pair (256 less 7 hits).
    expect((await api(panel, `/api/client/servers/${b!.identifier}/websocket`)).status).toBe(200);
    const plain = await api(panel, `/api/client/servers/${a!.identifier}`);
    expect([header(plain, 'X-RateLimit-Limit'), header(plain, 'X-RateLimit-Remaining')]).toEqual(['256', '248']);
    clock.advance(40_000);
    expect((await api(panel, `/api/client/servers/${a!.identifier}/websocket`)).status).toBe(200);
  });

  test('the global hit is counted first and its pair wins when it is tighter; a global 429 is not counted by the route', async () => {
    const panel = await start({ version: 'pelican', rateLimitPerMinute: 3 });
    const id = panel.control.servers()[0]!.identifier;
    const pair = (response: Response): Array<string | null> => [header(response, 'X-RateLimit-Limit'), header(response, 'X-RateLimit-Remaining')];
    await api(panel, `/api/client/servers/${id}`);
    clock.advance(30_000);
    expect(pair(await api(panel, `/api/client/servers/${id}/websocket`))).toEqual(['3', '1']);
    expect(pair(await api(panel, `/api/client/servers/${id}/websocket`))).toEqual(['3', '0']);
    const globalRefusal = await api(panel, `/api/client/servers/${id}/websocket`);
    expect([globalRefusal.status, ...pair(globalRefusal)]).toEqual([429, '3', '0']);
    // The global window resets at 60 s, the route's (from 30 s) at 90 s: it saw 2 hits, not 3.
    clock.advance(30_000);
    expect(pair(await api(panel, `/api/client/servers/${id}/websocket`))).toEqual(['5', '2']);
  });

  test('counted for every user of the server, after 409 and before the permission check', async () => {
    const panel = await start({ version: 'pterodactyl-1.12' });
    const id = panel.control.servers()[0]!.identifier;
    panel.control.setPermissions(id, ['control.console']);
    for (let i = 0; i < 5; i++) expect((await api(panel, `/api/client/servers/${id}/websocket`)).status).toBe(403);
    expect((await api(panel, `/api/client/servers/${id}/websocket`)).status).toBe(429);
    panel.control.suspend(id);
    expect((await api(panel, `/api/client/servers/${id}/websocket`)).status).toBe(409);
  });

  test('files/pull: pelican 5 per 10 minutes per server; 1.11 throttle:10,5 per user across servers; none without a version', async () => {
    const pull = (panel: SimPanel, id: string): Promise<Response> =>
      postJson(panel, `/api/client/servers/${id}/files/pull`, { url: 'https://example.com/a.jar' });
    const pelican = await start({ version: 'pelican' });
    const pid = pelican.control.servers()[0]!.identifier;
    for (let i = 0; i < 5; i++) expect((await pull(pelican, pid)).status).toBe(204);
    const refused = await pull(pelican, pid);
    expect([refused.status, header(refused, 'X-RateLimit-Limit'), header(refused, 'Retry-After')]).toEqual([429, '5', '600']);
    await pelican.close();

    const old = await start({ version: 'pterodactyl-1.11' });
    const [x, y] = old.control.servers();
    for (let i = 0; i < 5; i++) expect((await pull(old, x!.identifier)).status).toBe(204);
    for (let i = 0; i < 5; i++) expect((await pull(old, y!.identifier)).status).toBe(204);
    const oldRefused = await pull(old, y!.identifier);
    expect([oldRefused.status, header(oldRefused, 'X-RateLimit-Limit'), header(oldRefused, 'Retry-After')]).toEqual([429, '10', '300']);
    // 1.11 has no websocket limit.
    for (let i = 0; i < 6; i++) expect((await api(old, `/api/client/servers/${x!.identifier}/websocket`)).status).toBe(200);
    await old.close();

    const legacy = await start({});
    const lid = legacy.control.servers()[0]!.identifier;
    for (let i = 0; i < 11; i++) expect((await pull(legacy, lid)).status).toBe(204);
  });
});

describe('backups (InitiateBackupService)', () => {
  test('2 per 600 s per server with its own 429 and Retry-After; then the backup limit; restore is limited 3 per 15 min', async () => {
    const panel = await start({ version: 'pelican' });
    const id = panel.control.servers()[0]!.identifier;
    const created = await postJson(panel, `/api/client/servers/${id}/backups`, { name: 'first' });
    expect(created.status).toBe(200);
    const first = await json(created);
    expect(first.attributes).toMatchObject({ name: 'first', is_successful: false, completed_at: null });
    clock.advance(100_000);
    const unnamed = await json(await postJson(panel, `/api/client/servers/${id}/backups`, {}));
    expect(unnamed.attributes.name).toMatch(/^Backup at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    clock.advance(50_000);
    const throttled = await postJson(panel, `/api/client/servers/${id}/backups`, {});
    expect(throttled.status).toBe(429);
    // The newest backup of the window (made at second 100, now is 150.5 s) leaves it in 549.5 s,
    // which `(int) now()->diffInSeconds(...)` truncates.
    expect(header(throttled, 'Retry-After')).toBe('549');
    expect((await json(throttled)).errors[0]).toEqual({
      code: 'TooManyRequestsHttpException',
      status: '429',
      detail: 'Only 2 backups may be generated within a 600 second span of time.',
    });
    expect(header(throttled, 'X-RateLimit-Limit')).toBe('256');
    // The backup completes a tick later and shows in the list.
    clock.advance(1000);
    const list = await getJson(panel, `/api/client/servers/${id}/backups`);
    const mine = list.body.data.find((b: { attributes: { uuid: string } }) => b.attributes.uuid === first.attributes.uuid);
    expect(mine.attributes.is_successful).toBe(true);
    for (let i = 0; i < 3; i++) {
      const restored = await postJson(panel, `/api/client/servers/${id}/backups/${first.attributes.uuid}/restore`, { truncate: false });
      expect(restored.status).toBe(204);
      expect(panel.control.servers()[0]!.status).toBe('restoring_backup');
      clock.advance(1000);
      expect(panel.control.servers()[0]!.status).toBe(null);
    }
    const tooMany = await postJson(panel, `/api/client/servers/${id}/backups/${first.attributes.uuid}/restore`, { truncate: false });
    expect([tooMany.status, header(tooMany, 'X-RateLimit-Limit')]).toEqual([429, '3']);
    // Past the throttle window the server's limit (5 non-failed) answers.
    clock.advance(600_000);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await postJson(panel, `/api/client/servers/${id}/backups`, {})).status);
      clock.advance(601_000);
    }
    expect(statuses).toContain(400);
    const full = await postJson(panel, `/api/client/servers/${id}/backups`, {});
    expect((await json(full)).errors[0].detail).toBe('Cannot create a new backup, this server has reached its limit of 5 backups.');
  });
});
