/**
 * The Schedules tab's logic, apart from its components so it is tested on its own: the form's
 * cron check (src/shared/cron.ts: what the panel would refuse), the preview of the next runs, the
 * cron in words where it is simple, and where a moved task goes.
 */
import { CRON_FIELD_NAMES, cronFieldProblems, nextRuns, offsetMinutesOf, type CronFieldName, type CronFields } from '../../../../../shared/cron';
import type { ScheduleDraft, ScheduleTaskView, ScheduleView, TaskDraft } from '../../../../../shared/ipc/schedules';

/** A new schedule's form: every hour on the hour, active. */
export function emptyDraft(): ScheduleDraft {
  return { name: '', cron: { minute: '0', hour: '*', dayOfMonth: '*', month: '*', dayOfWeek: '*' }, isActive: true, onlyWhenOnline: false };
}

export function draftOf(schedule: ScheduleView): ScheduleDraft {
  return { name: schedule.name, cron: { ...schedule.cron }, isActive: schedule.isActive, onlyWhenOnline: schedule.onlyWhenOnline };
}

/** The form's fields with what the panel would refuse (trimmed: a stray space is not a field). */
export function checkDraft(draft: ScheduleDraft): { cron: CronFields; problems: Partial<Record<CronFieldName | 'name', string>>; isValid: boolean } {
  const cron = Object.fromEntries(CRON_FIELD_NAMES.map((f) => [f, draft.cron[f].trim()])) as unknown as CronFields;
  const problems: Partial<Record<CronFieldName | 'name', string>> = { ...cronFieldProblems(cron) };
  if (draft.name.trim() === '') problems.name = 'required';
  return { cron, problems, isValid: Object.keys(problems).length === 0 };
}

/**
 * The panel's clock: the offset of a `next_run_at` it sent (Carbon's toAtomString carries the
 * panel's time zone), UTC when none is known (config app.timezone's default).
 */
export function panelOffsetMinutes(schedules: readonly ScheduleView[]): number {
  for (const s of schedules) {
    const offset = offsetMinutesOf(s.nextRunAt) ?? offsetMinutesOf(s.lastRunAt);
    if (offset !== null) return offset;
  }
  return 0;
}

/** The next `count` runs (epoch ms) the panel would make; [] when it would refuse or never run. */
export function previewRuns(cron: CronFields, nowMs: number, offsetMinutes: number, count = 5): number[] {
  return nextRuns(cron, nowMs, count, offsetMinutes);
}

/** A time in the person's own time zone and language, e.g. "Thu 4 Dec, 04:00". */
export function localTime(ms: number, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
}

/** A panel time (ISO) in the person's own time zone, or null. */
export function localTimeOf(iso: string | null, timeZone?: string): string | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : localTime(ms, timeZone);
}

/** `0 4 * * *` as written. */
export function cronText(cron: CronFields): string {
  return CRON_FIELD_NAMES.map((f) => cron[f]).join(' ');
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const two = (n: string): string => n.padStart(2, '0');
const isNumber = (v: string): boolean => /^\d{1,2}$/.test(v);

/**
 * The cron in words for the common forms, on the panel's clock (`zone` names it: "UTC"); null
 * for anything else, which the list shows as written only.
 */
export function cronWords(cron: CronFields, zone: string): string | null {
  const { minute, hour, dayOfMonth, month, dayOfWeek } = cron;
  const anyDay = dayOfMonth === '*' && month === '*' && dayOfWeek === '*';
  if (anyDay && hour === '*' && minute === '*') return 'Every minute';
  const step = /^\*\/(\d+)$/.exec(minute);
  if (anyDay && hour === '*' && step) return `Every ${step[1]} minutes`;
  if (anyDay && hour === '*' && isNumber(minute)) return `Every hour at :${two(minute)}`;
  const hourStep = /^\*\/(\d+)$/.exec(hour);
  if (anyDay && hourStep && isNumber(minute)) return `Every ${hourStep[1]} hours at :${two(minute)}`;
  if (!isNumber(minute) || !isNumber(hour)) return null;
  const at = `${two(hour)}:${two(minute)} ${zone}`;
  if (anyDay) return `Every day at ${at}`;
  if (dayOfMonth === '*' && month === '*' && /^[0-7]$/.test(dayOfWeek)) return `Every ${DAYS[Number(dayOfWeek)]} at ${at}`;
  if (dayOfMonth === '*' && month === '*' && dayOfWeek === '1-5') return `Weekdays at ${at}`;
  if (month === '*' && dayOfWeek === '*' && isNumber(dayOfMonth)) return `On day ${Number(dayOfMonth)} of every month at ${at}`;
  return null;
}

/** "UTC", "UTC+2", "UTC−5:30". */
export function zoneName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'UTC';
  const sign = offsetMinutes > 0 ? '+' : '−';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 === 0 ? '' : `:${String(abs % 60).padStart(2, '0')}`}`;
}

/** Tasks in the order they run. */
export function orderedTasks(tasks: readonly ScheduleTaskView[]): ScheduleTaskView[] {
  return [...tasks].sort((a, b) => a.sequenceId - b.sequenceId || a.id - b.id);
}

/**
 * The update that moves a task one place up (-1) or down (+1): the panel shifts the others
 * (ScheduleTaskController::update). Null at either end.
 */
export function moveTask(tasks: readonly ScheduleTaskView[], taskId: number, direction: -1 | 1): { taskId: number; task: TaskDraft } | null {
  const ordered = orderedTasks(tasks);
  const index = ordered.findIndex((t) => t.id === taskId);
  const neighbour = ordered[index + direction];
  const task = ordered[index];
  if (!task || !neighbour) return null;
  return { taskId, task: { ...taskDraftOf(task), sequenceId: neighbour.sequenceId } };
}

/** What the panel would do to the order after an update: the moved task takes its place, the others shift. */
export function applyMove(tasks: readonly ScheduleTaskView[], taskId: number, sequenceId: number): ScheduleTaskView[] {
  const ordered = orderedTasks(tasks);
  const moving = ordered.find((t) => t.id === taskId);
  if (!moving) return ordered;
  const rest = ordered.filter((t) => t.id !== taskId);
  rest.splice(Math.max(0, Math.min(rest.length, sequenceId - 1)), 0, moving);
  return rest.map((t, i) => ({ ...t, sequenceId: i + 1 }));
}

export function taskDraftOf(task: ScheduleTaskView): TaskDraft {
  const action = task.action === 'power' || task.action === 'backup' ? task.action : 'command';
  return { action, payload: task.payload, timeOffsetS: task.timeOffsetS, continueOnFailure: task.continueOnFailure };
}

/** A task form's problem, as the panel's StoreTaskRequest and our power payloads see it; null when fine. */
export function taskProblem(task: TaskDraft): 'payload' | 'power' | 'offset' | null {
  if (!Number.isInteger(task.timeOffsetS) || task.timeOffsetS < 0 || task.timeOffsetS > 900) return 'offset';
  if (task.action === 'power' && !['start', 'stop', 'restart', 'kill'].includes(task.payload)) return 'power';
  if (task.action === 'command' && task.payload.trim() === '') return 'payload';
  return null;
}
