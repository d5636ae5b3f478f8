/**
 * A schedule as a file, to carry it to another server of any panel (panel #3010). Two shapes are
 * read: ours (`format: "pterotray-schedule"`, the cron as the Client API names it) and Pelican's
 * export (app/Services/Schedules/Sharing/ScheduleExporterService.php: `cron_minute` … flat, tasks
 * with sequence_id, action, payload, time_offset, continue_on_failure), with the defaults its
 * importer uses for a missing field (ScheduleImporterService::fromFile: minute "0", hour "0",
 * the rest "*"). Plain TS: shared by the renderer, main and the CLI.
 */
import type { CronFields } from './cron';

export const SCHEDULE_FILE_FORMAT = 'pterotray-schedule';

/** One task as carried in a file (the panel's request fields). */
export interface ScheduleFileTask {
  sequenceId: number;
  action: string;
  payload: string;
  timeOffsetS: number;
  continueOnFailure: boolean;
}

/** A schedule without its server: what export writes and import creates. */
export interface ScheduleFile {
  name: string;
  cron: CronFields;
  isActive: boolean;
  onlyWhenOnline: boolean;
  /** In sequence order. */
  tasks: ScheduleFileTask[];
}

/** Why a file cannot be imported. */
export class ScheduleFileError extends Error {
  override readonly name = 'ScheduleFileError';
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, fallback: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return fallback;
}

function flag(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

function taskOf(raw: unknown, index: number): ScheduleFileTask {
  if (!isRecord(raw)) throw new ScheduleFileError(`Task ${index + 1} is not an object.`);
  const action = text(raw.action, '');
  if (action === '') throw new ScheduleFileError(`Task ${index + 1} has no action.`);
  const offset = Number(raw.time_offset ?? 0);
  const sequence = Number(raw.sequence_id ?? index + 1);
  return {
    sequenceId: Number.isFinite(sequence) ? sequence : index + 1,
    action,
    payload: text(raw.payload, ''),
    timeOffsetS: Number.isFinite(offset) ? offset : 0,
    continueOnFailure: flag(raw.continue_on_failure),
  };
}

function tasksOf(raw: unknown): ScheduleFileTask[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new ScheduleFileError('"tasks" is not a list.');
  return raw.map(taskOf).sort((a, b) => a.sequenceId - b.sequenceId);
}

/** Reads either shape from parsed JSON; throws ScheduleFileError saying what is wrong. */
export function parseScheduleFile(data: unknown): ScheduleFile {
  if (!isRecord(data)) throw new ScheduleFileError('The file is not a JSON object.');
  let cron: CronFields;
  if (data.format === SCHEDULE_FILE_FORMAT) {
    if (!isRecord(data.cron)) throw new ScheduleFileError('"cron" is missing.');
    const c = data.cron;
    cron = {
      minute: text(c.minute, ''),
      hour: text(c.hour, ''),
      dayOfMonth: text(c.day_of_month, ''),
      month: text(c.month, ''),
      dayOfWeek: text(c.day_of_week, ''),
    };
  } else if (['cron_minute', 'cron_hour', 'cron_day_of_month', 'cron_month', 'cron_day_of_week'].some((k) => k in data)) {
    cron = {
      minute: text(data.cron_minute, '0'),
      hour: text(data.cron_hour, '0'),
      dayOfMonth: text(data.cron_day_of_month, '*'),
      month: text(data.cron_month, '*'),
      dayOfWeek: text(data.cron_day_of_week, '*'),
    };
  } else {
    throw new ScheduleFileError('This is neither a Pterotray schedule file nor a Pelican schedule export.');
  }
  const name = text(data.name, '').trim();
  if (name === '') throw new ScheduleFileError('The schedule has no name.');
  return { name, cron, isActive: flag(data.is_active), onlyWhenOnline: flag(data.only_when_online), tasks: tasksOf(data.tasks) };
}

/** Parses file text (JSON) into a schedule. */
export function parseScheduleFileText(textContent: string): ScheduleFile {
  let data: unknown;
  try {
    data = JSON.parse(textContent);
  } catch (error) {
    throw new ScheduleFileError(`The file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseScheduleFile(data);
}

/** Our file's JSON (pretty, with a trailing newline). */
export function scheduleFileText(schedule: ScheduleFile): string {
  const body = {
    format: SCHEDULE_FILE_FORMAT,
    version: 1,
    name: schedule.name,
    is_active: schedule.isActive,
    only_when_online: schedule.onlyWhenOnline,
    cron: {
      minute: schedule.cron.minute,
      hour: schedule.cron.hour,
      day_of_month: schedule.cron.dayOfMonth,
      month: schedule.cron.month,
      day_of_week: schedule.cron.dayOfWeek,
    },
    tasks: [...schedule.tasks]
      .sort((a, b) => a.sequenceId - b.sequenceId)
      .map((t) => ({
        sequence_id: t.sequenceId,
        action: t.action,
        payload: t.payload,
        time_offset: t.timeOffsetS,
        continue_on_failure: t.continueOnFailure,
      })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** Pelican's file name for an export (ExportScheduleAction: `schedule-<kebab name>.json`). */
export function scheduleFileName(name: string): string {
  const kebab = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `schedule-${kebab === '' ? 'export' : kebab}.json`;
}
