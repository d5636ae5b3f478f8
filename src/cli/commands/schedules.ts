/**
 * `schedules ls|run|export|import`: a server's schedules for scripts (issue 13). Export writes
 * our schedule file (src/shared/schedule-file.ts); import reads it or Pelican's export, creates
 * the schedule and then its tasks, and prints the new schedule's id.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importSchedule, scheduleToFile } from '../../core/api/schedules-api';
import type { Schedule } from '../../core/api/models';
import { ScheduleFileError, parseScheduleFileText, scheduleFileText } from '../../shared/schedule-file';
import { UsageError } from '../args';
import type { CommandDefinition } from '../command';
import type { CommandContext } from '../context';
import { EXIT_FAILURE, EXIT_OK, panelErrorLine } from '../failure';
import { printJson, printList } from '../format/print';
import { formatTable } from '../format/table';
import { withServer } from '../resolve-server';
import { readAll } from './files-write';

function scheduleId(text: string, command: string): number {
  if (!/^[1-9]\d{0,9}$/.test(text)) throw new UsageError(`"${text}" is not a schedule id (a number, as 'schedules ls' shows)`, command);
  return Number(text);
}

function cronText(s: Schedule): string {
  const c = s.cron;
  return `${c.minute} ${c.hour} ${c.dayOfMonth} ${c.month} ${c.dayOfWeek}`;
}

/** A schedule as the panel names its fields, tasks in sequence order. */
export function scheduleJson(s: Schedule): Record<string, unknown> {
  return {
    id: s.id,
    name: s.name,
    cron: { minute: s.cron.minute, hour: s.cron.hour, day_of_month: s.cron.dayOfMonth, month: s.cron.month, day_of_week: s.cron.dayOfWeek },
    is_active: s.isActive,
    is_processing: s.isProcessing,
    only_when_online: s.onlyWhenOnline,
    last_run_at: s.lastRunAt,
    next_run_at: s.nextRunAt,
    tasks: [...s.tasks]
      .sort((a, b) => a.sequenceId - b.sequenceId)
      .map((t) => ({
        id: t.id,
        sequence_id: t.sequenceId,
        action: t.action,
        payload: t.payload,
        time_offset: t.timeOffsetS,
        continue_on_failure: t.continueOnFailure,
      })),
  };
}

function scheduleTable(schedules: readonly Schedule[]): string[] {
  const yes = (b: boolean): string => (b ? 'yes' : 'no');
  return formatTable(
    [
      { header: 'ID', alignRight: true },
      { header: 'NAME' },
      { header: 'CRON' },
      { header: 'ACTIVE' },
      { header: 'ONLINE ONLY' },
      { header: 'TASKS', alignRight: true },
      { header: 'LAST RUN' },
      { header: 'NEXT RUN' },
    ],
    schedules.map((s) => [
      String(s.id),
      s.name,
      cronText(s),
      s.isProcessing ? 'running' : yes(s.isActive),
      yes(s.onlyWhenOnline),
      String(s.tasks.length),
      s.lastRunAt ?? '-',
      s.nextRunAt ?? '-',
    ]),
  );
}

export const schedulesLsCommand: CommandDefinition = {
  path: 'schedules ls',
  usage: '<server>',
  summary: "list a server's schedules (cron, active, last and next run)",
  details: ["Times are the panel's (ISO 8601 with its offset). --json adds each schedule's tasks in order."],
  options: ['json'],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const [query = ''] = ctx.args;
    const { client, server } = await withServer(ctx, query);
    const schedules = await client.listSchedules(server.identifier, { signal: ctx.signal });
    printList(ctx.out, schedules, { json: ctx.options.json, toJson: scheduleJson, table: scheduleTable, empty: `${server.name} has no schedules.` });
    return EXIT_OK;
  },
};

export const schedulesRunCommand: CommandDefinition = {
  path: 'schedules run',
  usage: '<server> <schedule-id>',
  summary: 'run a schedule now (active or not)',
  details: ['The panel starts the first task at once and answers; the run goes on in the panel.'],
  options: [],
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [query = '', idText = ''] = ctx.args;
    const id = scheduleId(idText, ctx.command);
    const { client, server } = await withServer(ctx, query);
    await client.executeSchedule(server.identifier, id, { signal: ctx.signal });
    ctx.out.stderr.line(`Started schedule ${id} on ${server.name}.`);
    return EXIT_OK;
  },
};

export const schedulesExportCommand: CommandDefinition = {
  path: 'schedules export',
  usage: '<server> <schedule-id>',
  summary: 'write a schedule and its tasks as JSON (stdout, or -o FILE)',
  details: ["'schedules import' reads it back on any server of any panel."],
  options: ['output'],
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [query = '', idText = ''] = ctx.args;
    const id = scheduleId(idText, ctx.command);
    const { client, server } = await withServer(ctx, query);
    const schedule = await client.getSchedule(server.identifier, id, { signal: ctx.signal });
    const text = scheduleFileText(scheduleToFile(schedule));
    const output = ctx.options.output;
    if (output === undefined || output === '' || output === '-') ctx.out.stdout.write(text);
    else {
      const path = resolve(ctx.deps.cwd, output);
      await writeFile(path, text, { encoding: 'utf8', mode: 0o644 });
      ctx.out.stderr.line(`Wrote ${schedule.name} (${schedule.tasks.length} tasks) to ${path}.`);
    }
    return EXIT_OK;
  },
};

async function readSource(ctx: CommandContext, source: string): Promise<string> {
  if (source === '-') return readAll(ctx.deps.stdin, ctx.signal);
  return readFile(resolve(ctx.deps.cwd, source), 'utf8');
}

export const schedulesImportCommand: CommandDefinition = {
  path: 'schedules import',
  usage: '<server> <file|->',
  summary: "create a schedule from a file (ours or Pelican's export); prints its id",
  details: [
    'The schedule is created first, then its tasks in order. A task the panel refuses is named on stderr and the',
    'exit code is 1; the schedule and the tasks that were made stay.',
  ],
  options: ['json'],
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [query = '', source = ''] = ctx.args;
    let file;
    try {
      file = parseScheduleFileText(await readSource(ctx, source));
    } catch (error) {
      if (error instanceof ScheduleFileError) throw new UsageError(`${source}: ${error.message}`, ctx.command);
      throw error;
    }
    const { client, server } = await withServer(ctx, query);
    const result = await importSchedule(client, server.identifier, file, { signal: ctx.signal });
    const failed = result.failed.map((f) => ({ position: f.position, action: f.task.action, payload: f.task.payload, error: f.error.message }));
    if (ctx.options.json) printJson(ctx.out.stdout, { id: result.schedule.id, name: result.schedule.name, tasks: result.schedule.tasks.length, failed });
    else ctx.out.stdout.line(String(result.schedule.id));
    for (const f of result.failed) {
      ctx.out.stderr.line(`Task ${f.position} (${f.task.action} ${f.task.payload}) was not created: ${panelErrorLine(f.error).replace(/^pterotray: /, '')}`);
    }
    if (result.failed.length > 0) {
      ctx.out.stderr.line(`Schedule ${result.schedule.id} was created with ${file.tasks.length - result.failed.length} of ${file.tasks.length} tasks.`);
      return EXIT_FAILURE;
    }
    return EXIT_OK;
  },
};
