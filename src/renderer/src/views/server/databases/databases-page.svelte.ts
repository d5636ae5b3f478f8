/**
 * The Databases tab's state and actions (issue 13): the list with the server's limit, what the
 * limit allows, the one password on screen (fetched only on Reveal, never kept after the tab
 * closes), and the writes with their notices. Components render it; tests drive it.
 */
import { SvelteSet } from 'svelte/reactivity';
import { api } from '../../../lib/api';
import { failureText } from '../../../lib/panel-page/failure-text';
import { Resource } from '../../../lib/panel-page/resource.svelte';
import { t } from '../../../lib/strings';
import type { DatabaseUrlKind, DatabaseView, DatabasesPage } from '../../../../../shared/ipc/databases';
import type { ServerRef } from '../../../../../shared/types';

export interface Notice {
  tone: 'info' | 'error';
  text: string;
}

/** What the panel's limit allows now: creating, or why not. */
export type CreateAllowance = { isAllowed: true } | { isAllowed: false; reason: string };

/** `databaseLimit`: null is no limit; 0 none at all (both panels' DatabaseManagementService::create). */
export function createAllowance(page: DatabasesPage): CreateAllowance {
  const limit = page.databaseLimit;
  if (limit === null) return { isAllowed: true };
  if (limit === 0) return { isAllowed: false, reason: t.databases.noneAllowed };
  if (page.databases.length >= limit) return { isAllowed: false, reason: t.databases.limitReached(limit) };
  return { isAllowed: true };
}

/** The `s{id}_` the panel puts before names, as the server's databases show it; a placeholder without one. */
export function namePrefix(databases: readonly DatabaseView[]): string {
  for (const d of databases) {
    const match = /^(s\d+_)/.exec(d.name);
    if (match) return match[1] as string;
  }
  return 's…_';
}

export class DatabasesController {
  readonly resource: Resource<DatabasesPage>;
  notice = $state.raw<Notice | null>(null);
  /** The one password on screen: its database id and the text. */
  shown = $state.raw<{ id: string; password: string } | null>(null);
  /** The ids with a call on their way. */
  readonly busy = new SvelteSet<string>();
  readonly #ref: ServerRef;

  constructor(ref: ServerRef) {
    this.#ref = ref;
    this.resource = new Resource(() => api.databasesList(ref));
  }

  #fail(error: unknown, what: string, permission: string): void {
    this.notice = { tone: 'error', text: failureText(error, what, permission) };
  }

  async #with<T>(id: string, work: () => Promise<T>): Promise<T> {
    this.busy.add(id);
    try {
      return await work();
    } finally {
      this.busy.delete(id);
    }
  }

  #replace(update: (list: DatabaseView[]) => DatabaseView[]): void {
    const page = this.resource.value;
    if (page) this.resource.set({ ...page, databases: update(page.databases) });
  }

  /** Creates it; the panel's refusal as text (the form stays open and shows it), or null when done. */
  async create(database: string, remote: string): Promise<string | null> {
    try {
      const created = await api.databasesCreate({ server: this.#ref, database, remote });
      this.#replace((list) => [...list, created]);
      this.notice = { tone: 'info', text: t.databases.created(created.name) };
      return null;
    } catch (error) {
      // The limit may have changed under the window (the panel's 400): show the panel's count again.
      void this.resource.reload();
      return failureText(error, t.databases.what.create, 'database.create');
    }
  }

  /** Shows one password (hiding any other): the one call that brings it to the window. */
  async reveal(d: DatabaseView): Promise<void> {
    await this.#with(d.id, async () => {
      try {
        this.shown = { id: d.id, password: (await api.databasesReveal({ server: this.#ref, id: d.id })).password };
      } catch (error) {
        this.#fail(error, t.databases.what.reveal, 'database.view_password');
      }
    });
  }

  hide(): void {
    this.shown = null;
  }

  async copy(d: DatabaseView, kind: DatabaseUrlKind): Promise<void> {
    try {
      await api.databasesCopyUrl({ server: this.#ref, id: d.id, kind });
      this.notice = { tone: 'info', text: kind === 'jdbc' ? t.databases.copiedJdbc : t.databases.copiedMysql };
    } catch (error) {
      this.#fail(error, t.databases.what.copy, kind === 'mysql' ? 'database.view_password' : 'database.read');
    }
  }

  /** A new password; shown again (through reveal) only if this one's was on screen. */
  async rotate(d: DatabaseView): Promise<boolean> {
    const wasShown = this.shown?.id === d.id;
    if (wasShown) this.shown = null;
    try {
      await this.#with(d.id, () => api.databasesRotate({ server: this.#ref, id: d.id }));
      this.notice = { tone: 'info', text: t.databases.rotated(d.name) };
    } catch (error) {
      this.#fail(error, t.databases.what.rotate, 'database.update');
      return false;
    }
    if (wasShown) await this.reveal(d);
    return true;
  }

  async remove(d: DatabaseView): Promise<boolean> {
    try {
      await this.#with(d.id, () => api.databasesDelete({ server: this.#ref, id: d.id }));
    } catch (error) {
      this.#fail(error, t.databases.what.delete, 'database.delete');
      return false;
    }
    if (this.shown?.id === d.id) this.shown = null;
    this.#replace((list) => list.filter((x) => x.id !== d.id));
    this.notice = { tone: 'info', text: t.databases.deleted(d.name) };
    return true;
  }

  /** Leaving the tab: nothing secret stays in memory. */
  dispose(): void {
    this.shown = null;
  }
}
