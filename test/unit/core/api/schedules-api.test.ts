/** The schedule writes of PanelClient (schedules-api.ts): what is sent, what is refused before sending, and importSchedule's partial failures. */
import { afterEach, describe, expect, it } from 'vitest';
import { PanelClient } from '../../../../src/core/api/client';
import { importSchedule } from '../../../../src/core/api/schedules-api';
import { fakeAdapter, type AdapterAnswer, type AdapterCall } from './helpers/fake-adapter';

const clients: PanelClient[] = [];
function clientWith(answer: (call: AdapterCall) => AdapterAnswer): { c: PanelClient; calls: AdapterCall[] } {
  const { adapter, calls } = fakeAdapter(answer);
  const c = new PanelClient({ url: 'https://panel.example.com', apiKey: 'ptlc_testtesttest' }, { adapter });
  clients.push(c);
  return { c, calls };
}
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose();
});

const cron = { minute: '0', hour: '4', dayOfMonth: '*', month: '*', dayOfWeek: '*' };
const scheduleBody = (id: number, tasks: unknown[] = []) => ({
  object: 'server_schedule',
  attributes: {
    id,
    name: 'Nightly',
    cron: { minute: '0', hour: '4', day_of_month: '*', month: '*', day_of_week: '*' },
    is_active: true,
    is_processing: false,
    only_when_online: false,
    last_run_at: null,
    next_run_at: '2026-12-04T04:00:00+00:00',
    relationships: { tasks: { object: 'list', data: tasks } },
  },
});
const taskBody = (id: number, sequence: number) => ({
  object: 'schedule_task',
  attributes: { id, sequence_id: sequence, action: 'command', payload: 'x', time_offset: 0, is_queued: false, continue_on_failure: false },
});

describe('schedule writes', () => {
  it('sends the Form Request fields and answers with tasks in sequence order', async () => {
    const { c, calls } = clientWith(() => ({ body: scheduleBody(5, [taskBody(2, 2), taskBody(1, 1)]) }));
    const created = await c.createSchedule('abcd1234', { name: ' Nightly ', cron, isActive: true, onlyWhenOnline: false });
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/servers/abcd1234/schedules' });
    expect(JSON.parse(String(calls[0]!.data))).toEqual({
      name: 'Nightly',
      minute: '0',
      hour: '4',
      day_of_month: '*',
      month: '*',
      day_of_week: '*',
      is_active: true,
      only_when_online: false,
    });
    expect(created.tasks.map((t) => t.sequenceId)).toEqual([1, 2]);
    await c.updateSchedule('abcd1234', 5, { name: 'x', cron, isActive: false, onlyWhenOnline: true });
    await c.executeSchedule('abcd1234', 5);
    expect(calls.slice(1).map((x) => [x.method, x.path])).toEqual([
      ['POST', '/servers/abcd1234/schedules/5'],
      ['POST', '/servers/abcd1234/schedules/5/execute'],
    ]);
  });

  it('refuses before sending: a cron field the panel rejects, an offset past 900, a power payload Wings has not', async () => {
    const { c, calls } = clientWith(() => ({ body: {} }));
    await expect(c.createSchedule('abcd1234', { name: 'x', cron: { ...cron, minute: '5/10' }, isActive: true, onlyWhenOnline: false })).rejects.toMatchObject({
      kind: 'validation',
      message: 'The cron minute field "5/10" is not a value the panel accepts.',
    });
    await expect(c.createTask('abcd1234', 5, { action: 'command', payload: 'x', timeOffsetS: 901, continueOnFailure: false })).rejects.toMatchObject({
      kind: 'validation',
    });
    await expect(c.createTask('abcd1234', 5, { action: 'power', payload: 'explode', timeOffsetS: 0, continueOnFailure: false })).rejects.toMatchObject({
      kind: 'validation',
    });
    expect(calls).toEqual([]);
  });

  it('a task moves with sequence_id; a new one without it goes last', async () => {
    const { c, calls } = clientWith(() => ({ body: taskBody(9, 1) }));
    await c.updateTask('abcd1234', 5, 9, { action: 'command', payload: 'x', timeOffsetS: 0, continueOnFailure: false, sequenceId: 1 });
    await c.createTask('abcd1234', 5, { action: 'backup', payload: '', timeOffsetS: 10, continueOnFailure: true });
    expect(JSON.parse(String(calls[0]!.data))).toMatchObject({ sequence_id: 1 });
    expect(JSON.parse(String(calls[1]!.data))).toEqual({ action: 'backup', payload: '', time_offset: 10, continue_on_failure: true });
  });
});

describe('importSchedule', () => {
  it('creates the schedule, then each task in order; a refused task is reported and the rest still go', async () => {
    let taskId = 100;
    const { c, calls } = clientWith((call) => {
      if (call.path === '/servers/abcd1234/schedules') return { body: scheduleBody(7) };
      if (call.method === 'POST' && call.path.endsWith('/tasks')) {
        const body = JSON.parse(String(call.data)) as { action: string };
        if (body.action === 'delete_files') {
          return { status: 422, body: { errors: [{ code: 'ValidationException', status: '422', detail: 'The selected action is invalid.' }] } };
        }
        return { body: taskBody(++taskId, taskId - 100) };
      }
      return { body: scheduleBody(7, [taskBody(101, 1), taskBody(102, 2)]) };
    });
    const file = {
      name: 'Nightly',
      cron,
      isActive: true,
      onlyWhenOnline: false,
      tasks: [
        { sequenceId: 3, action: 'power', payload: 'restart', timeOffsetS: 30, continueOnFailure: false },
        { sequenceId: 1, action: 'command', payload: 'say bye', timeOffsetS: 0, continueOnFailure: false },
        { sequenceId: 2, action: 'delete_files', payload: 'old.log', timeOffsetS: 0, continueOnFailure: false },
      ],
    };
    const result = await importSchedule(c, 'abcd1234', file);
    expect(result.schedule.id).toBe(7);
    expect(result.failed.map((f) => [f.position, f.task.action, f.error.kind, f.error.message])).toEqual([
      [2, 'delete_files', 'validation', 'The selected action is invalid.'],
    ]);
    const sentTasks = calls.filter((x) => x.path.endsWith('/tasks')).map((x) => (JSON.parse(String(x.data)) as { payload: string }).payload);
    expect(sentTasks).toEqual(['say bye', 'old.log', 'restart']);
  });
});
