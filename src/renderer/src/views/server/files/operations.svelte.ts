/**
 * Long or background work on the server (compress can take minutes) shown as busy tasks while
 * the rest of the panel stays usable, plus the one notice line that reports how it went.
 */
import { t } from '../../../lib/strings';
import { describeError, type ShownError } from './file-errors';

export interface Task {
  id: number;
  label: string;
}

export interface Notice {
  tone: 'info' | 'error';
  text: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ShownError };

export interface RunOptions<T> {
  /** Shown while it runs, e.g. "Compressing 3 items…". */
  label: string;
  /** Names the work in a failure, e.g. "Compress". */
  what: string;
  work: () => Promise<T>;
}

export class Operations {
  tasks = $state<Task[]>([]);
  notice = $state.raw<Notice | null>(null);
  #nextId = 1;

  /** Runs `work` as a visible task; a failure becomes an error notice (and is returned). */
  async run<T>(options: RunOptions<T>): Promise<Outcome<T>> {
    const task = { id: this.#nextId++, label: options.label };
    this.tasks.push(task);
    try {
      return { ok: true, value: await options.work() };
    } catch (error) {
      const shown = describeError(error);
      this.fail(options.what, shown);
      return { ok: false, error: shown };
    } finally {
      this.tasks = this.tasks.filter((tk) => tk.id !== task.id);
    }
  }

  fail(what: string, error: ShownError): void {
    this.notice = { tone: 'error', text: t.files.operations.failed(what, error.text) };
  }

  inform(text: string): void {
    this.notice = { tone: 'info', text };
  }

  warn(text: string): void {
    this.notice = { tone: 'error', text };
  }

  dismiss(): void {
    this.notice = null;
  }
}
