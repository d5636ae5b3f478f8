/** What the schedule writes take (schedules-api.ts), apart so client-types.ts can name them without an import cycle. */
import type { CronFields } from '../../shared/cron';

/** What a schedule is created or updated with. */
export interface ScheduleInput {
  name: string;
  cron: CronFields;
  isActive: boolean;
  onlyWhenOnline: boolean;
}

/** The actions both panels accept (Pelican adds delete_files, which Pterodactyl refuses). */
export const TASK_ACTIONS = ['command', 'power', 'backup'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** The power signals a power task may send (Wings' power actions). */
export const POWER_PAYLOADS = ['start', 'stop', 'restart', 'kill'] as const;

/** StoreTaskRequest: time_offset max:900. */
export const MAX_TIME_OFFSET_S = 900;

/** What a task is created or updated with. */
export interface TaskInput {
  action: string;
  payload: string;
  timeOffsetS: number;
  /** Where it goes (1 = first); without it a new task goes last and an edited one stays. */
  sequenceId?: number;
  continueOnFailure: boolean;
}
