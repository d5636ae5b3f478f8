/** The sim's schedule routes against the panels' controllers and Form Requests (routes/schedules-write.ts). */
import { afterEach, describe, expect, test } from 'vitest';
import { startSimPanel } from '../../../src/sim';
import type { SimPanel, SimPanelOptions } from '../../../src/sim';
import { ManualClock } from '../../helpers/manual-clock';
import { api, getJson, json, postJson } from './sim-test-kit';

let sim: SimPanel | null = null;
let clock: ManualClock;

async function start(options: SimPanelOptions): Promise<{ panel: SimPanel; base: string }> {
  clock = new ManualClock(Date.UTC(2026, 11, 3, 19, 5, 30));
  sim = await startSimPanel({ servers: 1, clock, ...options });
  return { panel: sim, base: `/api/client/servers/${sim.control.servers()[0]!.identifier}/schedules` };
}

afterEach(async () => {
  await sim?.close();
  sim = null;
});

const body = { name: 'Hourly', minute: '0', hour: '*', day_of_month: '*', month: '*', day_of_week: '*', is_active: true, only_when_online: false };

describe.each(['pterodactyl-1.11', 'pterodactyl-1.12', 'pelican'] as const)('%s', (version) => {
  test('create computes next_run_at; a cron the panel cannot evaluate is a DisplayException', async () => {
    const { panel, base } = await start({ version });
    const created = await postJson(panel, base, body);
    expect(created.status).toBe(200);
    const schedule = (await json(created)).attributes;
    expect(schedule).toMatchObject({ name: 'Hourly', is_active: true, next_run_at: '2026-12-03T20:00:00+00:00', last_run_at: null });
    expect(schedule.relationships.tasks.data).toEqual([]);
    const bad = await postJson(panel, base, { ...body, minute: '5/10' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors).toEqual([
      { code: 'DisplayException', status: '400', detail: 'The cron data provided does not evaluate to a valid expression.' },
    ]);
    clock.advance(61_000); // the create limit (2 a minute) counts refused requests too
    const missing = await postJson(panel, base, { ...body, name: '' });
    expect(missing.status).toBe(422);
    expect((await json(missing)).errors[0]).toMatchObject({ detail: 'The name field is required.', meta: { source_field: 'name', rule: 'required' } });
  });

  test('tasks: appended, inserted, moved and deleted with the others re-sequenced; limits and bounds', async () => {
    const { panel, base } = await start({ version });
    const id = (await json(await postJson(panel, base, body))).attributes.id as number;
    const add = async (extra: Record<string, unknown>): Promise<Response> =>
      postJson(panel, `${base}/${id}/tasks`, { action: 'command', payload: 'say hi', time_offset: 0, ...extra });
    const a = (await json(await add({ payload: 'a' }))).attributes;
    const b = (await json(await add({ payload: 'b' }))).attributes;
    const c = (await json(await add({ payload: 'c', sequence_id: 1 }))).attributes;
    const order = async (): Promise<string[]> => {
      const tasks = (await getJson(panel, `${base}/${id}`)).body.attributes.relationships.tasks.data as {
        attributes: { payload: string; sequence_id: number };
      }[];
      return [...tasks].sort((x, y) => x.attributes.sequence_id - y.attributes.sequence_id).map((t) => `${t.attributes.sequence_id}:${t.attributes.payload}`);
    };
    expect(await order()).toEqual(['1:c', '2:a', '3:b']);
    await postJson(panel, `${base}/${id}/tasks/${c.id}`, { action: 'command', payload: 'c', time_offset: 5, sequence_id: 3 });
    expect(await order()).toEqual(['1:a', '2:b', '3:c']);
    expect((await api(panel, `${base}/${id}/tasks/${a.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await order()).toEqual(['1:b', '2:c']);
    void b;
    const tooLate = await add({ time_offset: 901 });
    expect([tooLate.status, (await json(tooLate)).errors[0].detail]).toEqual([422, 'The time offset field must not be greater than 900.']);
    const noPayload = await add({ payload: null });
    expect((await json(noPayload)).errors[0].meta.rule).toBe('required_unless');
    expect((await add({ action: 'backup', payload: null })).status).toBe(200);
    const wrong = await add({ action: 'delete_files' });
    expect(wrong.status).toBe(version === 'pelican' ? 200 : 422);
    while ((await add({})).status === 200);
    const over = await add({});
    expect((await json(over)).errors[0]).toEqual({
      code: 'ServiceLimitExceededException',
      status: '400',
      detail: 'Schedules may not have more than 10 tasks associated with them. Creating this task would put this schedule over the limit.',
    });
  });

  test('execute: 202 even when inactive, processing for a tick; no tasks is refused', async () => {
    const { panel, base } = await start({ version });
    const id = (await json(await postJson(panel, base, { ...body, is_active: false }))).attributes.id as number;
    const empty = await postJson(panel, `${base}/${id}/execute`, {});
    expect([empty.status, (await json(empty)).errors[0].detail]).toEqual([400, 'Cannot process schedule for task execution: no tasks are registered.']);
    await postJson(panel, `${base}/${id}/tasks`, { action: 'power', payload: 'restart', time_offset: 0 });
    expect((await postJson(panel, `${base}/${id}/execute`, {})).status).toBe(202);
    expect((await getJson(panel, `${base}/${id}`)).body.attributes.is_processing).toBe(true);
    clock.advance(1000);
    const after = (await getJson(panel, `${base}/${id}`)).body.attributes;
    expect(after).toMatchObject({ is_processing: false, last_run_at: '2026-12-03T19:05:31+00:00' });
    expect((await api(panel, `${base}/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await getJson(panel, `${base}/${id}`)).status).toBe(404);
  });
});

test('the create limit of Pelican and 1.12: 2 a minute per server; 1.11 has none', async () => {
  const { panel, base } = await start({ version: 'pelican' });
  expect((await postJson(panel, base, body)).status).toBe(200);
  expect((await postJson(panel, base, body)).status).toBe(200);
  expect((await postJson(panel, base, body)).status).toBe(429);
  await sim?.close();
  const old = await start({ version: 'pterodactyl-1.11' });
  for (let i = 0; i < 3; i++) expect((await postJson(old.panel, old.base, body)).status).toBe(200);
});

test('deleting a task: Pterodactyl asks schedule.update, Pelican schedule.delete', async () => {
  for (const version of ['pterodactyl-1.12', 'pelican'] as const) {
    const { panel, base } = await start({ version });
    const id = (await json(await postJson(panel, base, body))).attributes.id as number;
    const task = (await json(await postJson(panel, `${base}/${id}/tasks`, { action: 'command', payload: 'x', time_offset: 0 }))).attributes;
    panel.control.setPermissions(panel.control.servers()[0]!.identifier, ['schedule.read', 'schedule.update']);
    const status = (await api(panel, `${base}/${id}/tasks/${task.id}`, { method: 'DELETE' })).status;
    expect(status).toBe(version === 'pelican' ? 403 : 204);
    await sim?.close();
    sim = null;
  }
});

test("a backup task is refused (403) when the server's backup limit is 0, after the form's rules", async () => {
  const { panel, base } = await start({ version: 'pelican' });
  const id = (await json(await postJson(panel, base, body))).attributes.id as number;
  panel.control.setFeatureLimits(panel.control.servers()[0]!.identifier, { backups: 0 });
  const refused = await postJson(panel, `${base}/${id}/tasks`, { action: 'backup', time_offset: 0 });
  expect([refused.status, (await json(refused)).errors[0]]).toEqual([
    403,
    { code: 'HttpForbiddenException', status: '403', detail: "A backup task cannot be created when the server's backup limit is set to 0." },
  ]);
  // The form request comes first: a bad offset is a 422 even for a backup task.
  expect((await postJson(panel, `${base}/${id}/tasks`, { action: 'backup', time_offset: 1000 })).status).toBe(422);
  expect((await postJson(panel, `${base}/${id}/tasks`, { action: 'command', payload: 'say hi', time_offset: 0 })).status).toBe(200);
});
