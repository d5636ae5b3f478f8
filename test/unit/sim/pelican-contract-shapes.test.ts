/**
 * The sim's `pelican` version answers with the shapes Pelican freezes for its client API
 * (test/fixtures/pelican-contract): for every fixture, the same request to the sim gives the
 * same keys with the same JSON types, recursively (values differ: the fixtures come from
 * factories).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimPanel, type SimPanel } from '../../../src/sim';
import { pelicanFixture } from '../../fixtures/pelican-contract/load';
import { shapeDifferences } from '../../fixtures/pelican-contract/shape';
import { getJson } from './sim-test-kit';

let sim: SimPanel;
/** Servers picked so that every list a fixture shows is non-empty on the sim too. */
const picked = { owned: '', subused: '', withBackups: '', withSubusers: '', withDatabases: '' };

async function firstServerWith(servers: string[], path: (id: string) => string): Promise<string> {
  for (const id of servers) {
    const { status, body } = await getJson<{ data: unknown[] }>(sim, path(id));
    if (status === 200 && body.data.length > 0) return id;
  }
  throw new Error(`no sim server has anything at ${path('{id}')}`);
}

beforeAll(async () => {
  sim = await startSimPanel({ version: 'pelican', servers: 10, rateLimitPerMinute: 10_000 });
  const list = await getJson<{ data: { attributes: { identifier: string; server_owner: boolean } }[] }>(sim, '/api/client');
  const owned = list.body.data.filter((s) => s.attributes.server_owner).map((s) => s.attributes.identifier);
  picked.owned = owned[0] ?? '';
  picked.subused = list.body.data.find((s) => !s.attributes.server_owner)?.attributes.identifier ?? '';
  picked.withBackups = await firstServerWith(owned, (id) => `/api/client/servers/${id}/backups`);
  picked.withSubusers = await firstServerWith(owned, (id) => `/api/client/servers/${id}/users`);
  picked.withDatabases = await firstServerWith(owned, (id) => `/api/client/servers/${id}/databases`);
});

afterAll(async () => {
  await sim.close();
});

async function firstAttribute(path: string, key: string): Promise<string> {
  const { body } = await getJson<{ data: { attributes: Record<string, unknown> }[] }>(sim, path);
  return String(body.data[0]?.attributes[key]);
}

const server = (id: string, rest = ''): string => `/api/client/servers/${id}${rest}`;

/** Fixture name → the sim request that answers the same question. */
const CASES: [string, () => string | Promise<string>][] = [
  ['ClientFixtureTest__test_index', () => '/api/client'],
  ['ClientFixtureTest__test_index_paginated', () => '/api/client?page=1'],
  ['ClientFixtureTest__test_permissions', () => '/api/client/permissions'],
  ['AccountFixtureTest__test_view', () => '/api/client/account'],
  ['AccountFixtureTest__test_activity', () => '/api/client/account/activity'],
  ['AccountFixtureTest__test_activity_with_actor', () => '/api/client/account/activity?include=actor'],
  ['ServerFixtureTest__test_view', () => server(picked.owned)],
  [
    'ServerFixtureTest__test_view_as_subuser',
    () => {
      // The fixture's subuser may only use the console and start: no startup, no allocations.
      const { meta } = pelicanFixture('ServerFixtureTest__test_view_as_subuser') as { meta: { user_permissions: string[] } };
      sim.control.setPermissions(picked.subused, meta.user_permissions);
      return server(picked.subused);
    },
  ],
  ['ServerFixtureTest__test_view_with_all_includes', () => server(picked.withSubusers, '?include=egg,subusers')],
  ['ResourceUtilizationFixtureTest__test_resources', () => server(picked.owned, '/resources')],
  ['FileFixtureTest__test_directory_listing', () => server(picked.owned, '/files/list?directory=%2F')],
  ['BackupFixtureTest__test_index', () => server(picked.withBackups, '/backups')],
  ['BackupFixtureTest__test_view', async () => server(picked.withBackups, `/backups/${await firstAttribute(server(picked.withBackups, '/backups'), 'uuid')}`)],
  ['DatabaseFixtureTest__test_index', () => server(picked.withDatabases, '/databases')],
  ['DatabaseFixtureTest__test_index_with_password', () => server(picked.withDatabases, '/databases?include=password')],
  ['NetworkAllocationFixtureTest__test_index', () => server(picked.owned, '/network/allocations')],
  ['ScheduleFixtureTest__test_index', () => server(picked.owned, '/schedules')],
  ['ScheduleFixtureTest__test_view', async () => server(picked.owned, `/schedules/${await firstAttribute(server(picked.owned, '/schedules'), 'id')}`)],
  ['SubuserFixtureTest__test_index', () => server(picked.withSubusers, '/users')],
  ['SubuserFixtureTest__test_view', async () => server(picked.withSubusers, `/users/${await firstAttribute(server(picked.withSubusers, '/users'), 'uuid')}`)],
  ['StartupFixtureTest__test_index', () => server(picked.owned, '/startup')],
  ['ActivityLogFixtureTest__test_index', () => server(picked.owned, '/activity')],
  ['ActivityLogFixtureTest__test_index_with_actor', () => server(picked.owned, '/activity?include=actor')],
];

describe('the pelican sim answers in the shapes of Pelican’s frozen snapshots', () => {
  it.each(CASES)('%s', async (fixture, pathOf) => {
    const { status, body } = await getJson(sim, await pathOf());
    expect(status).toBe(200);
    expect(shapeDifferences(pelicanFixture(fixture), body)).toEqual([]);
  });

  it('the permission list is Pelican’s, in its order', async () => {
    const { body } = await getJson(sim, '/api/client/permissions');
    expect(body).toEqual(pelicanFixture('ClientFixtureTest__test_permissions'));
  });
});

describe('the shape comparison', () => {
  const fixture = pelicanFixture('BackupFixtureTest__test_view') as { object: string; attributes: Record<string, unknown> };

  it('finds a missing key, an extra key, a changed type and an empty list', () => {
    const { is_scheduled: _dropped, ...rest } = fixture.attributes;
    expect(shapeDifferences(fixture, { ...fixture, attributes: { ...rest, batch: null, bytes: '1024' } })).toEqual([
      '$.attributes.is_scheduled: missing',
      '$.attributes.bytes: number expected, got string',
      "$.attributes.batch: not in Pelican's answer",
    ]);
    expect(shapeDifferences({ data: [{ a: 1 }] }, { data: [] })).toEqual(['$.data: empty, so nothing was compared']);
  });

  it('another panel’s answer does not pass for Pelican’s', async () => {
    const pterodactyl = await startSimPanel({ version: 'pterodactyl-1.11', servers: 1 });
    try {
      const { body } = await getJson(pterodactyl, '/api/client/account');
      expect(shapeDifferences(pelicanFixture('AccountFixtureTest__test_view'), body)).toContain('$.attributes.uuid: missing');
    } finally {
      await pterodactyl.close();
    }
  });
});
