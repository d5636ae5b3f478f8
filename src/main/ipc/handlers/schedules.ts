/** The schedules channels (src/shared/ipc/schedules.ts) as thin calls into the panel client and main's services. */
import { basename } from 'node:path';
import { importSchedule, scheduleToFile, sortTasks } from '../../../core/api/schedules-api';
import type { Schedule } from '../../../core/api/models';
import type { ScheduleChannels, ScheduleView } from '../../../shared/ipc/schedules';
import { parseScheduleFileText, scheduleFileName, scheduleFileText, ScheduleFileError } from '../../../shared/schedule-file';
import { PanelError } from '../../../core/api/errors';
import type { Handlers } from '../register-handlers';
import type { HandlerPorts } from './ports';

function view(schedule: Schedule): ScheduleView {
  const sorted = sortTasks(schedule);
  return { ...sorted, cron: { ...sorted.cron }, tasks: sorted.tasks.map((t) => ({ ...t })) };
}

export function schedulesHandlers(ports: HandlerPorts): Pick<Handlers, keyof ScheduleChannels> {
  const api = (accountId: string) => ports.client(accountId);
  return {
    'schedules:list': async ({ server }) => (await (await api(server.accountId)).listSchedules(server.identifier)).map(view),
    'schedules:create': async ({ server, schedule }) => view(await (await api(server.accountId)).createSchedule(server.identifier, schedule)),
    'schedules:update': async ({ server, scheduleId, schedule }) =>
      view(await (await api(server.accountId)).updateSchedule(server.identifier, scheduleId, schedule)),
    'schedules:delete': async ({ server, scheduleId }) => (await api(server.accountId)).deleteSchedule(server.identifier, scheduleId),
    'schedules:run': async ({ server, scheduleId }) => (await api(server.accountId)).executeSchedule(server.identifier, scheduleId),
    'schedules:create-task': async ({ server, scheduleId, task }) => ({
      ...(await (await api(server.accountId)).createTask(server.identifier, scheduleId, task)),
    }),
    'schedules:update-task': async ({ server, scheduleId, taskId, task }) => ({
      ...(await (await api(server.accountId)).updateTask(server.identifier, scheduleId, taskId, task)),
    }),
    'schedules:delete-task': async ({ server, scheduleId, taskId }) => (await api(server.accountId)).deleteTask(server.identifier, scheduleId, taskId),
    // The schedule is read before the dialog opens: nothing is written for one that is gone.
    'schedules:export': async ({ server, scheduleId }) => {
      const schedule = await (await api(server.accountId)).getSchedule(server.identifier, scheduleId);
      const destination = await ports.dialogs.chooseSavePath(scheduleFileName(schedule.name));
      if (destination === null) return null;
      await ports.scheduleFiles.write(destination, scheduleFileText(scheduleToFile(schedule)));
      return { fileName: basename(destination) };
    },
    'schedules:import': async ({ server }) => {
      const client = await api(server.accountId);
      const path = await ports.scheduleFiles.chooseImportPath();
      if (path === null) return null;
      let file;
      try {
        file = parseScheduleFileText(await ports.scheduleFiles.read(path));
      } catch (error) {
        const reason = error instanceof ScheduleFileError ? error.message : 'The file could not be read.';
        throw new PanelError({ kind: 'validation', message: `${basename(path)}: ${reason}` });
      }
      const result = await importSchedule(client, server.identifier, file);
      return {
        schedule: view(result.schedule),
        fileName: basename(path),
        failed: result.failed.map((f) => ({ position: f.position, action: f.task.action, payload: f.task.payload, message: f.error.message })),
      };
    },
  };
}
