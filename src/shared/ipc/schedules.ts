/**
 * The channels of the Schedules tab: list, create, edit, tasks, run now, export and import (issue 13). The contract (../ipc-contract.ts) is the union of these
 * domain files; a channel is written here once, with its arguments and result.
 */
import type { CronFields } from '../cron';
import type { ServerRef } from '../types';

/** One task of a schedule, as the window shows it. */
export interface ScheduleTaskView {
  id: number;
  sequenceId: number;
  action: string;
  payload: string;
  timeOffsetS: number;
  isQueued: boolean;
  continueOnFailure: boolean;
}

/** One schedule with its tasks in sequence order. Times are ISO 8601 with the panel's offset. */
export interface ScheduleView {
  id: number;
  name: string;
  cron: CronFields;
  isActive: boolean;
  isProcessing: boolean;
  onlyWhenOnline: boolean;
  lastRunAt: string | null;
  nextRunAt: string | null;
  tasks: ScheduleTaskView[];
}

/** What a schedule is created or saved with. */
export interface ScheduleDraft {
  name: string;
  cron: CronFields;
  isActive: boolean;
  onlyWhenOnline: boolean;
}

/** What a task is created or saved with; `sequenceId` moves it (1 = first). */
export interface TaskDraft {
  action: 'command' | 'power' | 'backup';
  payload: string;
  timeOffsetS: number;
  continueOnFailure: boolean;
  sequenceId?: number;
}

/** What an import made, and each task of the file the panel refused (1-based position, why). */
export interface ScheduleImportReport {
  schedule: ScheduleView;
  fileName: string;
  failed: { position: number; action: string; payload: string; message: string }[];
}

interface OnSchedule {
  server: ServerRef;
  scheduleId: number;
}

export interface ScheduleChannels {
  'schedules:list': { args: [{ server: ServerRef }]; result: ScheduleView[] };
  'schedules:create': { args: [{ server: ServerRef; schedule: ScheduleDraft }]; result: ScheduleView };
  'schedules:update': { args: [OnSchedule & { schedule: ScheduleDraft }]; result: ScheduleView };
  'schedules:delete': { args: [OnSchedule]; result: void };
  'schedules:run': { args: [OnSchedule]; result: void };
  'schedules:create-task': { args: [OnSchedule & { task: TaskDraft }]; result: ScheduleTaskView };
  'schedules:update-task': { args: [OnSchedule & { taskId: number; task: TaskDraft }]; result: ScheduleTaskView };
  'schedules:delete-task': { args: [OnSchedule & { taskId: number }]; result: void };
  /** Main's save dialog, then main writes the file; null when the dialog was cancelled. */
  'schedules:export': { args: [OnSchedule]; result: { fileName: string } | null };
  /** Main's open dialog, then main reads the file and creates it here; null when cancelled. */
  'schedules:import': { args: [{ server: ServerRef }]; result: ScheduleImportReport | null };
}

/** Every channel above, in order (checked against the interface in ../ipc-contract.ts). */
export const SCHEDULE_CHANNELS = [
  'schedules:list',
  'schedules:create',
  'schedules:update',
  'schedules:delete',
  'schedules:run',
  'schedules:create-task',
  'schedules:update-task',
  'schedules:delete-task',
  'schedules:export',
  'schedules:import',
] as const satisfies readonly (keyof ScheduleChannels)[];
