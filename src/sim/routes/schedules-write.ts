/**
 * The schedule routes past the list (issue 13), for both panels: pterodactyl and pelican
 * app/Http/Controllers/Api/Client/Servers/ScheduleController.php and ScheduleTaskController.php,
 * the Form Requests in app/Http/Requests/Api/Client/Servers/Schedules/, routes/api-client.php
 * (`ResourceLimit::ScheduleCreate` on `POST /schedules` in Pelican and 1.12). Where the panels
 * differ: Pelican validates `month` and `only_when_online` and allows names of 255 characters
 * (Pterodactyl 191), accepts a `delete_files` task, and asks schedule.delete (Pterodactyl
 * schedule.update) to delete a task. Power payloads are not validated by either panel (Wings
 * refuses a bad one when the task runs), so the sim takes any string there too.
 */
import type { CronFields } from '../../shared/cron';
import { PanelHttpError, PanelValidationError, notFound, type ValidationFailure } from '../http/errors';
import { sendJson, sendNoContent } from '../http/respond';
import type { PanelRoute, RouteContext } from '../http/route-types';
import { serverOf } from '../http/route-types';
import { list } from '../http/transform';
import { hasPermission } from '../state/permissions';
import { cronOf, nextRunAt, scheduleBook, scheduleItem, taskItem, type SimSchedule, type SimTask } from '../state/schedules';
import { atom } from '../util/time';

/** config('pterodactyl.client_features.schedules.per_schedule_task_limit', 10) (pelican: panel.…). */
export const PER_SCHEDULE_TASK_LIMIT = 10;

const CRON_INVALID = 'The cron data provided does not evaluate to a valid expression.';

function displayException(detail: string): PanelHttpError {
  // DisplayException::getStatusCode is 400; Handler::toArray names the code by class basename.
  return new PanelHttpError(400, 'DisplayException', detail);
}

type Body = Record<string, unknown>;

function bodyOf(ctx: RouteContext): Body {
  const json = ctx.json;
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Body) : {};
}

/** Laravel's rules over one body, in the words of Laravel 10/11 (both panels). */
class Rules {
  readonly failures: ValidationFailure[] = [];
  constructor(private readonly body: Body) {}

  private label(field: string): string {
    return field.replaceAll('_', ' ');
  }

  /** ConvertEmptyStringsToNull: "" arrives as null. */
  value(field: string): unknown {
    const v = this.body[field];
    return v === '' ? null : v;
  }

  present(field: string): boolean {
    return field in this.body;
  }

  fail(field: string, rule: string, detail: string): void {
    if (!this.failures.some((f) => f.field === field)) this.failures.push({ field, rule, detail });
  }

  required(field: string): boolean {
    const v = this.value(field);
    if (v === undefined || v === null) {
      this.fail(field, 'required', `The ${this.label(field)} field is required.`);
      return false;
    }
    return true;
  }

  string(field: string, max?: number): string | null {
    const v = this.value(field);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') {
      this.fail(field, 'string', `The ${this.label(field)} field must be a string.`);
      return null;
    }
    if (max !== undefined && v.length > max) {
      this.fail(field, 'max', `The ${this.label(field)} field must not be greater than ${max} characters.`);
      return null;
    }
    return v;
  }

  boolean(field: string): boolean | null {
    const v = this.value(field);
    if (v === undefined || v === null) return null;
    if ([true, false, 0, 1, '0', '1'].includes(v as never)) return v === true || v === 1 || v === '1';
    this.fail(field, 'boolean', `The ${this.label(field)} field must be true or false.`);
    return null;
  }

  numeric(field: string, min: number, max?: number): number | null {
    const v = this.value(field);
    if (v === undefined || v === null) return null;
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
    if (!Number.isFinite(n)) {
      this.fail(field, 'numeric', `The ${this.label(field)} field must be a number.`);
      return null;
    }
    if (n < min) this.fail(field, 'min', `The ${this.label(field)} field must be at least ${min}.`);
    else if (max !== undefined && n > max) this.fail(field, 'max', `The ${this.label(field)} field must not be greater than ${max}.`);
    else return n;
    return null;
  }

  done(): void {
    if (this.failures.length > 0) throw new PanelValidationError(this.failures);
  }
}

const CRON_FIELDS = ['minute', 'hour', 'day_of_month', 'month', 'day_of_week'] as const;

interface ScheduleRequest {
  name: string;
  cron: SimSchedule['cron'];
  isActive: boolean;
  onlyWhenOnline: boolean;
  nextRunAt: string;
}

/** StoreScheduleRequest (UpdateScheduleRequest extends it), then getNextRunAt. */
function scheduleRequest(ctx: RouteContext): ScheduleRequest {
  const isPelican = ctx.state.options.flavor === 'pelican';
  const rules = new Rules(bodyOf(ctx));
  if (rules.required('name')) rules.string('name', isPelican ? 255 : 191);
  // 'is_active' => filled|boolean: may be absent, not empty.
  if (rules.present('is_active') && rules.value('is_active') === null) rules.fail('is_active', 'filled', 'The is active field must have a value.');
  else rules.boolean('is_active');
  if (isPelican) rules.boolean('only_when_online');
  // Pterodactyl's rules leave `month` out (StoreScheduleRequest::rules); Pelican's have it.
  const cronRules = isPelican ? CRON_FIELDS : CRON_FIELDS.filter((f) => f !== 'month');
  for (const field of cronRules) if (rules.required(field)) rules.string(field);
  rules.done();
  const text = (field: string): string => {
    const v = rules.value(field);
    return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v as number);
  };
  const cron = { minute: text('minute'), hour: text('hour'), day_of_month: text('day_of_month'), month: text('month'), day_of_week: text('day_of_week') };
  const fields: CronFields = cronOf({ cron });
  const next = nextRunAt(fields, ctx.state.clock.now());
  if (next === null) throw displayException(CRON_INVALID);
  return { name: text('name'), cron, isActive: Boolean(rules.value('is_active')), onlyWhenOnline: Boolean(rules.value('only_when_online')), nextRunAt: next };
}

function scheduleOf(ctx: RouteContext): SimSchedule {
  const found = scheduleBook(serverOf(ctx)).schedules.find((s) => String(s.id) === ctx.params.schedule);
  if (!found) throw notFound();
  return found;
}

function taskOf(ctx: RouteContext, schedule: SimSchedule): SimTask {
  const found = schedule.tasks.find((t) => String(t.id) === ctx.params.task);
  if (!found) throw notFound();
  return found;
}

function store(ctx: RouteContext): void {
  const request = scheduleRequest(ctx);
  const book = scheduleBook(serverOf(ctx));
  const now = atom(ctx.state.clock.now());
  const schedule: SimSchedule = {
    id: book.nextScheduleId++,
    name: request.name,
    cron: request.cron,
    is_active: request.isActive,
    is_processing: false,
    only_when_online: request.onlyWhenOnline,
    last_run_at: null,
    next_run_at: request.nextRunAt,
    created_at: now,
    updated_at: now,
    tasks: [],
  };
  book.schedules.push(schedule);
  // store() answers `fractal->item($model)` of a fresh model: its tasks relation is empty.
  sendJson(ctx, 200, scheduleItem(schedule));
}

function view(ctx: RouteContext): void {
  sendJson(ctx, 200, scheduleItem(scheduleOf(ctx)));
}

function index(ctx: RouteContext): void {
  sendJson(ctx, 200, list(scheduleBook(serverOf(ctx)).schedules.map(scheduleItem)));
}

function update(ctx: RouteContext): void {
  const schedule = scheduleOf(ctx);
  const request = scheduleRequest(ctx);
  // "Toggle the processing state … when it is enabled or disabled" (pterodactyl #2425).
  if (schedule.is_active !== request.isActive) schedule.is_processing = false;
  Object.assign(schedule, {
    name: request.name,
    cron: request.cron,
    is_active: request.isActive,
    only_when_online: request.onlyWhenOnline,
    next_run_at: request.nextRunAt,
    updated_at: atom(ctx.state.clock.now()),
  });
  sendJson(ctx, 200, scheduleItem(schedule));
}

function destroy(ctx: RouteContext): void {
  const book = scheduleBook(serverOf(ctx));
  const schedule = scheduleOf(ctx);
  book.schedules = book.schedules.filter((s) => s !== schedule);
  sendNoContent(ctx);
}

/**
 * ProcessScheduleService::handle($schedule, true): no tasks is a DisplayException; otherwise the
 * schedule is processing, its next run recomputed, and the run goes whether the schedule is
 * active or not (RunTaskJob skips inactive schedules only when not run by hand). The sim's run
 * ends a tick later (last task done: markScheduleComplete sets last_run_at).
 */
function execute(ctx: RouteContext): void {
  const schedule = scheduleOf(ctx);
  if (schedule.tasks.length === 0) throw displayException('Cannot process schedule for task execution: no tasks are registered.');
  schedule.is_processing = true;
  schedule.next_run_at = nextRunAt(cronOf(schedule), ctx.state.clock.now());
  const first = [...schedule.tasks].sort((a, b) => a.sequence_id - b.sequence_id)[0];
  if (first) first.is_queued = true;
  ctx.state.timers.timeout(() => {
    schedule.is_processing = false;
    schedule.last_run_at = atom(ctx.state.clock.now());
    for (const task of schedule.tasks) task.is_queued = false;
  }, ctx.state.options.tickMs);
  sendJson(ctx, 202, []);
}

interface TaskRequest {
  action: string;
  payload: string;
  timeOffset: number;
  sequenceId: number | null;
  continueOnFailure: boolean;
}

/** Both controllers refuse a backup task on a server without backups, after the task limit. */
function checkBackupTask(ctx: RouteContext, request: TaskRequest): void {
  if (serverOf(ctx).featureLimits.backups === 0 && request.action === 'backup') {
    throw new PanelHttpError(403, 'HttpForbiddenException', "A backup task cannot be created when the server's backup limit is set to 0.");
  }
}

/** StoreTaskRequest (store and update). */
function taskRequest(ctx: RouteContext): TaskRequest {
  const isPelican = ctx.state.options.flavor === 'pelican';
  const actions = isPelican ? ['command', 'power', 'backup', 'delete_files'] : ['command', 'power', 'backup'];
  const rules = new Rules(bodyOf(ctx));
  let action: string | null = null;
  if (rules.required('action')) {
    const v = rules.value('action');
    if (typeof v === 'string' && actions.includes(v)) action = v;
    else rules.fail('action', 'in', 'The selected action is invalid.');
  }
  const payloadValue = rules.value('payload');
  if (action !== 'backup' && (payloadValue === undefined || payloadValue === null)) {
    rules.fail('payload', 'required_unless', 'The payload field is required unless action is in backup.');
  } else rules.string('payload');
  let timeOffset: number | null = null;
  if (rules.required('time_offset')) timeOffset = rules.numeric('time_offset', 0, 900);
  let sequenceId: number | null = null;
  if (rules.present('sequence_id') && rules.required('sequence_id')) sequenceId = rules.numeric('sequence_id', 1);
  if (rules.present('continue_on_failure') && rules.required('continue_on_failure')) rules.boolean('continue_on_failure');
  rules.done();
  return {
    action: action ?? 'command',
    payload: typeof payloadValue === 'string' ? payloadValue : '',
    timeOffset: Math.trunc(timeOffset ?? 0),
    sequenceId: sequenceId === null ? null : Math.trunc(sequenceId),
    continueOnFailure: [true, 1, '1'].includes(rules.value('continue_on_failure') as never),
  };
}

function storeTask(ctx: RouteContext): void {
  const schedule = scheduleOf(ctx);
  // The form request first, then the controller's limit.
  const request = taskRequest(ctx);
  if (schedule.tasks.length >= PER_SCHEDULE_TASK_LIMIT) {
    throw new PanelHttpError(
      400,
      'ServiceLimitExceededException',
      `Schedules may not have more than ${PER_SCHEDULE_TASK_LIMIT} tasks associated with them. Creating this task would put this schedule over the limit.`,
    );
  }
  checkBackupTask(ctx, request);
  const last = Math.max(0, ...schedule.tasks.map((t) => t.sequence_id));
  let sequence = last + 1;
  const wanted = Math.max(1, request.sequenceId ?? sequence);
  if (wanted < sequence) {
    for (const t of schedule.tasks) if (t.sequence_id >= wanted) t.sequence_id += 1;
    sequence = wanted;
  }
  const now = atom(ctx.state.clock.now());
  const book = scheduleBook(serverOf(ctx));
  const task: SimTask = {
    id: book.nextTaskId++,
    sequence_id: sequence,
    action: request.action,
    payload: request.payload,
    time_offset: request.timeOffset,
    is_queued: false,
    continue_on_failure: request.continueOnFailure,
    created_at: now,
    updated_at: now,
  };
  schedule.tasks.push(task);
  sendJson(ctx, 200, taskItem(task));
}

function updateTask(ctx: RouteContext): void {
  const schedule = scheduleOf(ctx);
  const task = taskOf(ctx, schedule);
  const request = taskRequest(ctx);
  checkBackupTask(ctx, request);
  const sequence = Math.max(1, request.sequenceId ?? task.sequence_id);
  // Shift the others up or down to make room (ScheduleTaskController::update).
  for (const t of schedule.tasks) {
    if (t === task) continue;
    if (sequence < task.sequence_id && t.sequence_id >= sequence && t.sequence_id < task.sequence_id) t.sequence_id += 1;
    if (sequence > task.sequence_id && t.sequence_id > task.sequence_id && t.sequence_id <= sequence) t.sequence_id -= 1;
  }
  Object.assign(task, {
    sequence_id: sequence,
    action: request.action,
    payload: request.payload,
    time_offset: request.timeOffset,
    continue_on_failure: request.continueOnFailure,
    updated_at: atom(ctx.state.clock.now()),
  });
  sendJson(ctx, 200, taskItem(task));
}

function deleteTask(ctx: RouteContext): void {
  const schedule = scheduleOf(ctx);
  const task = taskOf(ctx, schedule);
  // Checked in the controller after the 404: Pterodactyl asks schedule.update, Pelican schedule.delete.
  const needed = ctx.state.options.flavor === 'pelican' ? 'schedule.delete' : 'schedule.update';
  if (!hasPermission(serverOf(ctx).permissions, needed)) {
    throw new PanelHttpError(403, 'HttpForbiddenException', 'You do not have permission to perform this action.');
  }
  for (const t of schedule.tasks) if (t.sequence_id > task.sequence_id) t.sequence_id -= 1;
  schedule.tasks = schedule.tasks.filter((t) => t !== task);
  sendNoContent(ctx);
}

const BASE = '/api/client/servers/:server/schedules';

/** Every schedule route, the reads included (they read the same book as the writes). */
export const scheduleRoutes: PanelRoute[] = [
  { method: 'GET', path: BASE, permission: 'schedule.read', handler: index },
  { method: 'POST', path: BASE, permission: 'schedule.create', limit: 'scheduleCreate', handler: store },
  { method: 'GET', path: `${BASE}/:schedule`, permission: 'schedule.read', handler: view },
  { method: 'POST', path: `${BASE}/:schedule`, permission: 'schedule.update', handler: update },
  { method: 'DELETE', path: `${BASE}/:schedule`, permission: 'schedule.delete', handler: destroy },
  { method: 'POST', path: `${BASE}/:schedule/execute`, permission: 'schedule.update', handler: execute },
  { method: 'POST', path: `${BASE}/:schedule/tasks`, permission: 'schedule.update', handler: storeTask },
  { method: 'POST', path: `${BASE}/:schedule/tasks/:task`, permission: 'schedule.update', handler: updateTask },
  { method: 'DELETE', path: `${BASE}/:schedule/tasks/:task`, handler: deleteTask },
];
