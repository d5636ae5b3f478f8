/**
 * The Schedules tab's state and writes: the list (a Resource), one notice line, and each action
 * as a call that answers with the text to show when it failed (forms stay open with their
 * values), so the components only draw.
 */
import { api } from '../../../lib/api';
import { failureText } from '../../../lib/panel-page/failure-text';
import { Resource } from '../../../lib/panel-page/resource.svelte';
import { t } from '../../../lib/strings';
import type { ScheduleDraft, ScheduleTaskView, ScheduleView, TaskDraft } from '../../../../../shared/ipc/schedules';
import type { ServerRef } from '../../../../../shared/types';
import { orderedTasks } from './schedule-logic';

export interface Notice {
  tone: 'info' | 'error';
  text: string;
  lines?: string[];
}

const s = t.schedules;

export class SchedulesController {
  readonly resource: Resource<ScheduleView[]>;
  notice = $state<Notice | null>(null);
  /** The schedule whose row action is running, to show it busy. */
  busyId = $state<number | null>(null);
  readonly #server: ServerRef;

  constructor(server: ServerRef) {
    this.#server = server;
    this.resource = new Resource(() => api.schedulesList({ server }));
  }

  get schedules(): ScheduleView[] {
    return this.resource.value ?? [];
  }

  #replace(schedule: ScheduleView): void {
    const list = this.schedules;
    const index = list.findIndex((x) => x.id === schedule.id);
    this.resource.set(index === -1 ? [...list, schedule] : list.map((x) => (x.id === schedule.id ? schedule : x)));
  }

  #fail(error: unknown, what: string, permission: string): string {
    return failureText(error, what, permission);
  }

  /** Resolves with the error text for the form, or null when saved. */
  async save(draft: ScheduleDraft, existing: ScheduleView | null): Promise<string | null> {
    try {
      const saved = existing
        ? await api.schedulesUpdate({ server: this.#server, scheduleId: existing.id, schedule: draft })
        : await api.schedulesCreate({ server: this.#server, schedule: draft });
      this.#replace(existing ? { ...saved, tasks: saved.tasks.length > 0 ? saved.tasks : existing.tasks } : saved);
      this.notice = { tone: 'info', text: existing ? s.notices.saved(saved.name) : s.notices.created(saved.name) };
      return null;
    } catch (error) {
      return existing ? this.#fail(error, s.whats.update, 'schedule.update') : this.#fail(error, s.whats.create, 'schedule.create');
    }
  }

  async #rowAction(schedule: ScheduleView, run: () => Promise<void>, what: string, permission: string): Promise<boolean> {
    this.busyId = schedule.id;
    try {
      await run();
      return true;
    } catch (error) {
      this.notice = { tone: 'error', text: this.#fail(error, what, permission) };
      return false;
    } finally {
      this.busyId = null;
    }
  }

  async toggle(schedule: ScheduleView): Promise<void> {
    const draft = { name: schedule.name, cron: schedule.cron, isActive: !schedule.isActive, onlyWhenOnline: schedule.onlyWhenOnline };
    await this.#rowAction(
      schedule,
      async () => this.#replace({ ...(await api.schedulesUpdate({ server: this.#server, scheduleId: schedule.id, schedule: draft })), tasks: schedule.tasks }),
      s.whats.toggle,
      'schedule.update',
    );
  }

  async run(schedule: ScheduleView): Promise<void> {
    const ok = await this.#rowAction(schedule, () => api.schedulesRun({ server: this.#server, scheduleId: schedule.id }), s.whats.run, 'schedule.update');
    if (ok) {
      this.notice = { tone: 'info', text: s.notices.started(schedule.name) };
      void this.resource.reload();
    }
  }

  async remove(schedule: ScheduleView): Promise<string | null> {
    try {
      await api.schedulesDelete({ server: this.#server, scheduleId: schedule.id });
      this.resource.set(this.schedules.filter((x) => x.id !== schedule.id));
      this.notice = { tone: 'info', text: s.notices.deleted(schedule.name) };
      return null;
    } catch (error) {
      return this.#fail(error, s.whats.delete, 'schedule.delete');
    }
  }

  async exportFile(schedule: ScheduleView): Promise<void> {
    await this.#rowAction(
      schedule,
      async () => {
        const saved = await api.schedulesExport({ server: this.#server, scheduleId: schedule.id });
        if (saved) this.notice = { tone: 'info', text: s.notices.exported(saved.fileName) };
      },
      s.whats.export,
      'schedule.read',
    );
  }

  async importFile(): Promise<void> {
    try {
      const report = await api.schedulesImport({ server: this.#server });
      if (!report) return;
      this.#replace(report.schedule);
      const total = report.schedule.tasks.length + report.failed.length;
      this.notice =
        report.failed.length === 0
          ? { tone: 'info', text: s.notices.imported(report.schedule.name, report.fileName) }
          : {
              tone: 'error',
              text: s.notices.partial(report.schedule.name, report.schedule.tasks.length, total),
              lines: report.failed.map((f) => s.notices.failedTask(f.position, f.action, f.payload, f.message)),
            };
    } catch (error) {
      this.notice = { tone: 'error', text: this.#fail(error, s.whats.import, 'schedule.create') };
    }
  }

  // ── tasks ──

  #withTasks(schedule: ScheduleView, tasks: ScheduleTaskView[]): ScheduleView {
    const updated = { ...schedule, tasks: orderedTasks(tasks) };
    this.#replace(updated);
    return updated;
  }

  /** Saves a task (new when `taskId` is null); the panel re-sequences, so the list is read again. */
  async saveTask(schedule: ScheduleView, taskId: number | null, task: TaskDraft): Promise<string | null> {
    try {
      const ref = { server: this.#server, scheduleId: schedule.id };
      if (taskId === null) await api.schedulesCreateTask({ ...ref, task });
      else await api.schedulesUpdateTask({ ...ref, taskId, task });
      await this.#refreshTasks(schedule);
      return null;
    } catch (error) {
      return this.#fail(error, s.whats.task, 'schedule.update');
    }
  }

  async removeTask(schedule: ScheduleView, taskId: number): Promise<string | null> {
    try {
      await api.schedulesDeleteTask({ server: this.#server, scheduleId: schedule.id, taskId });
      await this.#refreshTasks(schedule);
      return null;
    } catch (error) {
      return this.#fail(error, s.whats.deleteTask, 'schedule.update');
    }
  }

  async #refreshTasks(schedule: ScheduleView): Promise<void> {
    await this.resource.reload();
    const fresh = this.schedules.find((x) => x.id === schedule.id);
    if (fresh) this.#withTasks(fresh, fresh.tasks);
  }
}
