/**
 * A server's schedules as the sim keeps them once a route touched them: seeded from the
 * generated ones (extras.ts schedulesOf), then changed by the write routes
 * (routes/schedules-write.ts). Kept beside the server (a WeakMap), not in SimServer, so the
 * generated pages stay as they were.
 */
import { nextRuns, type CronFields } from '../../shared/cron';
import { atom } from '../util/time';
import { schedulesOf } from './extras';
import type { SimServer } from './servers';

/** One `schedule_task` row. */
export interface SimTask {
  id: number;
  sequence_id: number;
  action: string;
  payload: string;
  time_offset: number;
  is_queued: boolean;
  continue_on_failure: boolean;
  created_at: string;
  updated_at: string;
}

/** One `schedules` row with its tasks in insertion (id) order, as the relation returns them. */
export interface SimSchedule {
  id: number;
  name: string;
  cron: { day_of_week: string; day_of_month: string; month: string; hour: string; minute: string };
  is_active: boolean;
  is_processing: boolean;
  only_when_online: boolean;
  last_run_at: string | null;
  next_run_at: string | null;
  created_at: string;
  updated_at: string;
  tasks: SimTask[];
}

/** The schedules of one server and its id counters. */
export interface ScheduleBook {
  schedules: SimSchedule[];
  nextScheduleId: number;
  nextTaskId: number;
}

const books = new WeakMap<SimServer, ScheduleBook>();

function seed(server: SimServer): ScheduleBook {
  const schedules = schedulesOf(server).map((item) => {
    const a = item.attributes as Omit<SimSchedule, 'tasks'> & { relationships: { tasks: { data: { attributes: SimTask }[] } } };
    const { relationships, ...rest } = a;
    return { ...structuredClone(rest), tasks: relationships.tasks.data.map((t) => ({ ...t.attributes })) };
  });
  return { schedules, nextScheduleId: server.internalId * 1000 + 100, nextTaskId: server.internalId * 100_000 + 1000 };
}

/** The server's schedules, seeded on first use. */
export function scheduleBook(server: SimServer): ScheduleBook {
  let book = books.get(server);
  if (!book) {
    book = seed(server);
    books.set(server, book);
  }
  return book;
}

/** The cron of a row as the shared evaluator names it. */
export function cronOf(schedule: Pick<SimSchedule, 'cron'>): CronFields {
  const c = schedule.cron;
  return { minute: c.minute, hour: c.hour, dayOfMonth: c.day_of_month, month: c.month, dayOfWeek: c.day_of_week };
}

/** Utilities::getScheduleNextRunDate in the panel's time zone (UTC: config app.timezone's default). */
export function nextRunAt(cron: CronFields, nowMs: number): string | null {
  const [next] = nextRuns(cron, nowMs, 1, 0);
  return next === undefined ? null : atom(next);
}

/** ScheduleTransformer with its default include `tasks` (TaskTransformer). */
export function scheduleItem(schedule: SimSchedule): { object: string; attributes: Record<string, unknown> } {
  const { tasks, ...rest } = schedule;
  return {
    object: 'server_schedule',
    attributes: { ...rest, relationships: { tasks: { object: 'list', data: tasks.map(taskItem) } } },
  };
}

/** TaskTransformer. */
export function taskItem(task: SimTask): { object: string; attributes: Record<string, unknown> } {
  return { object: 'schedule_task', attributes: { ...task } };
}
