/** The Schedules tab's logic: the form's cron check, the preview, the words, and task order. */
import { describe, expect, test } from 'vitest';
import type { ScheduleTaskView, ScheduleView } from '../../../../../shared/ipc/schedules';
import { applyMove, checkDraft, cronWords, emptyDraft, moveTask, orderedTasks, panelOffsetMinutes, previewRuns, taskProblem, zoneName } from './schedule-logic';

const NOW = Date.UTC(2026, 11, 3, 19, 5, 30);
const task = (id: number, sequenceId: number, payload = `t${id}`): ScheduleTaskView => ({
  id,
  sequenceId,
  action: 'command',
  payload,
  timeOffsetS: 0,
  isQueued: false,
  continueOnFailure: false,
});

describe('the form', () => {
  test('flags each field the panel would refuse, and a missing name, trimming stray spaces', () => {
    const draft = { ...emptyDraft(), name: ' ', cron: { minute: ' */5 ', hour: '24', dayOfMonth: '*', month: 'JAN', dayOfWeek: '?' } };
    const checked = checkDraft(draft);
    expect(checked.problems).toEqual({ name: 'required', hour: 'not a value the panel accepts' });
    expect(checked.cron.minute).toBe('*/5');
    expect(checked.isValid).toBe(false);
    expect(checkDraft({ ...emptyDraft(), name: 'x' }).isValid).toBe(true);
  });

  test('the preview: the next five runs on the panel’s clock; none for a cron that never runs', () => {
    const runs = previewRuns({ minute: '0', hour: '4', dayOfMonth: '*', month: '*', dayOfWeek: '*' }, NOW, 60);
    expect(runs.map((r) => new Date(r).toISOString())).toEqual([
      '2026-12-04T03:00:00.000Z',
      '2026-12-05T03:00:00.000Z',
      '2026-12-06T03:00:00.000Z',
      '2026-12-07T03:00:00.000Z',
      '2026-12-08T03:00:00.000Z',
    ]);
    expect(previewRuns({ minute: '0', hour: '4', dayOfMonth: '30', month: '2', dayOfWeek: '*' }, NOW, 0)).toEqual([]);
  });

  test("the panel's clock is read from the offset of a next run it sent", () => {
    const schedule = { nextRunAt: '2026-12-04T04:00:00+02:00', lastRunAt: null } as ScheduleView;
    expect(panelOffsetMinutes([schedule])).toBe(120);
    expect(panelOffsetMinutes([])).toBe(0);
    expect(zoneName(120)).toBe('UTC+2');
    expect(zoneName(-330)).toBe('UTC−5:30');
  });

  test.each([
    ['* * * * *', 'Every minute'],
    ['*/15 * * * *', 'Every 15 minutes'],
    ['30 * * * *', 'Every hour at :30'],
    ['0 */6 * * *', 'Every 6 hours at :00'],
    ['0 4 * * *', 'Every day at 04:00 UTC'],
    ['30 3 * * 0', 'Every Sunday at 03:30 UTC'],
    ['0 9 * * 1-5', 'Weekdays at 09:00 UTC'],
    ['0 0 1 * *', 'On day 1 of every month at 00:00 UTC'],
    ['0 0 1 1 *', null],
    ['0 4,16 * * *', null],
  ])('%s in words: %s', (text, words) => {
    const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = text.split(' ');
    expect(cronWords({ minute, hour, dayOfMonth, month, dayOfWeek }, 'UTC')).toBe(words);
  });
});

describe('tasks', () => {
  const tasks = [task(7, 2), task(5, 1), task(9, 3)];

  test('shown in sequence order, whatever order the panel listed them in', () => {
    expect(orderedTasks(tasks).map((t) => t.id)).toEqual([5, 7, 9]);
  });

  test('moving one asks the panel for its neighbour’s place; none past either end', () => {
    expect(moveTask(tasks, 9, -1)).toEqual({ taskId: 9, task: { action: 'command', payload: 't9', timeOffsetS: 0, continueOnFailure: false, sequenceId: 2 } });
    expect(moveTask(tasks, 5, -1)).toBeNull();
    expect(moveTask(tasks, 9, 1)).toBeNull();
  });

  test('the order after a move, as the controller shifts the others', () => {
    expect(applyMove(tasks, 9, 1).map((t) => [t.id, t.sequenceId])).toEqual([
      [9, 1],
      [5, 2],
      [7, 3],
    ]);
  });

  test('a task form’s problems', () => {
    const base = { action: 'command' as const, payload: 'say hi', timeOffsetS: 0, continueOnFailure: false };
    expect(taskProblem(base)).toBeNull();
    expect(taskProblem({ ...base, payload: ' ' })).toBe('payload');
    expect(taskProblem({ ...base, timeOffsetS: 901 })).toBe('offset');
    expect(taskProblem({ ...base, timeOffsetS: 1.5 })).toBe('offset');
    expect(taskProblem({ ...base, action: 'power', payload: 'explode' })).toBe('power');
    expect(taskProblem({ ...base, action: 'backup', payload: '' })).toBeNull();
  });
});
