/**
 * The schedule and task writes (issue 13). Routes and rules: pterodactyl and pelican
 * app/Http/Controllers/Api/Client/Servers/ScheduleController.php (store, view, update, execute,
 * delete) and ScheduleTaskController.php (store, update, delete), with the Form Requests in
 * app/Http/Requests/Api/Client/Servers/Schedules/ (StoreScheduleRequest: name, is_active, the five
 * cron fields; StoreTaskRequest: action in command|power|backup, payload required unless backup,
 * time_offset 0–900, sequence_id ≥ 1, continue_on_failure). Cron is checked here as the panel
 * checks it (src/shared/cron.ts) so a refusal costs no request.
 */
import { cronFieldProblems, type CronFields } from '../../shared/cron';
import { MAX_TIME_OFFSET_S, POWER_PAYLOADS, type ScheduleInput, type TaskInput } from './schedule-types';
import type { ScheduleFile, ScheduleFileTask } from '../../shared/schedule-file';
import type { CallOptions, ClientApi } from './client-types';
import { PanelError } from './errors';
import type { Schedule, ScheduleTask } from './models';
import { normalizeSchedule, normalizeScheduleTask, unwrapItem } from './normalize';
import type { PanelRequester } from './requester';
import { serverPath } from './paths';

export { MAX_TIME_OFFSET_S, POWER_PAYLOADS, TASK_ACTIONS, type ScheduleInput, type TaskAction, type TaskInput } from './schedule-types';

function invalid(message: string): PanelError {
  return new PanelError({ kind: 'validation', message });
}

function scheduleBody(input: ScheduleInput): Record<string, unknown> {
  const name = input.name.trim();
  if (name === '') throw invalid('A schedule needs a name.');
  if (name.length > 191) throw invalid('A schedule name has at most 191 characters.');
  const problems = cronFieldProblems(input.cron);
  const first = Object.entries(problems)[0];
  if (first) throw invalid(`The cron ${first[0]} field "${input.cron[first[0] as keyof CronFields]}" is ${first[1]}.`);
  return {
    name,
    minute: input.cron.minute,
    hour: input.cron.hour,
    day_of_month: input.cron.dayOfMonth,
    month: input.cron.month,
    day_of_week: input.cron.dayOfWeek,
    is_active: input.isActive,
    only_when_online: input.onlyWhenOnline,
  };
}

function taskBody(input: TaskInput): Record<string, unknown> {
  const offset = input.timeOffsetS;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_TIME_OFFSET_S) throw invalid(`A task's time offset is 0 to ${MAX_TIME_OFFSET_S} seconds.`);
  if (input.action === 'power' && !(POWER_PAYLOADS as readonly string[]).includes(input.payload)) {
    throw invalid(`A power task sends one of ${POWER_PAYLOADS.join(', ')}.`);
  }
  if (input.action === 'command' && input.payload.trim() === '') throw invalid('A command task needs a command.');
  const body: Record<string, unknown> = {
    action: input.action,
    payload: input.payload,
    time_offset: offset,
    continue_on_failure: input.continueOnFailure,
  };
  if (input.sequenceId !== undefined) body.sequence_id = Math.max(1, Math.trunc(input.sequenceId));
  return body;
}

const schedulePath = (server: string, id: number, rest = ''): string => serverPath(server, `schedules/${id}${rest}`);

/** `GET schedules/{schedule}` with its tasks. */
export function getSchedule(r: PanelRequester, server: string, id: number, opts?: CallOptions): Promise<Schedule> {
  return r.json({ method: 'GET', path: schedulePath(server, id), opts }, (b) => sortTasks(normalizeSchedule(unwrapItem(b, 'server_schedule'))));
}

/** `POST schedules` (limited per server: route-limits.ts schedule-create). */
export async function createSchedule(r: PanelRequester, server: string, input: ScheduleInput, opts?: CallOptions): Promise<Schedule> {
  const json = scheduleBody(input);
  return r.json({ method: 'POST', path: serverPath(server, 'schedules'), json, opts }, (b) => sortTasks(normalizeSchedule(unwrapItem(b, 'server_schedule'))));
}

/** `POST schedules/{schedule}` (the panel's update route is a POST). */
export async function updateSchedule(r: PanelRequester, server: string, id: number, input: ScheduleInput, opts?: CallOptions): Promise<Schedule> {
  const json = scheduleBody(input);
  return r.json({ method: 'POST', path: schedulePath(server, id), json, opts }, (b) => sortTasks(normalizeSchedule(unwrapItem(b, 'server_schedule'))));
}

/** `DELETE schedules/{schedule}` (204). */
export function deleteSchedule(r: PanelRequester, server: string, id: number, opts?: CallOptions): Promise<void> {
  return r.none({ method: 'DELETE', path: schedulePath(server, id), opts });
}

/** `POST schedules/{schedule}/execute`: 202; runs an inactive schedule too (RunTaskJob manualRun). */
export function executeSchedule(r: PanelRequester, server: string, id: number, opts?: CallOptions): Promise<void> {
  return r.none({ method: 'POST', path: schedulePath(server, id, '/execute'), opts });
}

/** `POST schedules/{schedule}/tasks`. */
export async function createTask(r: PanelRequester, server: string, scheduleId: number, input: TaskInput, opts?: CallOptions): Promise<ScheduleTask> {
  const json = taskBody(input);
  return r.json({ method: 'POST', path: schedulePath(server, scheduleId, '/tasks'), json, opts }, (b) => normalizeScheduleTask(unwrapItem(b, 'schedule_task')));
}

/** `POST schedules/{schedule}/tasks/{task}`; the panel moves the others to make room. */
export async function updateTask(
  r: PanelRequester,
  server: string,
  scheduleId: number,
  taskId: number,
  input: TaskInput,
  opts?: CallOptions,
): Promise<ScheduleTask> {
  const json = taskBody(input);
  const path = schedulePath(server, scheduleId, `/tasks/${taskId}`);
  return r.json({ method: 'POST', path, json, opts }, (b) => normalizeScheduleTask(unwrapItem(b, 'schedule_task')));
}

/** `DELETE schedules/{schedule}/tasks/{task}` (204); the later tasks move up one. */
export function deleteTask(r: PanelRequester, server: string, scheduleId: number, taskId: number, opts?: CallOptions): Promise<void> {
  return r.none({ method: 'DELETE', path: schedulePath(server, scheduleId, `/tasks/${taskId}`), opts });
}

/** The panel lists tasks in insertion order (Schedule::tasks has no orderBy): sort by sequence. */
export function sortTasks(schedule: Schedule): Schedule {
  return { ...schedule, tasks: [...schedule.tasks].sort((a, b) => a.sequenceId - b.sequenceId || a.id - b.id) };
}

/** A schedule as a file (src/shared/schedule-file.ts). */
export function scheduleToFile(schedule: Schedule): ScheduleFile {
  return {
    name: schedule.name,
    cron: { ...schedule.cron },
    isActive: schedule.isActive,
    onlyWhenOnline: schedule.onlyWhenOnline,
    tasks: sortTasks(schedule).tasks.map((t) => ({
      sequenceId: t.sequenceId,
      action: t.action,
      payload: t.payload,
      timeOffsetS: t.timeOffsetS,
      continueOnFailure: t.continueOnFailure,
    })),
  };
}

/** What an import made: the schedule, and each task that did not make it with why. */
export interface ScheduleImportResult {
  schedule: Schedule;
  failed: { task: ScheduleFileTask; position: number; error: PanelError }[];
}

function asPanelError(error: unknown): PanelError {
  return error instanceof PanelError ? error : new PanelError({ kind: 'bad-response', message: String(error) });
}

/**
 * Creates the schedule, then its tasks one by one in order (each appended last, so the order
 * holds even where a task failed). A failure to create the schedule rejects; a task's failure is
 * reported in `failed` and the rest still go (the panel's own task limit refuses the 11th).
 * Pacing: createSchedule goes through the scheduler's per-server schedule-create limit.
 */
export async function importSchedule(client: ClientApi, server: string, file: ScheduleFile, opts?: CallOptions): Promise<ScheduleImportResult> {
  const created = await client.createSchedule(server, { name: file.name, cron: file.cron, isActive: file.isActive, onlyWhenOnline: file.onlyWhenOnline }, opts);
  const failed: ScheduleImportResult['failed'] = [];
  const ordered = [...file.tasks].sort((a, b) => a.sequenceId - b.sequenceId);
  for (const [index, task] of ordered.entries()) {
    try {
      const input = { action: task.action, payload: task.payload, timeOffsetS: task.timeOffsetS, continueOnFailure: task.continueOnFailure };
      await client.createTask(server, created.id, input, opts);
    } catch (error) {
      const panelError = asPanelError(error);
      if (panelError.kind === 'cancelled') throw panelError;
      failed.push({ task, position: index + 1, error: panelError });
    }
  }
  const schedule = ordered.length === 0 ? created : await client.getSchedule(server, created.id, opts).catch(() => created);
  return { schedule, failed };
}
